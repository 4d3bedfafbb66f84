import { describe, expect, it } from 'vitest';
import { startTogaiEmulator } from '../../../../e2e/emulators';
import { closeAfterEach, presetJob, protectedStatus, testEngine, tokenFailure } from '../../../test-support/node-ports';

const started = closeAfterEach();
const API_KEY = 'togai-live-key-0123456789';

async function setup() {
  const emulator = await started(startTogaiEmulator({ apiKey: API_KEY }));
  const { engine, waits } = testEngine();
  const job = (apiKey = API_KEY) => presetJob('togai', emulator.url, { apiKey });
  return { emulator, engine, waits, job };
}

function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.sig`;
}

describe('Togai preset against its emulator', () => {
  it('sends the API key as the bearer and gets a 24 h JWT the API accepts', async () => {
    const { emulator, engine, job } = await setup();
    const grant = await engine.obtain('p1', job());

    const issued = emulator.issued.at(-1);
    expect(grant.token).toBe(issued?.token);
    expect(await protectedStatus(emulator.url, grant.token)).toBe(200);
    expect(grant.expirySource).toBe('JWT exp');
    expect(Math.abs((grant.expiresAt ?? 0) - (issued?.expiresAt ?? 0))).toBeLessThanOrEqual(1000);
    expect((grant.expiresAt ?? 0) - grant.obtainedAt).toBeGreaterThan(24 * 3600_000 - 2000);
    expect(grant.claims?.sub).toBe('togai-api-key');
    expect(emulator.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(emulator.requests[0]?.query).toBe('');
  });

  it('shows Togai\'s own message for a wrong key (401)', async () => {
    const { engine, job } = await setup();
    const error = await tokenFailure(engine.obtain('p1', job('wrong-key')), 'http');
    expect(error.message).toBe('Togai said: "Invalid API key or token" (HTTP 401). Check the key and secret.');
    expect(error.details.status).toBe(401);
  });

  it.each([
    [403, 'Your plan does not include API access', 'not allowed'],
    [404, 'Account not found', 'Not found'],
    [429, 'Too many requests', 'Rate limited: wait a moment and retry.'],
  ])('shows {message} and advice for HTTP %i', async (status, message, advice) => {
    const { emulator, engine, waits, job } = await setup();
    emulator.failNext(status, { message });
    const error = await tokenFailure(engine.obtain('p1', job()), 'http');
    expect(error.message).toContain(`Togai said: "${message}" (HTTP ${status}).`);
    expect(error.message).toContain(advice);
    expect(emulator.tokenRequests).toBe(1);
    expect(waits).toEqual([]);
  });

  it('reports a reply that is not JSON as unreadable', async () => {
    const { emulator, engine, job } = await setup();
    emulator.failNext(200, '<token>abc</token>');
    const error = await tokenFailure(engine.obtain('p1', job()), 'unreadable');
    expect(error.message).toMatch(/Togai answered HTTP 200 but the reply is not JSON/);
  });

  it('reports a reply without a token, naming the path and the keys it has', async () => {
    const { emulator, engine, job } = await setup();
    emulator.failNext(200, { jwt: 'abc', expires: 5 });
    const error = await tokenFailure(engine.obtain('p1', job()), 'mapping');
    expect(error.message).toBe('Togai\'s reply has no token at "token" (it has: jwt, expires).');
  });

  it('leaves the expiry unknown (null), not "never", for a token without exp', async () => {
    const { emulator, engine, job } = await setup();
    const token = unsignedJwt({ sub: 'x', iat: Math.floor(Date.now() / 1000) });
    emulator.failNext(200, { token });
    const grant = await engine.obtain('p1', job());
    expect(grant.token).toBe(token);
    expect(grant.expiresAt).toBeNull();
    expect(grant.expirySource).toBe('unknown');
  });

  it('uses the lifetime you set when the token has no exp', async () => {
    const { emulator, engine } = await setup();
    emulator.failNext(200, { token: 'opaque-token-value' });
    const grant = await engine.obtain('p1', presetJob('togai', emulator.url, { apiKey: API_KEY }, { lifetimeSeconds: 600 }));
    expect(grant.expirySource).toBe('lifetime you set');
    expect((grant.expiresAt ?? 0) - grant.obtainedAt).toBe(600_000);
  });
});
