import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startTogaiEmulator } from '../../e2e/emulators';
import { closeAfterEach } from '../test-support/node-ports';
import { harnessesDisposedAfterEach, type Harness } from '../test-support/keymint-harness';

/**
 * Two Keymints on one vault folder (the app and a served host, or the CLI), as two harnesses
 * over the same files: each hears the other's changes through the folder, never directly.
 */
const harness = harnessesDisposedAfterEach();
const started = closeAfterEach();
const API_KEY = 'togai-shared-key-5b20';

type Listed = { id: string; name: string; status: { state: string } }[];

function events(app: Harness): string[] {
  const heard: string[] = [];
  app.keymint.setEventSink((event) => heard.push(event));
  return heard;
}

async function pair() {
  const togai = await started(startTogaiEmulator({ apiKey: API_KEY }));
  const first = harness();
  const second = harness({ dir: first.dir });
  return { togai, first, second };
}

describe('two Keymint processes on one vault', () => {
  it('a provider one of them adds shows up in the other, which tells its board', async () => {
    const { togai, first, second } = await pair();
    const heard = events(second);
    await first.value('vault:setup', { method: 'keychain' });
    await first.value('providers:create', { presetId: 'togai', name: 'Billing', baseUrl: togai.url, values: { apiKey: API_KEY } });
    await expect.poll(async () => (await second.value<Listed>('providers:list')).map((p) => p.name)).toEqual(['Billing']);
    // Reported from setImmediate: the list may answer first.
    await expect.poll(() => heard).toContain('providers:changed');
  });

  it('a vault one of them sets up is the other’s too: with the keychain it opens there as at start', async () => {
    const { first, second } = await pair();
    const heard = events(second);
    expect(await second.value('vault:status')).toMatchObject({ state: 'uninitialized' });
    await first.value('vault:setup', { method: 'keychain' });
    await expect.poll(async () => (await second.value<{ state: string }>('vault:status')).state).toBe('unlocked');
    expect(heard).toContain('vault:changed');
  });

  it('a passphrase set or changed in one unlocks the other', async () => {
    const { first, second } = await pair();
    await first.value('vault:setup', { method: 'passphrase', passphrase: 'first passphrase' });
    await expect.poll(async () => (await second.value<{ state: string }>('vault:status')).state).toBe('locked');
    await first.value('vault:set-passphrase', { passphrase: 'second passphrase', currentPassphrase: 'first passphrase' });
    await expect.poll(async () => (await second.call('vault:unlock', { method: 'passphrase', passphrase: 'second passphrase' })).ok).toBe(true);
  });

  it('setting the vault up in both at once keeps one data key: the later one is refused, and unlocks with the first', async () => {
    const { first, second } = await pair();
    await first.value('vault:setup', { method: 'passphrase', passphrase: 'winner passphrase' });
    // At once: the second has not heard of the first set-up yet.
    expect(await second.call('vault:setup', { method: 'passphrase', passphrase: 'loser passphrase' })).toMatchObject({
      ok: false,
      code: 'vault',
      message: expect.stringMatching(/set up meanwhile by another Keymint window or the command line; unlock it instead/),
    });
    expect(Object.keys(JSON.parse(readFileSync(first.dataFile, 'utf8')).vault)).toEqual(['passphrase']);
    expect(await second.call('vault:unlock', { method: 'passphrase', passphrase: 'loser passphrase' })).toMatchObject({ ok: false });
    await second.value('vault:unlock', { method: 'passphrase', passphrase: 'winner passphrase' });
  });

  it('a token one of them minted is copied by the other without asking the provider again', async () => {
    const { togai, first, second } = await pair();
    await first.value('vault:setup', { method: 'keychain' });
    const { id } = await first.value<{ id: string }>('providers:create', { presetId: 'togai', name: 'Billing', baseUrl: togai.url, values: { apiKey: API_KEY } });
    await first.value('tokens:generate', { id });
    await expect.poll(async () => (await second.value<Listed>('providers:list'))[0]?.status.state).toBe('valid');
    await second.value('tokens:copy', { id });
    expect(second.clipboard.text).toBe(`Authorization: Bearer ${togai.issued.at(-1)?.token}`);
    expect(togai.tokenRequests).toBe(1);
  });

  it('a token written for a provider’s old credentials (by a process that had not heard of the edit) is not taken for the new ones', async () => {
    const { togai, first, second } = await pair();
    await first.value('vault:setup', { method: 'keychain' });
    const { id } = await first.value<{ id: string }>('providers:create', { presetId: 'togai', name: 'Billing', baseUrl: togai.url, values: { apiKey: API_KEY } });
    await first.value('tokens:generate', { id });
    await first.keymint.dispose();
    const minted = readFileSync(first.tokensFile, 'utf8');
    await expect.poll(async () => (await second.value<Listed>('providers:list'))[0]?.status.state).toBe('valid');

    await second.value('providers:update', { id, values: { apiKey: 'togai-rotated-key-0f4e' } });
    // The late write lands after the edit: the old token is back in the cache.
    writeFileSync(first.tokensFile, minted);
    const later = harness({ dir: first.dir });
    await later.keymint.start();
    for (const app of [second, later]) {
      await expect.poll(async () => (await app.value<Listed>('providers:list'))[0]?.status.state).toBe('none');
      expect(await app.call('tokens:copy', { id })).toMatchObject({ ok: false });
    }
  });
});
