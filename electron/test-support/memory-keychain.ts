import { randomBytes } from 'node:crypto';
import { IV_BYTES, KEY_BYTES, open, seal } from '../core/vault/aead';
import type { Keychain, KeychainStatus } from '../core/vault/keychain-slot';

/**
 * An in-process stand-in for the OS keychain, for unit tests. Its key lives
 * only in memory, so it does not survive a restart: never wire it into the app.
 */
export interface MemoryKeychain extends Keychain {
  /** Simulate the OS keyring being unavailable (e.g. reason 'no-secret-service'), or available again. */
  setStatus(status: KeychainStatus): void;
  /** Simulate a keychain reset: earlier ciphertexts stop decrypting. */
  reset(): void;
}

const AAD = Buffer.from('keymint:memory-keychain', 'utf8');

export function createMemoryKeychain(initial: KeychainStatus = { available: true }): MemoryKeychain {
  let status = initial;
  let key = randomBytes(KEY_BYTES);
  const requireAvailable = (): void => {
    if (!status.available) throw new Error('keychain unavailable');
  };
  return {
    status: () => status,
    setStatus(next) {
      status = next;
    },
    reset() {
      key.fill(0);
      key = randomBytes(KEY_BYTES);
    },
    async encrypt(data) {
      requireAvailable();
      const { iv, body } = seal(key, data, AAD);
      return Buffer.concat([iv, body]);
    },
    async decrypt(data) {
      requireAvailable();
      const plain = open(key, data.subarray(0, IV_BYTES), data.subarray(IV_BYTES), AAD);
      if (!plain) throw new Error('keychain could not decrypt');
      return plain;
    },
  };
}
