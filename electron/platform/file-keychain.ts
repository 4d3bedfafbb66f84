import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { IV_BYTES, KEY_BYTES, open, seal, type Keychain } from '../core';


const AAD = Buffer.from('keymint-file-keychain');

/**
 * The browser host's and tests' stand-in for the OS keychain: AES-256-GCM under a random key
 * kept in a 0600 file. It protects as much as file permissions do, which is why the packaged
 * app uses the OS credential store (os-keyring-keychain) instead.
 */
export function createFileKeychain(keyPath: string): Keychain {
  const key = loadOrCreateKey(keyPath);
  return {
    status: () => ({ available: true }),
    async encrypt(data) {
      const { iv, body } = seal(key, data, AAD);
      return Buffer.concat([iv, body]);
    },
    async decrypt(blob) {
      const plain = open(key, blob.subarray(0, IV_BYTES), blob.subarray(IV_BYTES), AAD);
      if (!plain) throw new Error('The key file keychain could not decrypt this data.');
      return plain;
    },
  };
}

function loadOrCreateKey(keyPath: string): Buffer {
  try {
    const key = readFileSync(keyPath);
    if (key.length === KEY_BYTES) {
      chmodSync(keyPath, 0o600); // tighten a key file someone loosened
      return key;
    }
    throw new Error(`${keyPath} is not a ${KEY_BYTES}-byte key; refusing to replace it.`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(keyPath), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  writeFileSync(keyPath, key, { mode: 0o600, flag: 'wx' });
  chmodSync(keyPath, 0o600);
  return key;
}
