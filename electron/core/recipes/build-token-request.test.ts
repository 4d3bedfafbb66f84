import { describe, expect, it } from 'vitest';
import { recipeSchema } from '../../../shared/recipes/recipe-schema';
import { sendJson, startLocalServer } from '../../test-support/local-server';
import { closeAfterEach, presetJob, testEngine, tokenFailure } from '../../test-support/node-ports';

const started = closeAfterEach();

/** Answers a token at every path and records which path was asked for. */
const anyPath = () => startLocalServer((_req, res) => sendJson(res, 200, { token: 'path-token' }));

const withPath = (path: string) =>
  recipeSchema().parse({ name: 'Paths', fields: [{ key: 'tenant', label: 'Tenant' }], request: { path }, response: { token: 'token' } });

describe('the token URL, as typed', () => {
  it.each([
    ['/api/', '/token', '/api/token'],
    ['/api', '/token', '/api/token'],
    ['/api/', 'token', '/api/token'],
    ['/api', 'token', '/api/token'],
    ['', '/token', '/token'],
    ['/', '/token', '/token'],
    ['/api/', '/{{tenant}}/token/', '/api/a%2Fb/token/'],
  ])('base "…%s" and path "%s" meet with one slash: %s', async (basePath, path, expected) => {
    const server = await started(anyPath());
    const { engine } = testEngine();
    await engine.obtain('p1', { recipe: withPath(path), baseUrl: `${server.url}${basePath}`, values: { tenant: 'a/b' } });
    expect(server.requests.map((r) => r.path)).toEqual([expected]);
  });

  it('refuses a value that makes a path segment "." or "..", sending nothing', async () => {
    const server = await started(anyPath());
    const { engine } = testEngine();
    for (const tenant of ['..', '.', '%2e%2E']) {
      const error = await tokenFailure(engine.obtain('p1', { recipe: withPath('/{{tenant}}/token'), baseUrl: server.url, values: { tenant } }), 'config');
      expect(error.message).toMatch(/"\." or "\.\."/);
    }
    expect(server.requests).toEqual([]);
  });

  it('keeps a trailing slash when the recipe has no path (Django OAuth Toolkit answers /o/token only with it)', async () => {
    const server = await started(
      startLocalServer((req, res) =>
        req.url === '/o/token/' ? sendJson(res, 200, { access_token: 'dot-token', token_type: 'Bearer', expires_in: 36000 }) : sendJson(res, 404, {}),
      ),
    );
    const { engine } = testEngine();
    const values = { clientId: 'id', clientSecret: 'secret', scope: '', audience: '', clientAuth: 'basic' };
    const grant = await engine.obtain('p1', presetJob('oauth2-client-credentials', `${server.url}/o/token/`, values));
    expect(grant.token).toBe('dot-token');

    await tokenFailure(engine.obtain('p2', presetJob('oauth2-client-credentials', `${server.url}/o/token`, values)), 'http');
    expect(server.requests.map((r) => r.path)).toEqual(['/o/token/', '/o/token']);
  });

  it('trims spaces around the typed URL but nothing else', async () => {
    const server = await started(anyPath());
    const { engine } = testEngine();
    await engine.obtain('p1', { recipe: withPath(''), baseUrl: `  ${server.url}/token//  `, values: { tenant: 'x' } });
    expect(server.requests.map((r) => r.path)).toEqual(['/token//']);
  });
});
