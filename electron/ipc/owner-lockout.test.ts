import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../test-support/keymint-harness';

const open: Harness[] = [];
afterEach(() => open.splice(0).forEach((h) => h.keymint.dispose()));

async function keychainVault(): Promise<Harness> {
  const app = openHarness();
  open.push(app);
  await app.value('vault:setup', { method: 'keychain' });
  return app;
}

const slots = async (app: Harness) => (await app.value<{ slots: string[] }>('vault:status')).slots;

describe('changes that could lock the owner out need a confirmation the page cannot give', () => {
  it('a page adding its own passphrase to a keychain-only vault is stopped when the owner says no in main’s dialog', async () => {
    const app = await keychainVault();
    app.owner.answer = false;
    const before = readFileSync(app.dataFile, 'utf8');
    expect(await app.call('vault:set-passphrase', { passphrase: 'attacker passphrase' })).toMatchObject({ ok: false, code: 'not-confirmed' });
    expect(app.owner.asked).toEqual([expect.objectContaining({ message: 'Let a passphrase unlock Keymint?', confirmLabel: 'Add passphrase' })]);
    expect(readFileSync(app.dataFile, 'utf8')).toBe(before);
    expect(await slots(app)).toEqual(['keychain']);
  });

  it('removing the keychain needs the dialog even when the page knows the passphrase (it may have set it)', async () => {
    const app = await keychainVault();
    await app.value('vault:set-passphrase', { passphrase: 'attacker passphrase' });
    app.owner.answer = false;
    const refused = await app.call('vault:remove-slot', { kind: 'keychain', currentPassphrase: 'attacker passphrase' });
    expect(refused).toMatchObject({ ok: false, code: 'not-confirmed', message: expect.stringContaining('not confirmed') });
    expect(await slots(app)).toEqual(['keychain', 'passphrase']);

    app.owner.answer = true;
    await app.value('vault:remove-slot', { kind: 'keychain', currentPassphrase: 'attacker passphrase' });
    expect(await slots(app)).toEqual(['passphrase']);
  });

  it('replacing the passphrase asks for the current one first, then the dialog', async () => {
    const app = await keychainVault();
    await app.value('vault:set-passphrase', { passphrase: 'owner passphrase' });
    app.owner.asked.length = 0;
    expect(await app.call('vault:set-passphrase', { passphrase: 'new passphrase', currentPassphrase: 'a wrong guess' })).toMatchObject({ ok: false, code: 'wrong-passphrase' });
    expect(app.owner.asked, 'no dialog for a page that does not know the passphrase').toEqual([]);
    app.owner.answer = false;
    expect(await app.call('vault:set-passphrase', { passphrase: 'new passphrase', currentPassphrase: 'owner passphrase' })).toMatchObject({ ok: false, code: 'not-confirmed' });
    await app.value('vault:lock');
    await app.value('vault:unlock', { method: 'passphrase', passphrase: 'owner passphrase' });
  });

  it('adding the keychain, which only adds a way in, asks no dialog', async () => {
    const app = openHarness();
    open.push(app);
    await app.value('vault:setup', { method: 'passphrase', passphrase: 'owner passphrase' });
    await app.value('vault:add-keychain', { currentPassphrase: 'owner passphrase' });
    expect(app.owner.asked).toEqual([]);
  });
});
