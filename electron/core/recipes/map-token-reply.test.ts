import { describe, expect, it } from 'vitest';
import { startXeniooEmulator } from '../../../e2e/emulators';
import { recipeSchema, type RecipeInput } from '../../../shared/recipes/recipe-schema';
import { sendJson, startLocalServer } from '../../test-support/local-server';
import { closeAfterEach, presetJob, testEngine, tokenFailure } from '../../test-support/node-ports';
import type { TokenErrorKind } from '../exchange-errors/token-error';

const started = closeAfterEach();

const RECIPE: RecipeInput = {
  name: 'Recipe name',
  fields: [
    { key: 'apiKey', label: 'API key', secret: true },
    { key: 'scope', label: 'Scope', required: false },
  ],
  request: { path: '/token', body: { type: 'form', fields: { key: '{{apiKey}}', scope: '{{scope}}' } } },
  response: { token: 'access_token', expiry: { path: 'expires_in', kind: 'seconds' } },
};

async function obtain(status: number, body: string, recipe: RecipeInput = RECIPE, values: Record<string, string> = {}) {
  const server = await started(
    startLocalServer((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body);
    }),
  );
  const job = { recipe: recipeSchema().parse(recipe), providerName: 'Billing (EU)', baseUrl: server.url, values: { apiKey: 'k-1', ...values } };
  return testEngine().engine.obtain('p1', job);
}

describe('every reply message names the provider as the user named it', () => {
  it.each<[TokenErrorKind, number, string]>([
    ['http', 401, '{"error": "invalid_client"}'],
    ['http', 500, ''],
    ['unreadable', 200, 'not json'],
    ['mapping', 200, '{"token": "t"}'],
    ['bad-token', 200, '{"access_token": "a b"}'],
    ['token-type', 200, '{"access_token": "t", "token_type": "mac"}'],
    ['expiry', 200, '{"access_token": "t", "expires_in": 1e300}'],
  ])('%s (HTTP %i)', async (kind, status, body) => {
    const error = await tokenFailure(obtain(status, body), kind);
    expect(error.message.startsWith('Billing (EU)')).toBe(true);
    expect(error.message).not.toContain('Recipe name');
  });

  it("and a documented status's words", async () => {
    const emulator = await started(startXeniooEmulator({ accountApiKey: 'acct-1' }));
    const job = presetJob('xenioo', emulator.url, { accountApiKey: 'wrong' }, { providerName: 'Bots (prod)' });
    const error = await tokenFailure(testEngine().engine.obtain('p1', job), 'http');
    expect(error.message).toMatch(/^Xenioo did not find this account API key\. .*\(HTTP 404\)$/);
    expect(error.message).toContain('Bots (prod) said:');
  });
});

describe('the checks run only on success and in order', () => {
  it('a disabled client is reported before anything about its token', async () => {
    const recipe = { ...RECIPE, response: { ...RECIPE.response, mustBeTrue: [{ path: 'enabled', message: 'Disabled.' }] } };
    await tokenFailure(obtain(200, '{"access_token": "a b", "token_type": "mac", "enabled": false}', recipe), 'disabled');
  });

  it('a token that cannot go in a header is refused before its type is judged', async () => {
    await tokenFailure(obtain(200, '{"access_token": "a\\r\\nb", "token_type": "mac"}'), 'bad-token');
  });
});

describe('scope note', () => {
  it('uses the scope the request sent', async () => {
    const grant = await obtain(200, '{"access_token": "t", "scope": "read"}', RECIPE, { scope: 'read write' });
    expect(grant.scopeNote).toBe('Granted scope "read" is narrower than requested "read write".');
  });

  it('never quotes a secret field named scope', async () => {
    const secretScope = { ...RECIPE, fields: [RECIPE.fields?.[0] ?? { key: 'apiKey', label: 'API key' }, { key: 'scope', label: 'Scope', secret: true }] };
    const grant = await obtain(200, '{"access_token": "t", "scope": "read"}', secretScope, { scope: 'read hidden-7f2a' });
    expect(grant.scopeNote).toBeUndefined();
  });

  it('quotes only scope tokens RFC 6749 allows, each short', async () => {
    const granted = JSON.stringify({ access_token: 't', scope: `read "quoted" ${'x'.repeat(150)} caf\u00e9` });
    const grant = await obtain(200, granted, RECIPE, { scope: 'read write' });
    expect(grant.scopeNote).toBe('Granted scope "read" is narrower than requested "read write".');
  });

  it('cuts very long scope lists', async () => {
    const requested = Array.from({ length: 60 }, (_, i) => `scope:${i}`).join(' ');
    const grant = await obtain(200, '{"access_token": "t", "scope": "scope:1"}', RECIPE, { scope: requested });
    expect(grant.scopeNote).toMatch(/^Granted scope "scope:1" is narrower than requested "scope:0 scope:1 .*scope:\d+…"\.$/);
    expect(grant.scopeNote?.length).toBeLessThan(300);
  });
});

describe('hostile replies', () => {
  it('a reply without the token names only short, printable keys', async () => {
    const body = JSON.stringify({ ['k'.repeat(5000)]: 1, 'bad\u0007key': 2, fine: 3 });
    const error = await tokenFailure(obtain(200, body), 'mapping');
    expect(error.message).toMatch(/\(it has: k{40}…, fine\)/);
    expect(error.message.length).toBeLessThan(300);
  });

  it('an error body nested thousands deep is a typed error, not a crash', async () => {
    const deep = `${'['.repeat(5000)}"deep"${']'.repeat(5000)}`;
    const error = await tokenFailure(obtain(500, deep), 'http');
    expect(error.message).toMatch(/^Billing \(EU\) answered with 10006 bytes of application\/json \(HTTP 500\)/);
  });
});

describe('a plain success', () => {
  it('reads token and expiry, with no scope note when no scope was asked for', async () => {
    const server = await started(startLocalServer((_req, res) => sendJson(res, 200, { access_token: 'plain-1', expires_in: 60 })));
    const grant = await testEngine().engine.obtain('p1', { recipe: recipeSchema().parse(RECIPE), baseUrl: server.url, values: { apiKey: 'k-1' } });
    expect(grant).toMatchObject({ token: 'plain-1', expirySource: 'expires_in (seconds)' });
    expect(grant.scopeNote).toBeUndefined();
  });
});
