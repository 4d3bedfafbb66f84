import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startTogaiEmulator, type TogaiEmulator } from '../../e2e/emulators';
import { openHarness, type Harness } from '../test-support/keymint-harness';

const API_KEY = 'togai-vault-key-7c1d9e';
let togai: TogaiEmulator | undefined;
const open: Harness[] = [];

afterEach(async () => {
  open.splice(0).forEach((h) => h.keymint.dispose());
  await togai?.close();
  togai = undefined;
});

async function harnessWithProvider(setup: object): Promise<{ app: Harness; id: string }> {
  togai = await startTogaiEmulator({ apiKey: API_KEY });
  const app = openHarness();
  open.push(app);
  await app.value('vault:setup', setup);
  const { id } = await app.value<{ id: string }>('providers:create', { presetId: 'togai', name: 'Togai', baseUrl: togai.url, values: { apiKey: API_KEY } });
  await app.value('tokens:generate', { id });
  return { app, id };
}

describe('vault through IPC', () => {
  it('locked: lists providers with their status but copies nothing until the right passphrase', async () => {
    const { app, id } = await harnessWithProvider({ method: 'passphrase', passphrase: 'first passphrase' });
    await app.value('vault:lock');

    const [listed] = await app.value<{ status: { state: string } }[]>('providers:list');
    expect(listed?.status.state).toBe('valid');
    expect(await app.call('tokens:copy', { id })).toMatchObject({ ok: false, code: 'locked' });
    expect(app.clipboard.text).toBe('');

    const wrong = await app.call('vault:unlock', { method: 'passphrase', passphrase: 'not it at all' });
    expect(wrong).toMatchObject({ ok: false, code: 'wrong-passphrase', message: 'That passphrase does not unlock this vault.' });
    expect((await app.value<{ state: string }>('vault:status')).state).toBe('locked');

    await app.value('vault:unlock', { method: 'passphrase', passphrase: 'first passphrase' });
    await app.value('tokens:copy', { id });
    expect(app.clipboard.text).toBe(`Authorization: Bearer ${togai?.issued.at(-1)?.token}`);
  });

  it('changing the passphrase keeps every secret and retires the old passphrase', async () => {
    const { app, id } = await harnessWithProvider({ method: 'passphrase', passphrase: 'first passphrase' });
    expect(await app.call('vault:set-passphrase', { passphrase: 'second passphrase' })).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(await app.call('vault:set-passphrase', { passphrase: 'second passphrase', currentPassphrase: 'a wrong guess' })).toMatchObject({
      ok: false,
      code: 'wrong-passphrase',
    });
    await app.value('vault:set-passphrase', { passphrase: 'second passphrase', currentPassphrase: 'first passphrase' });
    await app.value('vault:lock');
    expect(await app.call('vault:unlock', { method: 'passphrase', passphrase: 'first passphrase' })).toMatchObject({ ok: false });
    await app.value('vault:unlock', { method: 'passphrase', passphrase: 'second passphrase' });
    const before = togai?.tokenRequests ?? 0;
    await app.value('tokens:generate', { id });
    expect(togai?.tokenRequests).toBe(before + 1);
    expect((await app.value<{ status: { state: string } }[]>('providers:list'))[0]?.status.state).toBe('valid');
  });

  it('a keychain vault reopens on restart without a prompt and keeps its valid token', async () => {
    const { app, id } = await harnessWithProvider({ method: 'keychain' });
    const requests = togai?.tokenRequests;
    await app.keymint.dispose();

    const again = openHarness({ dir: app.dir });
    open.push(again);
    await again.keymint.start();
    expect((await again.value<{ state: string }>('vault:status')).state).toBe('unlocked');
    await again.value('tokens:copy', { id });
    expect(again.clipboard.text).toBe(`Authorization: Bearer ${togai?.issued.at(-1)?.token}`);
    expect(togai?.tokenRequests).toBe(requests);
  });

  it('auto-lock is a setting that persists', async () => {
    const { app } = await harnessWithProvider({ method: 'keychain' });
    expect((await app.value<{ autoLockMinutes: number | null }>('vault:status')).autoLockMinutes).toBe(15);
    await app.value('vault:set-auto-lock', { minutes: null });
    expect(JSON.parse(readFileSync(app.dataFile, 'utf8')).settings).toEqual({ autoLockMinutes: null });
  });
});

describe('auto-lock', () => {
  it('an action after the idle deadline finds the vault locked instead of renewing it', async () => {
    let now = Date.now();
    const app = openHarness({ clock: { now: () => now } });
    open.push(app);
    await app.value('vault:setup', { method: 'passphrase', passphrase: 'first passphrase' });
    await app.value('vault:set-auto-lock', { minutes: 1 });
    now += 10 * 60_000;
    expect(await app.call('providers:create', { presetId: 'togai', name: 'Togai', baseUrl: 'https://api.togai.com', values: { apiKey: API_KEY } })).toMatchObject({
      ok: false,
      code: 'locked',
    });
    expect((await app.value<{ state: string }>('vault:status')).state).toBe('locked');
  });
});

describe('tampering with the data file', () => {
  it('a flipped byte in the passphrase slot refuses to unlock, and nothing is written', async () => {
    const { app } = await harnessWithProvider({ method: 'passphrase', passphrase: 'first passphrase' });
    app.keymint.dispose();
    const doc = JSON.parse(readFileSync(app.dataFile, 'utf8'));
    const wrapped: string = doc.vault.passphrase.wrapped;
    doc.vault.passphrase.wrapped = `${wrapped.slice(0, 10)}${wrapped[10] === 'A' ? 'B' : 'A'}${wrapped.slice(11)}`;
    writeFileSync(app.dataFile, JSON.stringify(doc));
    const tampered = readFileSync(app.dataFile, 'utf8');

    const again = openHarness({ dir: app.dir });
    open.push(again);
    const unlock = await again.call('vault:unlock', { method: 'passphrase', passphrase: 'first passphrase' });
    expect(unlock.ok).toBe(false);
    expect(readFileSync(again.dataFile, 'utf8')).toBe(tampered);
  });

  it('secrets swapped between two providers refuse to decrypt instead of being used', async () => {
    const { app, id } = await harnessWithProvider({ method: 'keychain' });
    const other = await app.value<{ id: string }>('providers:create', { presetId: 'togai', name: 'Other', baseUrl: togai?.url ?? '', values: { apiKey: 'other-key-123' } });
    app.keymint.dispose();
    const doc = JSON.parse(readFileSync(app.dataFile, 'utf8'));
    const [a, b] = doc.providers;
    [a.secrets.apiKey, b.secrets.apiKey] = [b.secrets.apiKey, a.secrets.apiKey];
    writeFileSync(app.dataFile, JSON.stringify(doc));
    const tampered = readFileSync(app.dataFile, 'utf8');

    const again = openHarness({ dir: app.dir });
    open.push(again);
    await again.keymint.start();
    for (const providerId of [id, other.id]) {
      const result = await again.call('tokens:generate', { id: providerId });
      expect(result).toMatchObject({ ok: false, code: 'vault', message: expect.stringMatching(/could not be decrypted/) });
    }
    expect(readFileSync(again.dataFile, 'utf8')).toBe(tampered);
  });
});

describe('backups and shared recipes', () => {
  it('a backup is written by main, holds no secret in clear, and restores every secret only with its passphrase', async () => {
    const { app } = await harnessWithProvider({ method: 'keychain' });
    const { savedTo } = await app.value<{ savedTo: string }>('backup:export', { passphrase: 'backup passphrase' });
    expect(savedTo).toMatch(/keymint-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const content = readFileSync(savedTo, 'utf8');
    for (const value of [API_KEY, togai?.issued.at(-1)?.token ?? '?', togai?.url ?? '?']) expect(content).not.toContain(value);

    const other = openHarness();
    open.push(other);
    expect(await other.call('backup:import', { content, passphrase: 'wrong passphrase' })).toMatchObject({ ok: false, code: 'wrong-passphrase' });
    const doc = JSON.parse(content);
    doc.payload = `${doc.payload.slice(0, -6)}${doc.payload.at(-6) === 'A' ? 'B' : 'A'}${doc.payload.slice(-5)}`;
    expect(await other.call('backup:import', { content: JSON.stringify(doc), passphrase: 'backup passphrase' })).toMatchObject({ ok: false });
    expect(await other.value<unknown[]>('providers:list')).toHaveLength(0);

    expect(await other.value('backup:import', { content, passphrase: 'backup passphrase' })).toMatchObject({ added: 1, replaced: 0, skipped: 0 });
    const [restored] = await other.value<{ id: string; secretsSet: Record<string, boolean> }[]>('providers:list');
    expect(restored?.secretsSet).toEqual({ apiKey: true });
    await other.value('tokens:generate', { id: restored?.id });
    await other.value('tokens:copy', { id: restored?.id });
    expect(other.clipboard.text).toBe(`Authorization: Bearer ${togai?.issued.at(-1)?.token}`);
  });

  it('with a passphrase vault, backups and changes to how it opens need the current passphrase', async () => {
    const { app } = await harnessWithProvider({ method: 'passphrase', passphrase: 'first passphrase' });
    const attempts: [string, object][] = [
      ['backup:export', { passphrase: 'backup passphrase' }],
      ['vault:add-keychain', {}],
    ];
    for (const [channel, input] of attempts) {
      expect(await app.call(channel, input)).toMatchObject({ ok: false, code: 'invalid-input' });
      expect(await app.call(channel, { ...input, currentPassphrase: 'a wrong guess' })).toMatchObject({ ok: false, code: 'wrong-passphrase' });
    }
    expect((await app.value<{ slots: string[] }>('vault:status')).slots).toEqual(['passphrase']);
    await app.value('vault:add-keychain', { currentPassphrase: 'first passphrase' });
    expect(await app.call('vault:remove-slot', { kind: 'passphrase' })).toMatchObject({ ok: false, code: 'invalid-input' });
    await app.value('vault:remove-slot', { kind: 'passphrase', currentPassphrase: 'first passphrase' });
    expect((await app.value<{ slots: string[] }>('vault:status')).slots).toEqual(['keychain']);
  });

  it('recipes export holds no secret; imported, the provider asks for its key', async () => {
    const { app } = await harnessWithProvider({ method: 'keychain' });
    const { savedTo } = await app.value<{ savedTo: string }>('recipes:export');
    const file = { content: readFileSync(savedTo, 'utf8') };
    expect(file.content).not.toContain(API_KEY);
    expect(JSON.parse(file.content)).toMatchObject({ format: 'keymint-recipes', version: 1, providers: [{ name: 'Togai', preset: 'togai' }] });

    const other = openHarness();
    open.push(other);
    expect(await other.value('recipes:import', { content: file.content })).toMatchObject({ added: 1, droppedSecrets: [] });
    const [imported] = await other.value<{ id: string; secretsSet: Record<string, boolean> }[]>('providers:list');
    expect(imported?.secretsSet).toEqual({ apiKey: false });
    const after = await other.value<{ status: { state: string; lastError: { message: string } } }>('tokens:generate', { id: imported?.id });
    expect(after.status.state).toBe('error');
    expect(after.status.lastError.message).toBe('API key not set: edit the provider to add it.');
    expect(await other.call('recipes:import', { content: '{"format":"keymint-recipes","version":1,"providers":[{"name":""}]}' })).toMatchObject({
      ok: false,
      code: 'invalid-input',
    });
  });
});
