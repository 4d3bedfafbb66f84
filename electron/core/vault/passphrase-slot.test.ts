import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  SCRYPT_N,
  SCRYPT_P,
  SCRYPT_R,
  unwrapWithPassphrase,
  wrapWithPassphrase,
  type PassphraseSlot,
} from './passphrase-slot';
import { TEST_KDF, expectVaultRejection, flipDecodedByte } from '../../test-support/vault-helpers';

const passphrase = 'correct horse battery staple';

async function slotFor(dataKey = randomBytes(32)): Promise<{ dataKey: Buffer; slot: PassphraseSlot }> {
  return { dataKey, slot: await wrapWithPassphrase(dataKey, passphrase, { kdf: TEST_KDF }) };
}

describe('passphrase slot', () => {
  it('round-trips the data key and serialises to plain JSON', async () => {
    const { dataKey, slot } = await slotFor();
    const stored = JSON.parse(JSON.stringify(slot)) as PassphraseSlot;
    expect(stored).toEqual({
      kind: 'passphrase',
      version: 1,
      kdf: { name: 'scrypt', N: TEST_KDF.N, r: SCRYPT_R, p: SCRYPT_P, salt: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) },
      wrapped: expect.stringMatching(/^[A-Za-z0-9_-]+$/),
    });
    expect(JSON.stringify(slot)).not.toContain(passphrase);
    expect(await unwrapWithPassphrase(stored, passphrase, { kdf: TEST_KDF })).toEqual(dataKey);
  });

  it('uses a fresh salt for every wrap', async () => {
    const dataKey = randomBytes(32);
    const a = await wrapWithPassphrase(dataKey, passphrase, { kdf: TEST_KDF });
    const b = await wrapWithPassphrase(dataKey, passphrase, { kdf: TEST_KDF });
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.wrapped).not.toBe(b.wrapped);
  });

  it('treats the passphrase as NFC-normalised text', async () => {
    const dataKey = randomBytes(32);
    const slot = await wrapWithPassphrase(dataKey, 'caf\u00e9 au lait', { kdf: TEST_KDF });
    expect(await unwrapWithPassphrase(slot, 'cafe\u0301 au lait', { kdf: TEST_KDF })).toEqual(dataKey);
  });

  it('refuses a wrong passphrase', async () => {
    const { slot } = await slotFor();
    const error = await expectVaultRejection(unwrapWithPassphrase(slot, 'Correct horse battery staple', { kdf: TEST_KDF }), 'wrong-passphrase');
    expect(error.message).not.toContain('horse');
    await expectVaultRejection(unwrapWithPassphrase(slot, '', { kdf: TEST_KDF }), 'wrong-passphrase');
  });

  it('refuses a flipped byte in the salt or the wrapped key', async () => {
    const { slot } = await slotFor();
    for (let i = 0; i < 16; i++) {
      const tampered = { ...slot, kdf: { ...slot.kdf, salt: flipDecodedByte(slot.kdf.salt, i) } };
      await expectVaultRejection(unwrapWithPassphrase(tampered, passphrase, { kdf: TEST_KDF }), 'wrong-passphrase', 'decrypt-failed');
    }
    const wrappedLength = Buffer.from(slot.wrapped, 'base64url').length;
    for (let i = 0; i < wrappedLength; i++) {
      const tampered = { ...slot, wrapped: flipDecodedByte(slot.wrapped, i) };
      await expectVaultRejection(unwrapWithPassphrase(tampered, passphrase, { kdf: TEST_KDF }), 'wrong-passphrase', 'decrypt-failed');
    }
  });

  it('refuses any scrypt parameters other than the ones Keymint writes, before deriving anything', async () => {
    const { slot } = await slotFor();
    // Checked before the passphrase: a wrong one would otherwise be reported after a derivation.
    const error = await expectVaultRejection(unwrapWithPassphrase(slot, 'not the passphrase'), 'corrupt');
    expect(error.message).toContain(`N=${SCRYPT_N}, r=8, p=1`);
    for (const kdf of [
      { ...slot.kdf, N: TEST_KDF.N / 2 },
      { ...slot.kdf, N: TEST_KDF.N * 2 },
      { ...slot.kdf, r: 4 },
      { ...slot.kdf, r: 9 },
      { ...slot.kdf, p: 0 },
      { ...slot.kdf, p: 2 },
      { ...slot.kdf, N: 1000 },
      { ...slot.kdf, N: 2 ** 40 },
      { ...slot.kdf, p: 1000 },
    ]) {
      await expectVaultRejection(unwrapWithPassphrase({ ...slot, kdf }, 'not the passphrase', { kdf: TEST_KDF }), 'corrupt');
    }
  });

  it('refuses a salt or wrapped key of any length but the one Keymint writes', async () => {
    const { slot } = await slotFor();
    const longer = (text: string) => Buffer.concat([Buffer.from(text, 'base64url'), Buffer.alloc(4)]).toString('base64url');
    for (const value of [{ ...slot, kdf: { ...slot.kdf, salt: longer(slot.kdf.salt) } }, { ...slot, wrapped: longer(slot.wrapped) }]) {
      await expectVaultRejection(unwrapWithPassphrase(value, 'not the passphrase', { kdf: TEST_KDF }), 'corrupt');
    }
  });

  it('refuses structurally broken slots as corrupt, never crashing', async () => {
    const { slot } = await slotFor();
    const broken: unknown[] = [
      null,
      'slot',
      { ...slot, kind: 'keychain' },
      { ...slot, version: 2 },
      { ...slot, kdf: { ...slot.kdf, name: 'pbkdf2' } },
      { ...slot, kdf: { ...slot.kdf, N: '1024' } },
      { ...slot, kdf: { ...slot.kdf, salt: 'not base64!' } },
      { ...slot, kdf: { ...slot.kdf, salt: 'AAAA' } },
      { ...slot, wrapped: 42 },
      { ...slot, wrapped: 'AAAA' },
    ];
    for (const value of broken) {
      await expectVaultRejection(unwrapWithPassphrase(value as PassphraseSlot, passphrase, { kdf: TEST_KDF }), 'corrupt');
    }
  });

  it('refuses an empty passphrase when wrapping', async () => {
    await expect(wrapWithPassphrase(randomBytes(32), '', { kdf: TEST_KDF })).rejects.toThrow(TypeError);
  });

  it('defaults to the strong parameters, and a default-strength slot unwraps', { timeout: 30_000 }, async () => {
    const dataKey = randomBytes(32);
    const slot = await wrapWithPassphrase(dataKey, passphrase);
    expect(slot.kdf).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
    expect(await unwrapWithPassphrase(slot, passphrase)).toEqual(dataKey);
  });
});
