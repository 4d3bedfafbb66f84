import { describe, expect, it } from 'vitest';
import { createMemoryKeychain, type MemoryKeychain } from '../../test-support/memory-keychain';
import { fieldPlace } from './places';
import { expectVaultError, expectVaultRejection, TEST_KDF } from '../../test-support/vault-helpers';
import { Vault, type VaultOptions, type VaultSnapshot } from './vault';
import { parseVaultSlots, type VaultSlots } from './vault-slots';

interface Harness {
  vault: Vault;
  keychain: MemoryKeychain;
  saved: VaultSlots[];
  clock: { now: number };
  /** A new Vault over the last persisted slots, as after an app restart. */
  restart(): Vault;
}

function harness(overrides: Partial<VaultOptions> = {}, slots?: VaultSlots): Harness {
  const keychain = createMemoryKeychain();
  const saved: VaultSlots[] = [];
  const clock = { now: 1_000_000 };
  // Round-trip through JSON, as the real store does.
  const persisted = () => parseVaultSlots(saved.length ? JSON.parse(JSON.stringify(saved.at(-1))) : slots);
  const options = (): VaultOptions => ({
    slots: persisted,
    keychain,
    saveSlots: (change) => void saved.push(change(persisted() ?? {})),
    now: () => clock.now,
    sleep: async () => undefined,
    kdf: TEST_KDF,
    ...overrides,
  });
  return { vault: new Vault(options()), keychain, saved, clock, restart: () => new Vault(options()) };
}

const place = fieldPlace('acme', 'client_secret');

describe('Vault', () => {
  it('starts uninitialized and refuses to unlock or give a cipher', async () => {
    const { vault } = harness();
    expect(vault.state()).toBe('uninitialized');
    expectVaultError(() => vault.cipher(), 'not-initialized');
    await expectVaultRejection(vault.unlockWithPassphrase('x'), 'not-initialized');
    await expectVaultRejection(vault.unlockWithKeychain(), 'not-initialized');
  });

  it('setup with a passphrase ends unlocked and persists only the wrapped key', async () => {
    const { vault, saved } = harness();
    await vault.setup({ method: 'passphrase', passphrase: 'hunter2 hunter2' });
    expect(vault.snapshot()).toEqual({ state: 'unlocked', slots: ['passphrase'] });
    expect(saved).toHaveLength(1);
    expect(Object.keys(saved[0])).toEqual(['passphrase']);
    expect(JSON.stringify(saved)).not.toContain('hunter2');
    expect(vault.cipher().decrypt(vault.cipher().encrypt('s3cret', place), place)).toBe('s3cret');
    await expectVaultRejection(vault.setup({ method: 'keychain' }), 'already-initialized');
  });

  it('setup with the keychain ends unlocked; unlocks again after a restart', async () => {
    const h = harness();
    await h.vault.setup({ method: 'keychain' });
    expect(h.vault.snapshot()).toEqual({ state: 'unlocked', slots: ['keychain'] });
    const stored = h.vault.cipher().encrypt('s3cret', place);
    const restarted = h.restart();
    expect(restarted.state()).toBe('locked');
    await restarted.unlockWithKeychain();
    expect(restarted.cipher().decrypt(stored, place)).toBe('s3cret');
  });

  it('setup with the keychain refuses when it is unavailable, and stays uninitialized', async () => {
    const h = harness();
    h.keychain.setStatus({ available: false, reason: 'basic_text' });
    await expectVaultRejection(h.vault.setup({ method: 'keychain' }), 'keychain-unavailable');
    expect(h.vault.state()).toBe('uninitialized');
    expect(h.saved).toHaveLength(0);
  });

  it('lock zeroes the key: cipher() and previously handed-out ciphers throw locked', async () => {
    const { vault } = harness();
    await vault.setup({ method: 'passphrase', passphrase: 'pass phrase' });
    const held = vault.cipher();
    const stored = held.encrypt('s3cret', place);
    vault.lock();
    expect(vault.state()).toBe('locked');
    expectVaultError(() => vault.cipher(), 'locked');
    expectVaultError(() => held.decrypt(stored, place), 'locked');
    expectVaultError(() => held.encrypt('x', place), 'locked');
    await vault.unlockWithPassphrase('pass phrase');
    expect(held.decrypt(stored, place)).toBe('s3cret');
  });

  it('unlock: wrong passphrase then right one', async () => {
    const h = harness();
    await h.vault.setup({ method: 'passphrase', passphrase: 'right one' });
    const stored = h.vault.cipher().encrypt('s3cret', place);
    const vault = h.restart();
    await expectVaultRejection(vault.unlockWithPassphrase('wrong one'), 'wrong-passphrase');
    expect(vault.state()).toBe('locked');
    await vault.unlockWithPassphrase('right one');
    expect(vault.state()).toBe('unlocked');
    expect(vault.cipher().decrypt(stored, place)).toBe('s3cret');
    await expectVaultRejection(vault.unlockWithKeychain(), 'no-such-slot');
  });

  it('changing the passphrase keeps every ciphertext readable; the old passphrase stops working', async () => {
    const h = harness();
    await h.vault.setup({ method: 'passphrase', passphrase: 'old passphrase' });
    const stored = ['a', 'b', 'c'].map((text) => h.vault.cipher().encrypt(text, place));
    await expectVaultRejection(h.vault.changePassphrase('not the old one', 'new passphrase'), 'wrong-passphrase');
    await h.vault.changePassphrase('old passphrase', 'new passphrase');
    expect(h.vault.state()).toBe('unlocked');
    expect(stored.map((text) => h.vault.cipher().decrypt(text, place))).toEqual(['a', 'b', 'c']);

    const vault = h.restart();
    await expectVaultRejection(vault.unlockWithPassphrase('old passphrase'), 'wrong-passphrase');
    await vault.unlockWithPassphrase('new passphrase');
    expect(stored.map((text) => vault.cipher().decrypt(text, place))).toEqual(['a', 'b', 'c']);
  });

  it('changePassphrase needs an existing passphrase slot and an unlocked vault', async () => {
    const h = harness();
    await h.vault.setup({ method: 'keychain' });
    await expectVaultRejection(h.vault.changePassphrase('any', 'new one'), 'no-such-slot');
    h.vault.lock();
    await expectVaultRejection(h.vault.addPassphrase('new one'), 'locked');
  });

  it('holds both slots at once; either unlocks the same data key', async () => {
    const h = harness();
    await h.vault.setup({ method: 'keychain' });
    await h.vault.addPassphrase('backup passphrase');
    expect(h.vault.snapshot().slots).toEqual(['keychain', 'passphrase']);
    expect(Object.keys(h.saved.at(-1) ?? {}).sort()).toEqual(['keychain', 'passphrase']);
    const stored = h.vault.cipher().encrypt('s3cret', place);

    const viaPassphrase = h.restart();
    await viaPassphrase.unlockWithPassphrase('backup passphrase');
    expect(viaPassphrase.cipher().decrypt(stored, place)).toBe('s3cret');

    const viaKeychain = h.restart();
    await viaKeychain.unlockWithKeychain();
    expect(viaKeychain.cipher().decrypt(stored, place)).toBe('s3cret');
  });

  it('adds a keychain slot to a passphrase vault', async () => {
    const h = harness();
    await h.vault.setup({ method: 'passphrase', passphrase: 'first method' });
    await h.vault.addKeychain();
    const vault = h.restart();
    await vault.unlockWithKeychain();
    expect(vault.state()).toBe('unlocked');
  });

  it('removes a slot but never the last one', async () => {
    const h = harness();
    await h.vault.setup({ method: 'keychain' });
    await h.vault.addPassphrase('backup passphrase');
    await h.vault.removeSlot('keychain');
    expect(h.vault.snapshot().slots).toEqual(['passphrase']);
    expect(Object.keys(h.saved.at(-1) ?? {})).toEqual(['passphrase']);
    await expectVaultRejection(h.vault.removeSlot('passphrase'), 'last-slot');
    await expectVaultRejection(h.vault.removeSlot('keychain'), 'no-such-slot');
    expect(h.vault.snapshot().slots).toEqual(['passphrase']);
    await expectVaultRejection(h.restart().unlockWithKeychain(), 'no-such-slot');
  });

  it('keeps its previous slots when saving fails', async () => {
    const h = harness({
      saveSlots: () => {
        throw new Error('disk full');
      },
    });
    await expect(h.vault.setup({ method: 'passphrase', passphrase: 'some phrase' })).rejects.toThrow('disk full');
    expect(h.vault.state()).toBe('uninitialized');
  });

  it('auto-locks after the idle period, measured from the last touch', async () => {
    const h = harness({ autoLockMs: 60_000 });
    await h.vault.setup({ method: 'passphrase', passphrase: 'idle phrase' });
    expect(h.vault.idleDeadline()).toBe(h.clock.now + 60_000);
    h.clock.now += 59_000;
    expect(h.vault.checkIdle()).toBe(false);
    h.vault.touch();
    h.clock.now += 59_000;
    expect(h.vault.checkIdle()).toBe(false);
    expect(h.vault.state()).toBe('unlocked');
    h.clock.now += 1_000;
    expect(h.vault.checkIdle()).toBe(true);
    expect(h.vault.state()).toBe('locked');
    expect(h.vault.idleDeadline()).toBeUndefined();
  });

  it('cipher() enforces auto-lock even if no timer called checkIdle (e.g. after sleep)', async () => {
    const h = harness({ autoLockMs: 60_000 });
    await h.vault.setup({ method: 'passphrase', passphrase: 'idle phrase' });
    const held = h.vault.cipher();
    h.clock.now += 3_600_000;
    expectVaultError(() => held.encrypt('x', place), 'locked');
    expect(h.vault.state()).toBe('locked');
  });

  it('a touch past the idle deadline locks instead of reviving the vault', async () => {
    const h = harness({ autoLockMs: 60_000 });
    await h.vault.setup({ method: 'passphrase', passphrase: 'idle phrase' });
    h.clock.now += 61_000;
    h.vault.touch();
    expect(h.vault.state()).toBe('locked');
  });

  it('waits 0, 1, 2, 4 … s (at most 30 s) before each passphrase check after wrong ones, and resets on the right one', async () => {
    const waits: number[] = [];
    const h = harness({ sleep: async (ms) => void waits.push(ms) });
    await h.vault.setup({ method: 'passphrase', passphrase: 'right phrase' });
    h.vault.lock();
    for (let i = 0; i < 8; i++) await expectVaultRejection(h.vault.unlockWithPassphrase('wrong phrase'), 'wrong-passphrase');
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    // Time already spent since the last failure counts toward the wait.
    h.clock.now += 10_000;
    await h.vault.unlockWithPassphrase('right phrase');
    expect(waits.at(-1)).toBe(20_000);
    // Checks of the current passphrase (before changing how the vault opens) count as guesses too.
    await expectVaultRejection(h.vault.verifyPassphrase('wrong phrase'), 'wrong-passphrase');
    await expectVaultRejection(h.vault.verifyPassphrase('wrong phrase'), 'wrong-passphrase');
    expect(waits).toHaveLength(9);
    expect(waits.at(-1)).toBe(1000);
  });

  it('never auto-locks without autoLockMs', async () => {
    const h = harness();
    await h.vault.setup({ method: 'passphrase', passphrase: 'no idle' });
    h.clock.now += 10 ** 10;
    expect(h.vault.checkIdle()).toBe(false);
    expect(h.vault.state()).toBe('unlocked');
  });

  it('a change in flight when the vault locks is discarded, not saved', async () => {
    const memory = createMemoryKeychain();
    let release = (): void => undefined;
    let entered = (): void => undefined;
    const inKeychain = new Promise<void>((resolve) => (entered = resolve));
    // A keychain that waits (like a macOS access prompt) so lock() lands mid-operation.
    const slowKeychain = {
      ...memory,
      encrypt: async (data: Buffer) => {
        entered();
        await new Promise<void>((resolve) => (release = resolve));
        return memory.encrypt(data);
      },
    };
    const h = harness({ keychain: slowKeychain });
    await h.vault.setup({ method: 'passphrase', passphrase: 'first phrase' });
    const pending = h.vault.addKeychain();
    await inKeychain;
    h.vault.lock();
    release();
    await expectVaultRejection(pending, 'locked');
    expect(h.saved).toHaveLength(1);
    expect(h.vault.snapshot()).toEqual({ state: 'locked', slots: ['passphrase'] });
  });

  it('notifies listeners of state and slot changes until unsubscribed', async () => {
    const h = harness();
    const seen: VaultSnapshot[] = [];
    const unsubscribe = h.vault.onChange((snapshot) => seen.push(snapshot));
    await h.vault.setup({ method: 'passphrase', passphrase: 'listen phrase' });
    await h.vault.addKeychain();
    h.vault.lock();
    h.vault.lock(); // no change, no event
    unsubscribe();
    await h.vault.unlockWithKeychain();
    expect(seen).toEqual([
      { state: 'unlocked', slots: ['passphrase'] },
      { state: 'unlocked', slots: ['keychain', 'passphrase'] },
      { state: 'locked', slots: ['keychain', 'passphrase'] },
    ]);
  });

  it('never sets up over slots another process persisted meanwhile, and reads the slots anew at every use', async () => {
    const elsewhere = harness();
    await elsewhere.vault.setup({ method: 'passphrase', passphrase: 'set up elsewhere' });
    const onDisk = () => parseVaultSlots(JSON.parse(JSON.stringify(elsewhere.saved.at(-1))));
    // What this process last read: nothing yet, the other set-up has not reached it.
    let read: VaultSlots | undefined = undefined;
    const saved: VaultSlots[] = [];
    const here = new Vault({
      slots: () => read,
      keychain: elsewhere.keychain,
      saveSlots: (change) => void saved.push(change(onDisk() ?? {})),
      now: () => 0,
      sleep: async () => undefined,
      kdf: TEST_KDF,
    });
    expect(here.state()).toBe('uninitialized');
    await expectVaultRejection(here.setup({ method: 'passphrase', passphrase: 'set up here' }), 'already-initialized');
    expect(saved).toEqual([]);
    expect(here.state()).toBe('uninitialized');
    read = onDisk();
    expect(here.state()).toBe('locked');
    await here.unlockWithPassphrase('set up elsewhere');
    expect(here.state()).toBe('unlocked');
  });

  it('treats persisted empty slots as uninitialized and rejects malformed ones as corrupt', () => {
    const vault = new Vault({ slots: () => ({}), keychain: createMemoryKeychain(), saveSlots: () => undefined, now: () => 0, sleep: async () => undefined });
    expect(vault.state()).toBe('uninitialized');
    expect(parseVaultSlots(undefined)).toBeUndefined();
    expectVaultError(() => parseVaultSlots([]), 'corrupt');
    expectVaultError(() => parseVaultSlots({ passphrase: { kind: 'passphrase' } }), 'corrupt');
  });
});

describe('Vault: a shared key (the CLI session)', () => {
  it('opens another Vault over the same slots, and decrypts what the first encrypted', async () => {
    const { vault, restart } = harness();
    await vault.setup({ method: 'passphrase', passphrase: 'hunter2 hunter2' });
    const sealed = vault.cipher().encrypt('client secret', place);
    const { dataKey, binding } = await vault.shareKey();
    const other = restart();
    await other.unlockWithSharedKey(dataKey, binding);
    expect(other.state()).toBe('unlocked');
    expect(other.cipher().decrypt(sealed, place)).toBe('client secret');
  });

  it('is refused once the unlock methods changed, and a wrong key never opens', async () => {
    const { vault, restart } = harness();
    await vault.setup({ method: 'passphrase', passphrase: 'hunter2 hunter2' });
    const { dataKey, binding } = await vault.shareKey();
    await expectVaultRejection(restart().unlockWithSharedKey(Buffer.alloc(32, 7), binding), 'decrypt-failed');
    await vault.changePassphrase('hunter2 hunter2', 'another passphrase');
    const other = restart();
    await expectVaultRejection(other.unlockWithSharedKey(dataKey, binding), 'decrypt-failed');
    expect(other.state()).toBe('locked');
  });

  it('is not given while locked', async () => {
    const { vault } = harness();
    await vault.setup({ method: 'passphrase', passphrase: 'hunter2 hunter2' });
    vault.lock();
    await expectVaultRejection(vault.shareKey(), 'locked');
  });
});
