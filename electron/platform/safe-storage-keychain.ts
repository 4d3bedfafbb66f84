import { app, safeStorage } from 'electron';
import { describeKeychain, KEYCHAIN_UNAVAILABLE, type Keychain, type KeychainStatus } from '../core';

/** Newer Electron releases add these and recommend them over the blocking sync calls. */
interface AsyncSafeStorage {
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
}

function asyncApi(storage: object): AsyncSafeStorage | undefined {
  const candidate = storage as Partial<AsyncSafeStorage>;
  return typeof candidate.encryptStringAsync === 'function' && typeof candidate.decryptStringAsync === 'function'
    ? (candidate as AsyncSafeStorage)
    : undefined;
}

const unavailable = (reason: string): KeychainStatus => ({ available: false, reason });

/**
 * The Keychain port over Electron's safeStorage. safeStorage encrypts strings, so the data
 * travels as base64. Reasons are the vault's KEYCHAIN_UNAVAILABLE codes, which
 * describeKeychain() turns into the sentence the UI shows.
 */
export function createSafeStorageKeychain(platform: NodeJS.Platform = process.platform): Keychain {
  const status = (): KeychainStatus => {
    if (!app.isReady()) return unavailable(KEYCHAIN_UNAVAILABLE.notReady);
    if (!safeStorage.isEncryptionAvailable()) return unavailable(KEYCHAIN_UNAVAILABLE.encryptionUnavailable);
    // Linux without a keyring "encrypts" with a hard-coded password: that protects nothing.
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      return unavailable(KEYCHAIN_UNAVAILABLE.basicText);
    }
    return { available: true };
  };
  const requireAvailable = () => {
    const current = status();
    if (!current.available) throw new Error(describeKeychain(current));
  };

  return {
    status,
    async encrypt(data) {
      requireAvailable();
      const text = data.toString('base64');
      const api = asyncApi(safeStorage);
      return api ? await api.encryptStringAsync(text) : safeStorage.encryptString(text);
    },
    async decrypt(data) {
      requireAvailable();
      const api = asyncApi(safeStorage);
      const text = api ? (await api.decryptStringAsync(data)).result : safeStorage.decryptString(data);
      return Buffer.from(text, 'base64');
    },
  };
}
