import { describe, expect, it } from 'vitest';
import { startXeniooEmulator, type XeniooEmulatorOptions } from '../../../../e2e/emulators';
import { xenioo } from '../../../../shared/recipes/presets/xenioo';
import { closeAfterEach, presetJob, protectedStatus, testEngine, tokenFailure } from '../../../test-support/node-ports';

const started = closeAfterEach();
const ACCOUNT_KEY = 'xen-account-7d9e';
const BOT = { apiKey: 'xen-bot-key-31', secret: 'xen-bot-secret-77' };

async function setup(options: Partial<XeniooEmulatorOptions> = {}) {
  const emulator = await started(startXeniooEmulator({ accountApiKey: ACCOUNT_KEY, bot: BOT, ...options }));
  const { engine } = testEngine();
  return { emulator, engine, job: (values: Record<string, string>) => presetJob('xenioo', emulator.url, values) };
}

const words = xenioo.recipe?.statusMessages ?? {};

describe('Xenioo preset against its emulator', () => {
  it('gets an account-wide token with the account key only', async () => {
    const { emulator, engine, job } = await setup({ lifetimeMinutes: 60 });
    const grant = await engine.obtain('p1', job({ accountApiKey: ACCOUNT_KEY, botApiKey: '', botApiSecret: '' }));

    expect(emulator.issued.at(-1)).toMatchObject({ token: grant.token, kind: 'account' });
    expect(await protectedStatus(emulator.url, grant.token)).toBe(200);
    expect(JSON.parse(emulator.requests[0]?.body ?? '')).toEqual({ AccountAPIKey: ACCOUNT_KEY });
    expect(grant.expirySource).toBe('expires (minutes)');
    expect((grant.expiresAt ?? 0) - grant.obtainedAt).toBe(60 * 60_000);
    expect(Math.abs((grant.expiresAt ?? 0) - (emulator.issued.at(-1)?.expiresAt ?? 0))).toBeLessThanOrEqual(1000);
    expect(grant.claims).toBeUndefined();
  });

  it('gets a bot-level token when both bot fields are given', async () => {
    const { emulator, engine, job } = await setup();
    const grant = await engine.obtain('p1', job({ accountApiKey: ACCOUNT_KEY, botApiKey: BOT.apiKey, botApiSecret: BOT.secret }));

    expect(emulator.issued.at(-1)).toMatchObject({ token: grant.token, kind: 'bot' });
    expect(await protectedStatus(emulator.url, grant.token)).toBe(200);
    expect(JSON.parse(emulator.requests[0]?.body ?? '')).toEqual({
      AccountAPIKey: ACCOUNT_KEY,
      BotAPIKey: BOT.apiKey,
      BotAPISecret: BOT.secret,
    });
  });

  it('reads the legacy Token/Expires spelling', async () => {
    const { emulator, engine, job } = await setup({ legacySpelling: true, lifetimeMinutes: 30 });
    const grant = await engine.obtain('p1', job({ accountApiKey: ACCOUNT_KEY }));

    expect(grant.token).toBe(emulator.issued.at(-1)?.token);
    expect(await protectedStatus(emulator.url, grant.token)).toBe(200);
    expect(grant.expirySource).toMatch(/^expires \(minutes\)$/i);
    expect((grant.expiresAt ?? 0) - grant.obtainedAt).toBe(30 * 60_000);
  });

  it('explains 404 (unknown account key) in plain words', async () => {
    const { engine, job } = await setup();
    const error = await tokenFailure(engine.obtain('p1', job({ accountApiKey: 'xen-unknown' })), 'http');
    expect(error.message).toContain(words['404']);
    expect(error.message).toMatch(/\(HTTP 404\)$/);
  });

  it('explains 403 (free account) in plain words', async () => {
    const { engine, job } = await setup({ freeAccount: true });
    const error = await tokenFailure(engine.obtain('p1', job({ accountApiKey: ACCOUNT_KEY })), 'http');
    expect(error.message).toContain(words['403']);
    expect(error.message).toMatch(/\(HTTP 403\)$/);
  });

  it('explains 400 (bot key without its secret) in plain words', async () => {
    const { emulator, engine, job } = await setup();
    const error = await tokenFailure(engine.obtain('p1', job({ accountApiKey: ACCOUNT_KEY, botApiKey: BOT.apiKey })), 'http');
    expect(error.message).toContain(words['400']);
    expect(error.message).toMatch(/\(HTTP 400\)$/);
    expect(JSON.parse(emulator.requests[0]?.body ?? '')).toEqual({ AccountAPIKey: ACCOUNT_KEY, BotAPIKey: BOT.apiKey });
  });

  it('reports a reply that is not JSON as unreadable', async () => {
    const { emulator, engine, job } = await setup();
    emulator.failNext(200, 'token=abc;expires=60');
    await tokenFailure(engine.obtain('p1', job({ accountApiKey: ACCOUNT_KEY })), 'unreadable');
  });
});
