import { createHmac, timingSafeEqual } from 'node:crypto';
import { KEY_BYTES, assertKey, decodeBase64Url } from './aead';
import { describeKeychain } from './describe-keychain';
import { VaultError } from './vault-error';
import type { Keychain } from '../ports';

export type { Keychain, KeychainStatus } from '../ports';


export interface KeychainSlot {
  readonly kind: 'keychain';
  readonly version: 1;
  /** base64url of the keychain's ciphertext of the data key */
  readonly wrapped: string;
  /**
   * base64url of HMAC-SHA256(dataKey, label), first 16 bytes. A keychain
   * without integrity (Electron's safeStorage is AES-CBC on macOS/Linux) can
   * "decrypt" a damaged blob or a reset keychain's data to garbage; this check
   * refuses such a key instead of letting the vault write new secrets under it.
   */
  readonly check: string;
}

const CHECK_BYTES = 16;

function keyCheck(dataKey: Buffer): Buffer {
  return createHmac('sha256', dataKey).update('keymint:slot:keychain:v1:check').digest().subarray(0, CHECK_BYTES);
}

function corrupt(detail: string): VaultError {
  return new VaultError('corrupt', `The keychain slot is unusable: ${detail}.`);
}

function requireAvailable(keychain: Keychain): void {
  const status = keychain.status();
  if (!status.available) throw new VaultError('keychain-unavailable', describeKeychain(status));
}

export async function wrapWithKeychain(dataKey: Buffer, keychain: Keychain): Promise<KeychainSlot> {
  assertKey(dataKey);
  requireAvailable(keychain);
  let wrapped: Buffer;
  try {
    wrapped = await keychain.encrypt(dataKey);
  } catch {
    throw new VaultError('keychain-unavailable', 'The system keychain refused to encrypt the vault key.');
  }
  return {
    kind: 'keychain',
    version: 1,
    wrapped: wrapped.toString('base64url'),
    check: keyCheck(dataKey).toString('base64url'),
  };
}

interface DecodedSlot {
  readonly slot: KeychainSlot;
  readonly wrapped: Buffer;
  readonly check: Buffer;
}

function decodeSlot(value: unknown): DecodedSlot {
  if (typeof value !== 'object' || value === null) throw corrupt('it is not an object');
  const raw = value as Record<string, unknown>;
  if (raw.kind !== 'keychain' || raw.version !== 1) throw corrupt('it has an unknown kind or version');
  const wrapped = decodeBase64Url(raw.wrapped);
  const check = decodeBase64Url(raw.check);
  if (!wrapped || wrapped.length === 0) throw corrupt('its wrapped key is malformed');
  if (!check || check.length !== CHECK_BYTES) throw corrupt('its key check is malformed');
  const slot: KeychainSlot = {
    kind: 'keychain',
    version: 1,
    wrapped: wrapped.toString('base64url'),
    check: check.toString('base64url'),
  };
  return { slot, wrapped, check };
}

/** Structural check for slots read from disk; throws VaultError 'corrupt'. */
export function parseKeychainSlot(value: unknown): KeychainSlot {
  return decodeSlot(value).slot;
}

/** Returns a fresh buffer holding the data key; the caller owns (and zeroes) it. */
export async function unwrapWithKeychain(slotValue: KeychainSlot, keychain: Keychain): Promise<Buffer> {
  const { wrapped, check } = decodeSlot(slotValue);
  requireAvailable(keychain);
  let dataKey: Buffer;
  try {
    dataKey = await keychain.decrypt(wrapped);
  } catch {
    throw new VaultError('decrypt-failed', 'The system keychain could not decrypt the vault key; the keychain may have been reset or its entry removed.');
  }
  if (dataKey.length !== KEY_BYTES || !timingSafeEqual(keyCheck(dataKey), check)) {
    dataKey.fill(0);
    throw new VaultError('decrypt-failed', 'The system keychain returned a different vault key than the one stored; the keychain may have been reset.');
  }
  return dataKey;
}
