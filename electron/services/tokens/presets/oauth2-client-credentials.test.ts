import { describe, expect, it } from 'vitest';
import { startOAuthClientCredentialsEmulator, type OAuthClientCredentialsEmulatorOptions } from '../../../../e2e/emulators';
import { closeAfterEach, presetJob, protectedStatus, testEngine, tokenFailure } from '../../testing/node-ports';

const started = closeAfterEach();
const CLIENT_ID = 'svc:reporting tool';
const CLIENT_SECRET = 'p@ss w0rd+/=%&';

async function setup(options: Partial<OAuthClientCredentialsEmulatorOptions> = {}) {
  const emulator = await started(startOAuthClientCredentialsEmulator({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ...options }));
  const { engine } = testEngine();
  const job = (values: Record<string, string> = {}) =>
    presetJob('oauth2-client-credentials', `${emulator.url}/oauth/token`, {
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      scope: '',
      audience: '',
      clientAuth: 'basic',
      ...values,
    });
  return { emulator, engine, job };
}

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
      'OAuth 2.0 client credentials said: "Unknown client or wrong secret (invalid_client)" (HTTP 401). Check the key and secret.',
    );
    expect(error.details.providerCode).toBe('invalid_client');
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
