import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness, type HarnessOptions } from '../test-support/keymint-harness';

const PASSPHRASE = 'first passphrase';
const togai = { presetId: 'togai', name: 'Togai', baseUrl: 'https://api.togai.com', values: { apiKey: 'togai-locked-key-5e2a' } };
const recipes = JSON.stringify({ format: 'keymint-recipes', version: 1, providers: [{ name: 'Shared', preset: 'togai', baseUrl: 'https://api.togai.com' }] });
const open: Harness[] = [];

afterEach(() => open.splice(0).forEach((h) => h.keymint.dispose()));

/** A passphrase vault with one provider, on a clock the test moves. */
async function vaultWithProvider(options: HarnessOptions = {}) {
  const time = { now: Date.UTC(2026, 0, 5, 9) };
  const app = openHarness({ clock: { now: () => time.now }, ...options });
  open.push(app);
  await app.value('vault:setup', { method: 'passphrase', passphrase: PASSPHRASE });
  const { id } = await app.value<{ id: string }>('providers:create', togai);
  return { app, id, time };
}

const state = async (app: Harness) => (await app.value<{ state: string }>('vault:status')).state;

describe('a locked vault refuses changes', () => {
  it('removing a provider, changing auto-lock and importing are refused with "locked", and the file stays as it was', async () => {
    const { app, id } = await vaultWithProvider();
    const backup = readFileSync((await app.value<{ savedTo: string }>('backup:export', { passphrase: 'backup passphrase', currentPassphrase: PASSPHRASE })).savedTo, 'utf8');
    await app.value('vault:lock');
    const before = readFileSync(app.dataFile, 'utf8');
    const attempts: [string, object][] = [
      ['providers:remove', { id }],
      ['vault:set-auto-lock', { minutes: null }],
      ['vault:set-lock-on-sleep', { enabled: false }],
      ['recipes:import', { content: recipes }],
      ['backup:import', { content: backup, passphrase: 'backup passphrase' }],
    ];
    for (const [channel, input] of attempts) {
      expect(await app.call(channel, input), channel).toMatchObject({ ok: false, code: 'locked' });
    }
    expect(readFileSync(app.dataFile, 'utf8')).toBe(before);
    expect(app.waits, 'no key derivation was started for the refused backup').toEqual([]);
  });

  it('past the idle deadline, setting auto-lock finds the vault locked instead of reviving it', async () => {
    const { app, time } = await vaultWithProvider();
    await app.value('vault:set-auto-lock', { minutes: 1 });
    time.now += 2 * 60_000;
    expect(await app.call('vault:set-auto-lock', { minutes: 60 })).toMatchObject({ ok: false, code: 'locked' });
    expect(await state(app)).toBe('locked');
    expect(JSON.parse(readFileSync(app.dataFile, 'utf8')).settings.autoLockMinutes).toBe(1);
  });

  it('any action, even a status read, checks the idle deadline first', async () => {
    const { app, time } = await vaultWithProvider();
    await app.value('vault:set-auto-lock', { minutes: 1 });
    time.now += 61_000;
    expect(await state(app)).toBe('locked');
  });
});

describe('activity keeps the vault open', () => {
  it('a signal from the window postpones auto-lock, but never revives a vault past its deadline', async () => {
    const { app, time } = await vaultWithProvider();
    await app.value('vault:set-auto-lock', { minutes: 1 });
    for (let i = 0; i < 5; i++) {
      time.now += 50_000;
      expect(await app.value('vault:activity')).toBeNull();
    }
    expect(await state(app)).toBe('unlocked');
    time.now += 61_000;
    expect(await app.value('vault:activity')).toBeNull();
    expect(await state(app)).toBe('locked');
  });

  it('is ignored while locked', async () => {
    const { app } = await vaultWithProvider();
    await app.value('vault:lock');
    expect(await app.value('vault:activity')).toBeNull();
    expect(await state(app)).toBe('locked');
  });
});

describe('screen lock and sleep', () => {
  it('lock the vault by default; the setting persists and turns it off', async () => {
    let systemLocks = (): void => undefined;
    const { app } = await vaultWithProvider({ onSystemLock: (listener) => ((systemLocks = listener), () => undefined) });
    expect((await app.value<{ lockOnSleep: boolean }>('vault:status')).lockOnSleep).toBe(true);
    systemLocks();
    expect(await state(app)).toBe('locked');

    await app.value('vault:unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    await app.value('vault:set-lock-on-sleep', { enabled: false });
    expect(JSON.parse(readFileSync(app.dataFile, 'utf8')).settings.lockOnSleep).toBe(false);
    systemLocks();
    expect(await state(app)).toBe('unlocked');
  });
});

describe('guessing the passphrase', () => {
  it('each wrong passphrase makes main wait longer before checking the next one', async () => {
    const { app } = await vaultWithProvider();
    await app.value('vault:lock');
    for (let i = 0; i < 4; i++) {
      expect(await app.call('vault:unlock', { method: 'passphrase', passphrase: `guess number ${i}` })).toMatchObject({ ok: false, code: 'wrong-passphrase' });
    }
    expect(app.waits).toEqual([1000, 2000, 4000]);
    await app.value('vault:unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    expect(app.waits).toEqual([1000, 2000, 4000, 8000]);
  });
});
