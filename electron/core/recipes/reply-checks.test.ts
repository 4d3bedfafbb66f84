import { describe, expect, it } from 'vitest';
import { startBotlhaleEmulator } from '../../../e2e/emulators';
import { recipeSchema, type RecipeInput } from '../../../shared/recipes/recipe-schema';
import { MAX_EXPIRY_AHEAD_MS } from '../../../shared/tokens/expiry';
import { AppError } from '../app-error';
import { sendJson, startLocalServer } from '../../test-support/local-server';
import { closeAfterEach, presetJob, testEngine, tokenFailure } from '../../test-support/node-ports';
import { tokenServices } from '../../test-support/token-services';
import type { TokenJob } from '../tokens/token-engine';

const started = closeAfterEach();

const LOCAL: RecipeInput = {
  name: 'Local recipe',
  fields: [{ key: 'apiKey', label: 'API key', secret: true }],
  request: { path: '/token', body: { type: 'json', fields: { key: '{{apiKey}}' } } },
  response: { token: 'token', expiry: { path: 'expires_in', kind: 'seconds' } },
};

/** A server that answers every token request with this reply (an object as JSON, a string as is). */
async function replying(body: unknown) {
  return started(
    startLocalServer((_req, res) => {
      if (typeof body !== 'string') return sendJson(res, 200, body);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    }),
  );
}

async function obtain(body: unknown, recipe: Partial<RecipeInput> = {}) {
  const server = await replying(body);
  const job: TokenJob = { recipe: recipeSchema().parse({ ...LOCAL, ...recipe }), providerName: 'Acme prod', baseUrl: server.url, values: { apiKey: 'k-1' } };
  return testEngine().engine.obtain('p1', job);
}

const jwt = (claims: Record<string, unknown>) =>
  ['{"alg":"none"}', JSON.stringify(claims)].map((part) => Buffer.from(part).toString('base64url')).join('.') + '.sig';

describe('the token must fit in a header (RFC 6750 b64token)', () => {
  it.each([
    ['a space', 'abc def'],
    ['CR/LF', 'abc\r\nX-Injected: 1'],
    ['a lone LF', 'abc\n'],
    ['a quote', 'abc"'],
    ['non-ASCII', 'tökén'],
    ['"=" inside', 'abc=def'],
    ['only "="', '=='],
    ['a comma', 'a,b'],
    ['a tab', 'a\tb'],
  ])('refuses a token with %s, without quoting it', async (_, token) => {
    const error = await tokenFailure(obtain({ token, expires_in: 60 }), 'bad-token');
    expect(error.message).toBe(
      'Acme prod returned a token that cannot go in a header: it holds characters a bearer token may not contain (such as spaces, quotes or line breaks), so Keymint did not keep it.',
    );
  });

  it.each([
    ['base64 with padding (Xenioo)', 'dmO/lbiq5FN+oyrAF3BLhdo=='],
    ['every b64token character', 'AZaz09-._~+/=='],
    ['a JWT', jwt({ sub: 'x' })],
  ])('accepts %s', async (_, token) => {
    expect((await obtain({ token, expires_in: 60 })).token).toBe(token);
  });

  it('a token with CR/LF is never stored and never reaches the clipboard', async () => {
    const token = 'good-part\r\nX-Forwarded-For: 10.0.0.1';
    const server = await replying({ token, expires_in: 60 });
    const { providers, tokens, clipboard, store } = tokenServices();
    const { id } = providers.create({ presetId: 'custom', name: 'Acme prod', recipe: JSON.stringify(LOCAL), baseUrl: server.url, values: { apiKey: 'k-1' } });

    await tokens.generate(id);
    expect(tokens.status(id)).toMatchObject({ state: 'error', lastError: { code: 'bad-token' } });
    await expect(tokens.copy(id)).rejects.toBeInstanceOf(AppError);
    expect(clipboard.written).toEqual([]);
    expect(store.text()).not.toContain('X-Forwarded-For');
    expect(server.requests).toHaveLength(2);
  });
});

describe('token_type (RFC 6749 §7.1)', () => {
  it.each([['Bearer'], ['bearer'], ['BEARER'], [null], [''], [undefined]])('accepts %j with the default Bearer header', async (type) => {
    expect((await obtain({ token: 't-1', token_type: type, expires_in: 60 })).token).toBe('t-1');
  });

  it('refuses a DPoP token for a Bearer recipe, saying what to do, without the token', async () => {
    const error = await tokenFailure(obtain({ token: 'dpop-bound-7f', token_type: 'DPoP', expires_in: 60 }), 'token-type');
    expect(error.message).toBe(
      'Acme prod issued a "DPoP" token, which cannot be sent as "Authorization: Bearer <token>": a token of another type must not be used as if it were one (RFC 6749 §7.1). ' +
        'Ask the provider for a Bearer token, or, if the API expects "DPoP" tokens, use a custom recipe whose header scheme is "DPoP".',
    );
    expect(error.message).not.toContain('dpop-bound-7f');
  });

  it.each([['mac'], ['N_A'], ['Basic']])('refuses %s', async (type) => {
    const error = await tokenFailure(obtain({ token: 't-1', token_type: type, expires_in: 60 }), 'token-type');
    expect(error.message).toContain(`issued a "${type}" token`);
  });

  it.each([
    ['a number', 42],
    ['an object', { value: 'Bearer' }],
    ['a type with spaces', 'Bearer token'],
    ['a type with a line break', 'Bearer\r\n'],
    ['an over-long type', 'x'.repeat(41)],
  ])('refuses %s without repeating it', async (_, type) => {
    const error = await tokenFailure(obtain({ token: 't-1', token_type: type, expires_in: 60 }), 'token-type');
    expect(error.message).toMatch(/^Acme prod issued a token of an unrecognised type, which cannot be sent as "Authorization: Bearer <token>"/);
    expect(error.message).toMatch(/Ask the provider for a Bearer token\.$/);
  });

  it("accepts the recipe's own scheme in any case, and still Bearer", async () => {
    const header = { name: 'Authorization', scheme: 'DPoP' };
    expect((await obtain({ token: 't-1', token_type: 'dpop', expires_in: 60 }, { header })).token).toBe('t-1');
    expect((await obtain({ token: 't-2', token_type: 'Bearer', expires_in: 60 }, { header })).token).toBe('t-2');
    const error = await tokenFailure(obtain({ token: 't-3', token_type: 'mac', expires_in: 60 }, { header }), 'token-type');
    expect(error.message).toContain('cannot be sent as "Authorization: DPoP <token>"');
  });

  it('a raw-token header (empty scheme) is not a type: another type is still refused', async () => {
    const header = { name: 'X-Api-Token', scheme: '' };
    const error = await tokenFailure(obtain({ token: 't-1', token_type: 'mac', expires_in: 60 }, { header }), 'token-type');
    expect(error.message).toContain('cannot be sent as "X-Api-Token: <token>"');
    expect((await obtain({ token: 't-2', token_type: 'bearer', expires_in: 60 }, { header })).token).toBe('t-2');
  });

  it('only the top-level token_type counts', async () => {
    const nested = { data: { token: 't-1', token_type: 'mac', expires_in: 60 } };
    expect((await obtain(nested, { response: { token: 'data.token' } })).token).toBe('t-1');
  });

  it("Botlhale's nested Cognito TokenType does not count, whatever it says", async () => {
    const emulator = await started(startBotlhaleEmulator({ apiKey: 'bh-key-1' }));
    emulator.failNext(200, { AuthenticationResult: { IdToken: 'id-token-1', AccessToken: 'a', ExpiresIn: 3600, TokenType: 'DPoP' } });
    const grant = await testEngine().engine.obtain('p1', presetJob('botlhale', emulator.url, { apiKey: 'bh-key-1' }));
    expect(grant.token).toBe('id-token-1');
  });
});

describe('expiry bounds', () => {
  const ABSURD = "For a custom recipe, check that its expiry kind matches the field (seconds, minutes or a timestamp).";

  it('refuses expires_in: 1e300, naming the field and the value', async () => {
    const error = await tokenFailure(obtain({ token: 't-1', expires_in: 1e300 }), 'expiry');
    expect(error.message).toBe(
      `Acme prod reported an absurd expiry (expires_in (seconds) = 1e+300): more than 10 years ahead, so Keymint did not keep the token. ${ABSURD}`,
    );
  });

  it('refuses expires_in: 1e400, which JSON reads as Infinity', async () => {
    const error = await tokenFailure(obtain('{"token": "t-1", "expires_in": 1e400}'), 'expiry');
    expect(error.message).toContain('(expires_in (seconds) = Infinity)');
  });

  it('refuses a JWT exp of 1e20 when the reply has no expiry field', async () => {
    const error = await tokenFailure(obtain({ token: jwt({ exp: 1e20 }) }), 'expiry');
    expect(error.message).toContain('Acme prod reported an absurd expiry (JWT exp = 100000000000000000000)');
  });

  it('accepts up to ten years, flagged; refuses a second more', async () => {
    const tenYears = MAX_EXPIRY_AHEAD_MS / 1000;
    const server = await replying({ token: 'long-1', expires_in: tenYears - 60 });
    const { providers, tokens } = tokenServices();
    const { id } = providers.create({ presetId: 'custom', name: 'Acme prod', recipe: JSON.stringify(LOCAL), baseUrl: server.url, values: { apiKey: 'k-1' } });
    await tokens.generate(id);
    expect(tokens.status(id)).toMatchObject({ state: 'valid', suspicious: 'Suspicious expiry: more than a year ahead' });

    await tokenFailure(obtain({ token: 't-1', expires_in: tenYears + 1 }), 'expiry');
  });

  it('keeps a token whose expiry is already past, flagged', async () => {
    const server = await replying({ token: 'stale-1', expires_in: 0 });
    const { providers, tokens } = tokenServices();
    const { id } = providers.create({ presetId: 'custom', name: 'Acme prod', recipe: JSON.stringify(LOCAL), baseUrl: server.url, values: { apiKey: 'k-1' } });
    await tokens.generate(id);
    expect(tokens.status(id)).toMatchObject({ lastError: null, suspicious: 'Suspicious expiry: already past when the token was issued' });
  });
});
