import { assertKey, decodeBase64Url, open, seal } from './aead';
import { VaultError } from './vault-error';

/**
 * Encrypts individual secrets (credential fields, cached tokens) under the
 * vault's data key. Each ciphertext is bound to its `place` (e.g.
 * `provider:<id>:field:<key>`) through GCM associated data, so a value copied
 * to another field or provider refuses to decrypt instead of silently
 * swapping secrets.
 *
 * Format: `v1.<base64url iv>.<base64url ciphertext+tag>`.
 */
export interface EnvelopeCipher {
  encrypt(plaintext: string, place: string): string;
  decrypt(ciphertext: string, place: string): string;
}

const FORMAT_VERSION = 'v1';

function associatedData(place: string): Buffer {
  // The format version is authenticated too, so a future v2 reader can never be
  // fed a v1 body under a relabelled prefix (or vice versa).
  return Buffer.from(`keymint:envelope:${FORMAT_VERSION}:${place}`, 'utf8');
}

function decryptFailed(): VaultError {
  return new VaultError('decrypt-failed', 'A stored secret could not be decrypted: it was altered, moved, or written with a different vault key.');
}

function isZeroed(key: Buffer): boolean {
  return key.every((byte) => byte === 0);
}

/**
 * The cipher keeps a reference to `dataKey` (no copy) so that zero-filling the
 * buffer on lock really removes the key; after that the cipher refuses to work
 * rather than encrypting under an all-zero key.
 */
export function createEnvelopeCipher(dataKey: Buffer): EnvelopeCipher {
  assertKey(dataKey);
  const usableKey = (): Buffer => {
    if (isZeroed(dataKey)) throw new VaultError('locked', 'The vault is locked.');
    return dataKey;
  };
  return {
    encrypt(plaintext, place) {
      if (place.length === 0) throw new TypeError('encrypt() needs a non-empty place');
      const { iv, body } = seal(usableKey(), Buffer.from(plaintext, 'utf8'), associatedData(place));
      return `${FORMAT_VERSION}.${iv.toString('base64url')}.${body.toString('base64url')}`;
    },
    decrypt(ciphertext, place) {
      const key = usableKey();
      const parts = typeof ciphertext === 'string' ? ciphertext.split('.') : [];
      if (parts.length !== 3 || parts[0] !== FORMAT_VERSION) throw decryptFailed();
      const iv = decodeBase64Url(parts[1]);
      const body = decodeBase64Url(parts[2]);
      if (!iv || !body) throw decryptFailed();
      const plaintext = open(key, iv, body, associatedData(place));
      if (!plaintext) throw decryptFailed();
      const text = plaintext.toString('utf8');
      plaintext.fill(0);
      return text;
    },
  };
}
