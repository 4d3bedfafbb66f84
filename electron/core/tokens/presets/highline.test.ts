import { describe, expect, it } from 'vitest';
import { startHighlineEmulator, type HighlineEmulatorOptions } from '../../../../e2e/emulators';
import type { TokenGrant } from '../../recipes/map-token-reply';
import { closeAfterEach, presetJob, protectedStatus, testEngine, tokenFailure, webFetch } from '../../../test-support/node-ports';
import { TokenEngine } from '../token-engine';

const started = closeAfterEach();
const API_KEY = 'hl_key_8c1e';
const SECRET = 'hl_secret_f00d';

/** The JSON bodies of the token requests, oldest first (`/protected` calls are left out). */
function tokenBodies(emulator: { requests: { path: string; body: string }[] }): Record<string, string>[] {
  return emulator.requests.filter((r) => r.path === '/auth/token').map((r) => JSON.parse(r.body) as Record<string, string>);
}

async function setup(options: Partial<HighlineEmulatorOptions> = {}) {
  const emulator = await started(startHighlineEmulator({ apiKey: API_KEY, secret: SECRET, ...options }));
  const { engine } = testEngine();
  const job = (held?: TokenGrant, secret = SECRET) =>
    presetJob('highline', emulator.url, { apiKey: API_KEY, secret }, held && { held: { refreshToken: held.refreshToken, saved: held.saved } });
  const lastBody = () => tokenBodies(emulator).at(-1);
  return { emulator, engine, job, lastBody };
}

describe('Highline preset against its emulator', () => {
  it('logs in with JSON api_key/secret and reads expires_in as an absolute timestamp', async () => {
    const { emulator, engine, job, lastBody } = await setup();
    const grant = await engine.obtain('p1', job());

    const issued = emulator.issued.at(-1);
    expect(grant.token).toBe(issued?.token);
    expect(await protectedStatus(emulator.url, grant.token)).toBe(200);
    expect(lastBody()).toEqual({ api_key: API_KEY, secret: SECRET });
    expect(grant.expirySource).toBe('expires_in (absolute timestamp)');
    expect(grant.expiresAt).toBe(issued?.expiresAt);
    expect((grant.expiresAt ?? 0) - grant.obtainedAt).toBeGreaterThan(15 * 60_000 - 2000);
    expect(grant.refreshToken).toBe(issued?.refreshToken);
    expect(grant.saved).toEqual({ subject: emulator.subject });
  });

  it('refreshes with the newest refresh token and subject, each reply rotating it', async () => {
    const { emulator, engine, job, lastBody } = await setup();
    const first = await engine.obtain('p1', job());

    const second = await engine.obtain('p1', job(first));
    expect(emulator.refreshCount).toBe(1);
    expect(lastBody()).toEqual({ refresh_token: first.refreshToken, subject: emulator.subject, grant_type: 'refresh_token' });
    expect(second.refreshToken).toBe(emulator.issued.at(-1)?.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.expirySource).toBe('expires_in (absolute timestamp)');
    expect(await protectedStatus(emulator.url, second.token)).toBe(200);

    const third = await engine.obtain('p1', job(second));
    expect(emulator.refreshCount).toBe(2);
    expect(lastBody()?.refresh_token).toBe(second.refreshToken);
    expect(await protectedStatus(emulator.url, third.token)).toBe(200);
  });

  it('a reused refresh token is refused, and a full login takes over', async () => {
    const { emulator, engine, job, lastBody } = await setup();
    const first = await engine.obtain('p1', job());
    await engine.obtain('p1', job(first));
    const requestsBefore = emulator.tokenRequests;

    const again = await engine.obtain('p1', job(first));
    expect(emulator.refreshCount).toBe(1);
    expect(emulator.tokenRequests).toBe(requestsBefore + 2);
    expect(tokenBodies(emulator).at(-2)?.refresh_token).toBe(first.refreshToken);
    expect(lastBody()).toEqual({ api_key: API_KEY, secret: SECRET });
    expect(await protectedStatus(emulator.url, again.token)).toBe(200);
    expect(again.refreshToken).toBe(emulator.issued.at(-1)?.refreshToken);
  });

  it('falls back to a full login when an expired refresh token is rejected', async () => {
    let now = Date.now();
    const emulator = await started(startHighlineEmulator({ apiKey: API_KEY, secret: SECRET, now: () => now }));
    const engine = new TokenEngine({ fetch: webFetch, sleep: async () => {}, clock: { now: () => now } });
    const job = (held?: TokenGrant) =>
      presetJob('highline', emulator.url, { apiKey: API_KEY, secret: SECRET }, held && { held: { refreshToken: held.refreshToken, saved: held.saved } });
    const first = await engine.obtain('p1', job());

    now += 16 * 60_000;
    const renewed = await engine.obtain('p1', job(first));
    expect(emulator.refreshCount).toBe(0);
    expect(emulator.tokenRequests).toBe(3);
    expect(await protectedStatus(emulator.url, renewed.token)).toBe(200);
    expect(renewed.expiresAt).toBe(emulator.issued.at(-1)?.expiresAt);
  });

  it('does not fall back when the provider is failing rather than refusing the refresh', async () => {
    const { emulator, engine, job } = await setup();
    const first = await engine.obtain('p1', job());
    emulator.failNext(503, { message: 'maintenance' });
    const error = await tokenFailure(engine.obtain('p1', job(first)), 'http');
    expect(error.message).toContain('(HTTP 503)');
    expect(emulator.tokenRequests).toBe(2);
  });

  it('shows Highline\'s message for a wrong secret, also after a rejected refresh', async () => {
    const { emulator, engine, job } = await setup();
    const wrong = await tokenFailure(engine.obtain('p1', job(undefined, 'bad')), 'http');
    expect(wrong.message).toBe('Highline said: "Invalid API key or secret" (HTTP 401). Check the key and secret.');

    const first = await engine.obtain('p1', job());
    emulator.failNext(401, { message: 'Invalid or expired refresh token' });
    const afterRefresh = await tokenFailure(engine.obtain('p1', job(first, 'bad')), 'http');
    expect(afterRefresh.message).toContain('Invalid API key or secret');
  });

  it('reports a reply that is not JSON as unreadable', async () => {
    const { emulator, engine, job } = await setup();
    emulator.failNext(200, '');
    await tokenFailure(engine.obtain('p1', job()), 'unreadable');
  });
});
