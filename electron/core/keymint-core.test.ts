import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startTogaiEmulator } from '../../e2e/emulators';
import { CHANNEL_NAMES, channels } from '../../shared/ipc/contract';
import { closeAfterEach } from '../test-support/node-ports';
import { harnessesDisposedAfterEach } from '../test-support/keymint-harness';
import type { CoreChange } from './keymint-core';

const API_KEY = 'togai-core-key-7d31c9';
const started = closeAfterEach();
const harness = harnessesDisposedAfterEach();

/** A core (no router in the way) with one Togai provider, and the clock the emulator shares. */
async function coreWithTogai(lifetimeSeconds = 3600) {
  let now = Date.now();
  const clock = { now: () => now };
  const togai = await started(startTogaiEmulator({ apiKey: API_KEY, now: clock.now, lifetimeSeconds }));
  const app = harness({ clock });
  const { core } = app.keymint;
  const { id } = await core.providers.create({ presetId: 'togai', name: 'Billing (EU)', baseUrl: togai.url, values: { apiKey: API_KEY } });
  return { core, togai, id, app, advance: (ms: number) => (now += ms) };
}

describe('the core, called directly as the CLI and served host will', () => {
  it('obtain returns the new status, and a provider failure as a typed outcome instead of hiding it', async () => {
    const { core, togai, id } = await coreWithTogai();
    const ok = await core.tokens.obtain(id);
    expect(ok).toMatchObject({ ok: true, status: { state: 'valid', expirySource: expect.any(String) } });

    togai.failNext(401, { message: 'Invalid API key' });
    const failed = await core.tokens.obtain(id);
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.error.code).toBe('http');
    expect(failed.error.message).toMatch(/401/);
    expect(failed.error.message).toMatch(/Billing \(EU\)/);
    // The earlier token is still valid and still listed as such.
    expect(core.providers.get(id).status.state).toBe('valid');
  });

  it('obtain refuses to start while the vault is locked, saying so', async () => {
    const { core, id } = await coreWithTogai();
    await core.vault.setPassphrase({ passphrase: 'core passphrase 1' });
    await core.vault.lock();
    await expect(core.tokens.obtain(id)).rejects.toMatchObject({ code: 'locked' });
  });

  it('credential formats the held token as header, raw, curl argument and shell export', async () => {
    const { core, togai, id } = await coreWithTogai();
    const header = await core.tokens.credential(id, 'header');
    const token = togai.issued.at(-1)?.token ?? '';
    expect(header).toMatchObject({ text: `Authorization: Bearer ${token}`, headerName: 'Authorization', cached: false });
    expect(header.expiresAt).toBe(new Date(togai.issued.at(-1)?.expiresAt ?? 0).toISOString());
    expect(await core.tokens.credential(id, 'raw')).toMatchObject({ text: token, cached: true });
    expect((await core.tokens.credential(id, 'curl')).text).toBe(`-H 'Authorization: Bearer ${token}'`);
    const exported = (await core.tokens.credential(id, 'export')).text;
    expect(exported).toBe(`export BILLING_EU_TOKEN='${token}'`);
    // What a shell makes of it is the token itself.
    expect(execFileSync('/bin/sh', ['-c', `${exported}; printf %s "$BILLING_EU_TOKEN"`], { encoding: 'utf8' })).toBe(token);
    expect(togai.tokenRequests).toBe(1);
  });

  it('credential renews a token that would not stay valid for minValidSeconds, and keeps a valid one when that fails', async () => {
    const { core, togai, id, advance } = await coreWithTogai(120);
    await core.tokens.credential(id, 'raw');
    advance(90_000); // 30 s left
    expect(await core.tokens.credential(id, 'raw', { minValidSeconds: 10 })).toMatchObject({ cached: true });
    const renewed = await core.tokens.credential(id, 'raw', { minValidSeconds: 60 });
    expect(renewed).toMatchObject({ cached: false, text: togai.issued.at(-1)?.token });
    expect(togai.tokenRequests).toBe(2);

    advance(90_000);
    togai.failNext(503, { message: 'maintenance' });
    const kept = await core.tokens.credential(id, 'raw', { minValidSeconds: 60 });
    expect(kept).toMatchObject({ cached: false, text: renewed.text });
    advance(60_000); // now expired
    togai.failNext(503, { message: 'maintenance' });
    await expect(core.tokens.credential(id, 'raw')).rejects.toMatchObject({ code: 'token-unavailable' });
  });

  it('one token is one change event naming only its provider', async () => {
    const { core, id } = await coreWithTogai();
    const other = await core.providers.create({ presetId: 'togai', name: 'Other', baseUrl: 'https://api.togai.com', values: { apiKey: 'x' } });
    await new Promise(setImmediate); // what setting up the vault reported
    const heard: CoreChange[] = [];
    core.subscribe((change) => heard.push(change));
    await core.tokens.obtain(id);
    await new Promise(setImmediate);
    expect(heard).toEqual([{ kind: 'providers', change: { kind: 'some', changed: [id], removed: [] } }]);
    expect(JSON.stringify(heard)).not.toContain(other.id);
  });

  it('no IPC channel hands out a credential: the page gets views, never a token', () => {
    const methods = CHANNEL_NAMES.map((name) => channels[name].method);
    expect(methods.some((method) => /credential/i.test(method))).toBe(false);
  });
});
