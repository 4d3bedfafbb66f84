import { describe, expect, it } from 'vitest';
import { presetRecipe } from '../../../shared/recipes/presets';
import { AppError } from '../app-error';
import { sendJson, startLocalServer } from '../../test-support/local-server';
import { closeAfterEach } from '../../test-support/node-ports';
import { tokenServices } from '../../test-support/token-services';
import { checkBaseUrl } from './provider-recipe';

const started = closeAfterEach();
const oauth = presetRecipe('oauth2-client-credentials');
const togai = presetRecipe('togai');
const CLIENT = { clientId: 'reporting', clientSecret: 'dot-secret-5c1e', clientAuth: 'body' };

describe('checkBaseUrl', () => {
  it('keeps the URL as typed, trailing slash included, only trimming spaces', () => {
    if (!oauth || !togai) throw new Error('presets missing');
    expect(checkBaseUrl(oauth, ' https://auth.example.com/o/token/ ')).toBe('https://auth.example.com/o/token/');
    expect(checkBaseUrl(oauth, 'https://auth.example.com/o/token')).toBe('https://auth.example.com/o/token');
    expect(checkBaseUrl(togai, '')).toBe('https://api.togai.com');
    expect(() => checkBaseUrl(oauth, 'http://auth.example.com/o/token/')).toThrow(AppError);
  });
});

describe('a provider whose token endpoint needs its trailing slash', () => {
  async function djangoLike() {
    return started(
      startLocalServer((req, res) =>
        req.url === '/o/token/' ? sendJson(res, 200, { access_token: 'dot-token-1', token_type: 'Bearer', expires_in: 36000 }) : sendJson(res, 404, {}),
      ),
    );
  }

  it('is stored with the slash and gets its token there', async () => {
    const server = await djangoLike();
    const { providers, tokens, clipboard } = tokenServices();
    const { id } = providers.create({ presetId: 'oauth2-client-credentials', name: 'Django', baseUrl: `${server.url}/o/token/`, values: CLIENT });

    expect(providers.get(id).baseUrl).toBe(`${server.url}/o/token/`);
    await tokens.generate(id);
    expect(tokens.status(id)).toMatchObject({ state: 'valid', lastError: null });
    await tokens.copy(id);
    expect(clipboard.written).toEqual(['Authorization: Bearer dot-token-1']);
    expect(server.requests.map((r) => r.path)).toEqual(['/o/token/']);
  });

  it('adding the slash later is an edit on the same server: the stored secret stays', async () => {
    const server = await djangoLike();
    const { providers, tokens } = tokenServices();
    const { id } = providers.create({ presetId: 'oauth2-client-credentials', name: 'Django', baseUrl: `${server.url}/o/token`, values: CLIENT });
    await tokens.generate(id);
    expect(tokens.status(id).lastError).toMatchObject({ code: 'http', message: expect.stringContaining('HTTP 404') });

    const updated = providers.update({ id, baseUrl: `${server.url}/o/token/` });
    expect(updated.baseUrl).toBe(`${server.url}/o/token/`);
    expect(Object.keys(updated.secrets)).toEqual(['clientSecret']);
    await tokens.generate(id);
    expect(tokens.status(id)).toMatchObject({ state: 'valid', lastError: null });
  });
});
