import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Keychain } from '../services/vault';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The browser host's and tests' stand-in for the OS keychain: AES-256-GCM under a random key
 * kept in a 0600 file. It protects as much as file permissions do, which is why the packaged
 * app uses Electron's safeStorage instead.
 */
export function createFileKeychain(keyPath: string): Keychain {
  const key = loadOrCreateKey(keyPath);
  return {
    status: () => ({ available: true }),
    async encrypt(data) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(data), cipher.final()]);
      return Buffer.concat([iv, body, cipher.getAuthTag()]);
    },
    async decrypt(blob) {
      const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, IV_BYTES));
      decipher.setAuthTag(blob.subarray(blob.length - TAG_BYTES));
      return Buffer.concat([decipher.update(blob.subarray(IV_BYTES, blob.length - TAG_BYTES)), decipher.final()]);
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
