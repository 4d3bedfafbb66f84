import { randomBytes, scrypt } from 'node:crypto';
import { IV_BYTES, KEY_BYTES, TAG_BYTES, assertKey, decodeBase64Url, open, seal } from './aead';
import { VaultError } from './vault-error';

/**
 * Wraps the vault's data key under a key derived from the user's passphrase.
 * Only the wrapped key is persisted; the passphrase is never stored.
 */

// The one cost Keymint writes: ~128 MiB and a few hundred ms per derivation on a laptop, which
// is what makes offline guessing of a stolen config file expensive.
export const SCRYPT_N = 2 ** 17;
export const SCRYPT_R = 8;
export const SCRYPT_P = 1;
export const SALT_BYTES = 16;
/** iv || AES-256-GCM(32-byte data key) || tag: a wrapped key of any other length is not ours. */
const WRAPPED_BYTES = IV_BYTES + KEY_BYTES + TAG_BYTES;

export interface ScryptParams {
  readonly name: 'scrypt';
  readonly N: number;
  readonly r: number;
  readonly p: number;
  /** base64url */
  readonly salt: string;
}

export interface PassphraseSlot {
  readonly kind: 'passphrase';
  readonly version: 1;
  readonly kdf: ScryptParams;
  /** base64url of iv || AES-256-GCM(dataKey) || tag */
  readonly wrapped: string;
}

export interface PassphraseSlotOptions {
  /**
   * TESTS ONLY: the scrypt N to write, and the only N accepted when reading. Production code
   * never passes this, so it gets SCRYPT_N both ways.
   */
  readonly kdf?: { readonly N: number };
}

function corrupt(detail: string): VaultError {
  return new VaultError('corrupt', `The passphrase slot is unusable: ${detail}.`);
}

/**
 * Slots (the vault's own, and a backup's) are accepted only with exactly the parameters Keymint
 * writes, checked before any derivation: a lowered cost would cheapen guessing the next
 * passphrase typed in, and a raised one (a crafted backup asking for 1 GiB or p=16) would burn
 * a minute of CPU before the passphrase is even checked.
 */
function checkParams(N: number, r: number, p: number, expectedN: number): void {
  if (N !== expectedN || r !== SCRYPT_R || p !== SCRYPT_P) {
    throw corrupt(`its scrypt parameters (N=${N}, r=${r}, p=${p}) are not the ones Keymint writes (N=${expectedN}, r=${SCRYPT_R}, p=${SCRYPT_P})`);
  }
}

/** The AAD binds the slot kind, format version and KDF cost to the wrapped key. */
function associatedData(N: number, r: number, p: number): Buffer {
  return Buffer.from(`keymint:slot:passphrase:v1:scrypt:N=${N}:r=${r}:p=${p}`, 'utf8');
}

function deriveKey(passphrase: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  // NFC so the same passphrase typed through different input methods or OSes
  // (composed vs decomposed accents) derives the same key.
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  // Node refuses scrypt above 32 MiB by default; scrypt needs ~128*N*r bytes
  // (plus a little per p), so allow twice that.
  const maxmem = 2 * 128 * N * r;
  return new Promise<Buffer>((resolve, reject) => {
    // The async variant runs on the libuv pool, keeping the Electron main
    // process responsive during the deliberately slow derivation.
    scrypt(secret, salt, KEY_BYTES, { N, r, p, maxmem }, (error, key) => {
      secret.fill(0);
      if (error) reject(corrupt('the key could not be derived with its scrypt parameters'));
      else resolve(key);
    });
  });
}

export async function wrapWithPassphrase(
  dataKey: Buffer,
  passphrase: string,
  options: PassphraseSlotOptions = {},
): Promise<PassphraseSlot> {
  assertKey(dataKey);
  if (passphrase.length === 0) throw new TypeError('The passphrase must not be empty');
  const N = options.kdf?.N ?? SCRYPT_N;
  const salt = randomBytes(SALT_BYTES);
  const wrappingKey = await deriveKey(passphrase, salt, N, SCRYPT_R, SCRYPT_P);
  try {
    const { iv, body } = seal(wrappingKey, dataKey, associatedData(N, SCRYPT_R, SCRYPT_P));
    return {
      kind: 'passphrase',
      version: 1,
      kdf: { name: 'scrypt', N, r: SCRYPT_R, p: SCRYPT_P, salt: salt.toString('base64url') },
      wrapped: Buffer.concat([iv, body]).toString('base64url'),
    };
  } finally {
    wrappingKey.fill(0);
  }
}

interface DecodedSlot {
  readonly slot: PassphraseSlot;
  readonly salt: Buffer;
  readonly wrapped: Buffer;
}

/** Validates the structure of a slot read from disk (values of unknown origin). */
function decodeSlot(value: unknown): DecodedSlot {
  if (typeof value !== 'object' || value === null) throw corrupt('it is not an object');
  const raw = value as Record<string, unknown>;
  if (raw.kind !== 'passphrase' || raw.version !== 1) throw corrupt('it has an unknown kind or version');
  const kdf = raw.kdf as Record<string, unknown> | null | undefined;
  if (typeof kdf !== 'object' || kdf === null || kdf.name !== 'scrypt') throw corrupt('it names an unknown KDF');
  const { N, r, p } = kdf;
  if (typeof N !== 'number' || typeof r !== 'number' || typeof p !== 'number') throw corrupt('its scrypt parameters are malformed');
  const salt = decodeBase64Url(kdf.salt);
  if (!salt || salt.length !== SALT_BYTES) throw corrupt('its salt is malformed');
  const wrapped = decodeBase64Url(raw.wrapped);
  if (!wrapped || wrapped.length !== WRAPPED_BYTES) throw corrupt('its wrapped key is malformed');
  const slot: PassphraseSlot = {
    kind: 'passphrase',
    version: 1,
    kdf: { name: 'scrypt', N, r, p, salt: salt.toString('base64url') },
    wrapped: wrapped.toString('base64url'),
  };
  return { slot, salt, wrapped };
}

/** Structural check for slots read from disk; throws VaultError 'corrupt'. */
export function parsePassphraseSlot(value: unknown): PassphraseSlot {
  return decodeSlot(value).slot;
}

/** Returns a fresh buffer holding the data key; the caller owns (and zeroes) it. */
export async function unwrapWithPassphrase(
  slotValue: PassphraseSlot,
  passphrase: string,
  options: PassphraseSlotOptions = {},
): Promise<Buffer> {
  const { slot, salt, wrapped } = decodeSlot(slotValue);
  const { N, r, p } = slot.kdf;
  checkParams(N, r, p, options.kdf?.N ?? SCRYPT_N);
  const wrappingKey = await deriveKey(passphrase, salt, N, r, p);
  try {
    const dataKey = open(wrappingKey, wrapped.subarray(0, IV_BYTES), wrapped.subarray(IV_BYTES), associatedData(N, r, p));
    // A wrong passphrase and a tampered salt/wrapped key are indistinguishable
    // by design (GCM just fails); the passphrase is by far the likelier cause.
    if (!dataKey) throw new VaultError('wrong-passphrase', 'That passphrase does not unlock this vault.');
    if (dataKey.length !== KEY_BYTES) {
      dataKey.fill(0);
      throw corrupt('it does not contain a valid key');
    }
    return dataKey;
  } finally {
    wrappingKey.fill(0);
  }
}
