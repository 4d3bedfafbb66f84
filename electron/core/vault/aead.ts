import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM primitives shared by the envelope cipher and the passphrase slot.
 * Internal to the vault: callers translate an `undefined` from `open` into the
 * VaultError code that fits their situation (wrong passphrase vs tampered data).
 */
export const KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

const ALGORITHM = 'aes-256-gcm';

export interface Sealed {
  readonly iv: Buffer;
  /** ciphertext followed by the 16-byte authentication tag */
  readonly body: Buffer;
}

export function assertKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`AES-256 keys are ${KEY_BYTES} bytes`);
}

/** IVs are cut from random bytes drawn this many at a time (341 IVs). */
const IV_POOL_BYTES = 341 * IV_BYTES;
let ivPool = Buffer.alloc(0);
let ivNext = 0;

/**
 * A fresh random IV, each used once. Drawn from the CSPRNG in batches: a call for 12 bytes
 * costs more than the encryption it is for (a token is sealed on every request). GCM needs
 * IVs unique, not secret (each is stored beside its ciphertext); a used pool is replaced,
 * never refilled, so the IVs already handed out stay as they were.
 */
function freshIv(): Buffer {
  if (ivNext + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_POOL_BYTES);
    ivNext = 0;
  }
  const iv = ivPool.subarray(ivNext, ivNext + IV_BYTES);
  ivNext += IV_BYTES;
  return iv;
}

export function seal(key: Buffer, plaintext: Buffer, aad: Buffer): Sealed {
  assertKey(key);
  // A fresh random IV per message: with 96-bit IVs the collision risk stays
  // negligible for far more messages than a credential vault will ever write.
  const iv = freshIv();
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { iv, body };
}

/** Returns the plaintext, or undefined if anything fails to authenticate. */
export function open(key: Buffer, iv: Buffer, body: Buffer, aad: Buffer): Buffer | undefined {
  assertKey(key);
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) return undefined;
  const split = body.length - TAG_BYTES;
  try {
    // authTagLength pins the tag size so a truncated tag cannot be accepted.
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(body.subarray(split));
    const head = decipher.update(body.subarray(0, split));
    const tail = decipher.final();
    if (tail.length === 0) return head;
    // GCM emits everything from update(); this branch only guards that assumption
    // without leaving an unzeroed copy of the plaintext behind.
    const whole = Buffer.concat([head, tail]);
    head.fill(0);
    tail.fill(0);
    return whole;
  } catch {
    return undefined;
  }
}

/** base64url decoding that rejects anything we would not have produced ourselves. */
export function decodeBase64Url(text: unknown): Buffer | undefined {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  // Node's decoder silently ignores trailing bits; requiring the canonical form
  // means every change to the text is a change to the bytes, so GCM catches it.
  return bytes.toString('base64url') === text ? bytes : undefined;
}
