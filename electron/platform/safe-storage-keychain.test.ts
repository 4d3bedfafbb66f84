import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { describeKeychain, KEYCHAIN_UNAVAILABLE, unwrapWithKeychain, wrapWithKeychain } from '../core/vault';

/** A stand-in for safeStorage: XOR under a fixed pad, so ciphertext differs from plaintext and round-trips. */
const electron = vi.hoisted(() => {
  const scramble = (bytes: Buffer) => Buffer.from(bytes.map((byte, i) => byte ^ (0x5a + i) % 256));
  const sync = {
    isEncryptionAvailable: vi.fn(() => true),
    getSelectedStorageBackend: vi.fn((): string => 'gnome_libsecret'),
    encryptString: vi.fn((text: string) => scramble(Buffer.from(text, 'utf8'))),
    decryptString: vi.fn((data: Buffer) => scramble(data).toString('utf8')),
  };
  const asyncMethods = {
    encryptStringAsync: vi.fn(async (text: string) => scramble(Buffer.from(text, 'utf8'))),
    decryptStringAsync: vi.fn(async (data: Buffer) => ({ result: scramble(data).toString('utf8'), shouldReEncrypt: false })),
  };
  return { app: { isReady: vi.fn(() => true) }, safeStorage: { ...sync } as typeof sync & Partial<typeof asyncMethods>, asyncMethods };
});
vi.mock('electron', () => ({ app: electron.app, safeStorage: electron.safeStorage }));

import { createSafeStorageKeychain } from './safe-storage-keychain';

beforeEach(() => {
  vi.clearAllMocks();
  electron.app.isReady.mockReturnValue(true);
  electron.safeStorage.isEncryptionAvailable.mockReturnValue(true);
  electron.safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
  delete electron.safeStorage.encryptStringAsync;
  delete electron.safeStorage.decryptStringAsync;
});

describe('createSafeStorageKeychain: status', () => {
  it("is unavailable on Linux with the 'basic_text' backend, explained in words, and refuses to encrypt", async () => {
    electron.safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    const keychain = createSafeStorageKeychain('linux');
    const status = keychain.status();
    expect(status).toEqual({ available: false, reason: KEYCHAIN_UNAVAILABLE.basicText });
    expect(describeKeychain(status)).toMatch(/no system keyring was found.*hard-coded password.*passphrase/i);
    await expect(keychain.encrypt(Buffer.from('key'))).rejects.toThrow(/hard-coded password/);
    expect(electron.safeStorage.encryptString).not.toHaveBeenCalled();
  });

  it('is unavailable when safeStorage says encryption is not available', () => {
    electron.safeStorage.isEncryptionAvailable.mockReturnValue(false);
    const status = createSafeStorageKeychain('win32').status();
    expect(status).toEqual({ available: false, reason: KEYCHAIN_UNAVAILABLE.encryptionUnavailable });
    expect(describeKeychain(status)).toMatch(/did not let Keymint encrypt/);
  });

  it('is unavailable before the app is ready, when safeStorage cannot answer yet', () => {
    electron.app.isReady.mockReturnValue(false);
    expect(createSafeStorageKeychain('linux').status()).toEqual({ available: false, reason: KEYCHAIN_UNAVAILABLE.notReady });
  });

  it('is available with a real Linux keyring, and never asks for a backend elsewhere', () => {
    expect(createSafeStorageKeychain('linux').status()).toEqual({ available: true });
    expect(createSafeStorageKeychain('darwin').status()).toEqual({ available: true });
    expect(electron.safeStorage.getSelectedStorageBackend).toHaveBeenCalledOnce();
  });
});

describe('createSafeStorageKeychain: encrypt and decrypt', () => {
  it('round-trips bytes through the sync API when there is no async one', async () => {
    const keychain = createSafeStorageKeychain('darwin');
    const data = randomBytes(32);
    const sealed = await keychain.encrypt(data);
    expect(sealed.includes(data)).toBe(false);
    expect(await keychain.decrypt(sealed)).toEqual(data);
    expect(electron.safeStorage.encryptString).toHaveBeenCalledOnce();
    expect(electron.safeStorage.decryptString).toHaveBeenCalledOnce();
  });

  it('prefers the async API when this Electron has it', async () => {
    Object.assign(electron.safeStorage, electron.asyncMethods);
    const keychain = createSafeStorageKeychain('win32');
    const data = randomBytes(32);
    expect(await keychain.decrypt(await keychain.encrypt(data))).toEqual(data);
    expect(electron.asyncMethods.encryptStringAsync).toHaveBeenCalledOnce();
    expect(electron.asyncMethods.decryptStringAsync).toHaveBeenCalledOnce();
    expect(electron.safeStorage.encryptString).not.toHaveBeenCalled();
    expect(electron.safeStorage.decryptString).not.toHaveBeenCalled();
  });

  it("wraps and unwraps the vault's data key through the vault's keychain slot", async () => {
    const keychain = createSafeStorageKeychain('linux');
    const dataKey = randomBytes(32);
    const slot = await wrapWithKeychain(Buffer.from(dataKey), keychain);
    expect(await unwrapWithKeychain(slot, keychain)).toEqual(dataKey);
  });
});
