import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KEYCHAIN_UNAVAILABLE, describeKeychain } from './describe-keychain';
import { unwrapWithKeychain, wrapWithKeychain, type Keychain, type KeychainSlot } from './keychain-slot';
import { createMemoryKeychain } from '../../test-support/memory-keychain';
import { expectVaultRejection, flipDecodedByte } from '../../test-support/vault-helpers';

describe('keychain slot', () => {
  it('round-trips the data key through the keychain and serialises to plain JSON', async () => {
    const keychain = createMemoryKeychain();
    const dataKey = randomBytes(32);
    const slot = JSON.parse(JSON.stringify(await wrapWithKeychain(dataKey, keychain))) as KeychainSlot;
    expect(slot).toEqual({ kind: 'keychain', version: 1, wrapped: expect.any(String), check: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) });
    expect(slot.wrapped).not.toContain(dataKey.toString('base64url'));
    expect(await unwrapWithKeychain(slot, keychain)).toEqual(dataKey);
  });

  it('refuses to wrap or unwrap when the keychain is unavailable, saying why', async () => {
    const keychain = createMemoryKeychain();
    const slot = await wrapWithKeychain(randomBytes(32), keychain);
    keychain.setStatus({ available: false, reason: KEYCHAIN_UNAVAILABLE.noSecretService });
    const error = await expectVaultRejection(wrapWithKeychain(randomBytes(32), keychain), 'keychain-unavailable');
    expect(error.message).toContain('No system keyring is running');
    await expectVaultRejection(unwrapWithKeychain(slot, keychain), 'keychain-unavailable');
  });

  it('does not call the keychain when status() says unavailable', async () => {
    let calls = 0;
    const keychain: Keychain = {
      status: () => ({ available: false, reason: KEYCHAIN_UNAVAILABLE.noDbusSession }),
      encrypt: async (data) => (calls++, data),
      decrypt: async (data) => (calls++, data),
    };
    await expectVaultRejection(wrapWithKeychain(randomBytes(32), keychain), 'keychain-unavailable');
    expect(calls).toBe(0);
  });

  it('refuses when the keychain was reset', async () => {
    const keychain = createMemoryKeychain();
    const slot = await wrapWithKeychain(randomBytes(32), keychain);
    keychain.reset();
    await expectVaultRejection(unwrapWithKeychain(slot, keychain), 'decrypt-failed');
  });

  it('refuses a key the keychain "decrypted" to garbage (no-integrity backends)', async () => {
    // A keychain without integrity (like Electron safeStorage's AES-CBC): decrypt succeeds on altered input.
    const xorKeychain: Keychain = {
      status: () => ({ available: true }),
      encrypt: async (data) => Buffer.from(data.map((b) => b ^ 0x5a)),
      decrypt: async (data) => Buffer.from(data.map((b) => b ^ 0x5a)),
    };
    const dataKey = randomBytes(32);
    const slot = await wrapWithKeychain(dataKey, xorKeychain);
    expect(await unwrapWithKeychain(slot, xorKeychain)).toEqual(dataKey);
    await expectVaultRejection(unwrapWithKeychain({ ...slot, wrapped: flipDecodedByte(slot.wrapped, 3) }, xorKeychain), 'decrypt-failed');
    await expectVaultRejection(unwrapWithKeychain({ ...slot, check: flipDecodedByte(slot.check, 0) }, xorKeychain), 'decrypt-failed');
  });

  it('refuses structurally broken slots as corrupt', async () => {
    const keychain = createMemoryKeychain();
    const slot = await wrapWithKeychain(randomBytes(32), keychain);
    for (const value of [null, { ...slot, kind: 'passphrase' }, { ...slot, version: 2 }, { ...slot, wrapped: '' }, { ...slot, check: 'AAAA' }]) {
      await expectVaultRejection(unwrapWithKeychain(value as KeychainSlot, keychain), 'corrupt');
    }
  });
});

describe('describeKeychain', () => {
  it('explains each reason in plain words', () => {
    expect(describeKeychain({ available: false, reason: KEYCHAIN_UNAVAILABLE.keyringLocked })).toBe(
      'Your system keyring is locked and was not unlocked, so Keymint asks for a passphrase instead.',
    );
    expect(describeKeychain({ available: true })).toMatch(/system keychain/);
    expect(describeKeychain({ available: false, reason: 'something-new' })).toMatch(/something-new.*passphrase instead/);
  });
});
