import { describe, expect, it } from 'vitest';
import { startOAuthClientCredentialsEmulator, type OAuthClientCredentialsEmulatorOptions } from '../../../../e2e/emulators';
import { closeAfterEach, presetJob, protectedStatus, testEngine, tokenFailure } from '../../../test-support/node-ports';
import type { TokenJob } from '../token-engine';

const started = closeAfterEach();
const CLIENT_ID = 'svc:reporting tool';
const CLIENT_SECRET = 'p@ss w0rd+/=%&';

async function setup(options: Partial<OAuthClientCredentialsEmulatorOptions> = {}, extra: Partial<TokenJob> = {}) {
  const emulator = await started(startOAuthClientCredentialsEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ...options }));
  const { engine } = testEngine();
  const job = (values: Record<string, string> = {}) =>
    presetJob(
      'oauth2-client-credentials',
      `${emulator.url}/oauth/token`,
      { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scope: '', audience: '', clientAuth: 'basic', ...values },
      extra,
    );
  return { emulator, engine, job };
}

const HINTS = {
  invalid_client:
    'Check the Client ID and Client secret, and the Client authentication choice: this server may want them as HTTP Basic or in the request body.',
  invalid_scope: 'Check the Scope field: ask only for scopes this client is allowed (space-separated), or leave it empty for the default.',
};

describe('OAuth 2.0 client credentials preset against its emulator', () => {
  it('authenticates with HTTP Basic over form-urlencoded id and secret', async () => {
    const { emulator, engine, job } = await setup({ clientAuth: 'basic', lifetimeSeconds: 1800 });
    const grant = await engine.obtain('p1', job());

    expect(grant.token).toBe(emulator.issued.at(-1)?.token);
    expect(await protectedStatus(emulator.url, grant.token)).toBe(200);
    expect(grant.expirySource).toBe('expires_in (seconds)');
    expect((grant.expiresAt ?? 0) - grant.obtainedAt).toBe(1_800_000);
    // The emulator's expiry is whole seconds from its own clock; the client's counts from the reply's arrival.
    expect(Math.abs((grant.expiresAt ?? 0) - (emulator.issued.at(-1)?.expiresAt ?? 0))).toBeLessThan(2000);
    const body = new URLSearchParams(emulator.requests[0]?.body);
    expect([...body.keys()]).toEqual(['grant_type']);
    expect(emulator.requests[0]?.headers.authorization).toMatch(/^Basic /);
  });

  it('authenticates with client_id and client_secret in the body when chosen', async () => {
    const { emulator, engine, job } = await setup({ clientAuth: 'body' });
    const grant = await engine.obtain('p1', job({ clientAuth: 'body' }));

    expect(await protectedStatus(emulator.url, grant.token)).toBe(200);
    expect(emulator.requests[0]?.headers.authorization).toBeUndefined();
    const body = new URLSearchParams(emulator.requests[0]?.body);
    expect(Object.fromEntries(body)).toEqual({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
  });

  it('sends scope and audience only when they are set', async () => {
    const { emulator, engine, job } = await setup();
    await engine.obtain('p1', job());
    expect(emulator.lastScope).toBeUndefined();
    expect(emulator.lastAudience).toBeUndefined();
    expect(emulator.requests[0]?.body).toBe('grant_type=client_credentials');

    await engine.obtain('p1', job({ scope: 'read:reports write:reports', audience: 'https://api.example.com' }));
    expect(emulator.lastScope).toBe('read:reports write:reports');
    expect(emulator.lastAudience).toBe('https://api.example.com');
  });

  it('shows the invalid_client description for a wrong secret', async () => {
    const { engine, job } = await setup();
    const error = await tokenFailure(engine.obtain('p1', job({ clientSecret: 'nope' })), 'http');
    expect(error.message).toBe(
      `OAuth 2.0 client credentials said: "Unknown client or wrong secret (invalid_client)" (HTTP 401). ${HINTS.invalid_client}`,
    );
    expect(error.details).toMatchObject({ status: 401, providerCode: 'invalid_client' });
  });

  it('names the provider as the user named it', async () => {
    const { engine, job } = await setup({}, { providerName: 'Reporting (staging)' });
    const error = await tokenFailure(engine.obtain('p1', job({ clientSecret: 'nope' })), 'http');
    expect(error.message).toMatch(/^Reporting \(staging\) said: "Unknown client or wrong secret \(invalid_client\)"/);
  });

  it('shows why a client registered for the other method is refused', async () => {
    const { engine, job } = await setup({ clientAuth: 'body' });
    const error = await tokenFailure(engine.obtain('p1', job({ clientAuth: 'basic' })), 'http');
    expect(error.message).toContain('This client must authenticate with body parameters (invalid_client)');
  });

  it('falls back to the JWT exp when expires_in is left out', async () => {
    const { emulator, engine, job } = await setup({ omitExpiresIn: true });
    const grant = await engine.obtain('p1', job());
    expect(grant.expirySource).toBe('JWT exp');
    expect(grant.expiresAt).toBe(emulator.issued.at(-1)?.expiresAt);
  });

  it('leaves the expiry unknown for an opaque token without expires_in', async () => {
    const { emulator, engine, job } = await setup();
    emulator.failNext(200, { access_token: 'opaque-2f8a9c', token_type: 'Bearer' });
    const grant = await engine.obtain('p1', job());
    expect(grant).toMatchObject({ token: 'opaque-2f8a9c', expiresAt: null, expirySource: 'unknown' });
  });

  it('reports a reply that is not JSON as unreadable', async () => {
    const { emulator, engine, job } = await setup();
    emulator.failNext(200, 'access_token=abc&expires_in=3600');
    await tokenFailure(engine.obtain('p1', job()), 'unreadable');
  });
});

describe('OAuth error replies', () => {
  it.each([
    ['invalid_client', 401, 'Client ID and Client secret'],
    ['invalid_scope', 400, 'Scope field'],
    ['invalid_target', 400, 'Audience field'],
    ['unauthorized_client', 400, 'enable the client credentials grant'],
    ['unsupported_grant_type', 400, 'Token URL is the token endpoint'],
    ['invalid_grant', 400, 'generate a new token'],
    ['invalid_request', 400, 'both as HTTP Basic and in the body'],
  ])('%s gets its own hint instead of the HTTP %i one, and keeps the code', async (code, status, words) => {
    const { emulator, engine, job } = await setup();
    emulator.failNext(status, { error: code, error_description: 'Refused' });
    const error = await tokenFailure(engine.obtain('p1', job()), 'http');
    expect(error.message).toMatch(new RegExp(`^OAuth 2\\.0 client credentials said: "Refused \\(${code}\\)" \\(HTTP ${status}\\)\\. `));
    expect(error.message).toContain(words);
    expect(error.message).not.toContain('Check the key and secret.');
    expect(error.details).toMatchObject({ status, providerCode: code });
  });

  it('an unknown code falls back to the status hint', async () => {
    const { emulator, engine, job } = await setup();
    emulator.failNext(503, { error: 'temporarily_unavailable' });
    const error = await tokenFailure(engine.obtain('p1', job()), 'http');
    expect(error.message).toBe('OAuth 2.0 client credentials said: "temporarily_unavailable" (HTTP 503). The provider is having trouble; try again later.');
    expect(error.details.providerCode).toBe('temporarily_unavailable');
  });

  it('a scope the server does not allow at all is invalid_scope, with its hint', async () => {
    const { engine, job } = await setup({ allowedScopes: ['read'] });
    const error = await tokenFailure(engine.obtain('p1', job({ scope: 'admin' })), 'http');
    expect(error.message).toBe(
      `OAuth 2.0 client credentials said: "None of the requested scopes is allowed for this client (invalid_scope)" (HTTP 400). ${HINTS.invalid_scope}`,
    );
    expect(error.details.providerCode).toBe('invalid_scope');
  });

  describe('WWW-Authenticate, when the body has no OAuth error', () => {
    const challenge = 'Bearer realm="x", error="invalid_client", error_description="Client authentication failed"';

    it('reads error and error_description from the header (empty body)', async () => {
      const { emulator, engine, job } = await setup();
      emulator.failNext(401, '', { 'WWW-Authenticate': challenge });
      const error = await tokenFailure(engine.obtain('p1', job()), 'http');
      expect(error.message).toBe(`OAuth 2.0 client credentials said: "Client authentication failed (invalid_client)" (HTTP 401). ${HINTS.invalid_client}`);
      expect(error.details).toMatchObject({ status: 401, providerCode: 'invalid_client' });
    });

    it('prefers the header to a body without an OAuth error, in any scheme and with escapes', async () => {
      const { emulator, engine, job } = await setup();
      emulator.failNext(400, { message: 'Bad Request' }, { 'WWW-Authenticate': 'Basic realm="oauth", DPoP error="invalid_scope", error_description="No \\"admin\\" here"' });
      const error = await tokenFailure(engine.obtain('p1', job()), 'http');
      expect(error.message).toBe(`OAuth 2.0 client credentials said: "No "admin" here (invalid_scope)" (HTTP 400). ${HINTS.invalid_scope}`);
    });

    it('the body wins when it has an OAuth error', async () => {
      const { engine, job } = await setup();
      // The emulator's invalid_client reply also carries WWW-Authenticate: Basic realm="oauth".
      const error = await tokenFailure(engine.obtain('p1', job({ clientSecret: 'nope' })), 'http');
      expect(error.message).toContain('said: "Unknown client or wrong secret (invalid_client)"');
    });

    it('a challenge without an error leaves the status hint', async () => {
      const { emulator, engine, job } = await setup();
      emulator.failNext(401, '', { 'WWW-Authenticate': 'Basic realm="oauth"' });
      const error = await tokenFailure(engine.obtain('p1', job()), 'http');
      expect(error.message).toBe('OAuth 2.0 client credentials answered (HTTP 401). Check the key and secret.');
      expect(error.details.providerCode).toBeUndefined();
    });

    it('a malformed header is read only as far as it makes sense', async () => {
      const { emulator, engine, job } = await setup();
      emulator.failNext(401, '', { 'WWW-Authenticate': 'Bearer error="invalid_client", error_description="unterminated' });
      const error = await tokenFailure(engine.obtain('p1', job()), 'http');
      expect(error.message).toBe(`OAuth 2.0 client credentials said: "invalid_client" (HTTP 401). ${HINTS.invalid_client}`);
    });
  });

  describe('error_uri', () => {
    it('is shown as plain text when it is an http(s) address', async () => {
      const { emulator, engine, job } = await setup();
      emulator.failNext(400, { error: 'invalid_scope', error_uri: 'https://auth.example.com/docs/errors#scope' });
      const error = await tokenFailure(engine.obtain('p1', job()), 'http');
      expect(error.message).toBe(
        `OAuth 2.0 client credentials said: "invalid_scope" (HTTP 400). ${HINTS.invalid_scope} More from OAuth 2.0 client credentials about this error: https://auth.example.com/docs/errors`,
      );
    });

    it('from the header too', async () => {
      const { emulator, engine, job } = await setup();
      emulator.failNext(401, '', { 'WWW-Authenticate': 'Bearer error="invalid_client", error_uri="https://auth.example.com/e"' });
      const error = await tokenFailure(engine.obtain('p1', job()), 'http');
      expect(error.message).toMatch(/about this error: https:\/\/auth\.example\.com\/e$/);
    });

    it('is left out when it is not http(s)', async () => {
      const { emulator, engine, job } = await setup();
      emulator.failNext(400, { error: 'invalid_scope', error_uri: 'javascript:alert(document.cookie)' });
      const error = await tokenFailure(engine.obtain('p1', job()), 'http');
      expect(error.message).not.toContain('javascript');
      expect(error.message).not.toContain('about this error');
    });
  });
});

describe('granted scope', () => {
  it('notes a grant narrower than the request', async () => {
    const { emulator, engine, job } = await setup({ allowedScopes: ['read', 'report'] });
    const grant = await engine.obtain('p1', job({ scope: 'read  write' }));
    expect(grant.scopeNote).toBe('Granted scope "read" is narrower than requested "read write".');
    expect(await protectedStatus(emulator.url, grant.token)).toBe(200);
  });

  it('says nothing when the grant is what was asked, broader, or the server default', async () => {
    const { engine, job } = await setup({ allowedScopes: ['read', 'report'] });
    expect((await engine.obtain('p1', job({ scope: 'report read' }))).scopeNote).toBeUndefined();
    expect((await engine.obtain('p1', job({ scope: '' }))).scopeNote).toBeUndefined();

    const { emulator, engine: other, job: otherJob } = await setup();
    emulator.failNext(200, { access_token: 'wide-1', token_type: 'Bearer', expires_in: 60, scope: 'read write admin' });
    expect((await other.obtain('p1', otherJob({ scope: 'read write' }))).scopeNote).toBeUndefined();
  });

  it('notes an empty grant', async () => {
    const { emulator, engine, job } = await setup();
    emulator.failNext(200, { access_token: 'none-1', token_type: 'Bearer', expires_in: 60, scope: '' });
    expect((await engine.obtain('p1', job({ scope: 'read' }))).scopeNote).toBe('No scope was granted, narrower than requested "read".');
  });
});

describe('token_type', () => {
  it('refuses a DPoP-bound token the preset would send as Bearer', async () => {
    const { emulator, engine, job } = await setup();
    emulator.failNext(200, { access_token: 'bound-1', token_type: 'DPoP', expires_in: 60 });
    const error = await tokenFailure(engine.obtain('p1', job()), 'token-type');
    expect(error.message).toMatch(/^OAuth 2\.0 client credentials issued a "DPoP" token, which cannot be sent as "Authorization: Bearer <token>"/);
  });
});
