import { describe, expect, it } from 'vitest';
import { startBotlhaleEmulator } from '../../../../e2e/emulators';
import { closeAfterEach, presetJob, protectedStatus, testEngine, tokenFailure } from '../../../test-support/node-ports';

const started = closeAfterEach();
const API_KEY = 'bh_live_5f1d2c3b4a';

async function setup(lifetimeSeconds?: number) {
  const emulator = await started(startBotlhaleEmulator({ apiKey: API_KEY, lifetimeSeconds }));
  const { engine } = testEngine();
  return { emulator, engine, job: (apiKey = API_KEY) => presetJob('botlhale', emulator.url, { apiKey }) };
}

describe('Botlhale preset against its emulator', () => {
  it('sends the key as multipart REFRESH_TOKEN and Basic key:key, and returns the IdToken', async () => {
    const { emulator, engine, job } = await setup();
    const grant = await engine.obtain('p1', job());

    const issued = emulator.issued.at(-1);
    expect(grant.token).toBe(issued?.token);
    expect(grant.token).not.toBe(issued?.accessToken);
    expect(await protectedStatus(emulator.url, grant.token)).toBe(200);
    const request = emulator.requests[0];
    expect(request?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from(`${API_KEY}:${API_KEY}`).toString('base64')}`);
  });

  it('reads ExpiresIn as seconds and says so', async () => {
    const { emulator, engine, job } = await setup(86_400);
    const grant = await engine.obtain('p1', job());
    expect(grant.expirySource).toBe('ExpiresIn (seconds)');
    expect(Math.abs((grant.expiresAt ?? 0) - (emulator.issued.at(-1)?.expiresAt ?? 0))).toBeLessThanOrEqual(1000);
    expect((grant.expiresAt ?? 0) - grant.obtainedAt).toBe(86_400_000);
  });

  it('shows Botlhale\'s message for a wrong key', async () => {
    const { emulator, engine, job } = await setup();
    const error = await tokenFailure(engine.obtain('p1', job('bh_live_wrong')), 'http');
    expect(error.message).toBe('Botlhale said: "Invalid API key" (HTTP 401). Check the key and secret.');
    expect(emulator.issued).toHaveLength(0);
  });

  it('reports a reply that is not JSON as unreadable', async () => {
    const { emulator, engine, job } = await setup();
    emulator.failNext(200, '{"AuthenticationResult": {"IdToken": "abc"');
    await tokenFailure(engine.obtain('p1', job()), 'unreadable');
  });

  it('reports a reply with the AccessToken only as a mapping problem, not a token', async () => {
    const { emulator, engine, job } = await setup();
    emulator.failNext(200, { AuthenticationResult: { AccessToken: 'a', ExpiresIn: 3600 } });
    const error = await tokenFailure(engine.obtain('p1', job()), 'mapping');
    expect(error.message).toContain('"AuthenticationResult.IdToken"');
  });
});
