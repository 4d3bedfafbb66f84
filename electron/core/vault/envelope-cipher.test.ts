import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEnvelopeCipher } from './envelope-cipher';
import { fieldPlace, tokenPlace } from './places';
import { expectVaultError, flipDecodedByte } from '../../test-support/vault-helpers';

const place = fieldPlace('acme', 'client_secret');
const secret = 'sk_live_51Hx-ünïcødé-🔑';

function encrypted(): { key: Buffer; text: string } {
  const key = randomBytes(32);
  return { key, text: createEnvelopeCipher(key).encrypt(secret, place) };
}

describe('envelope cipher', () => {
  it('round-trips text in the v1 compact format', () => {
    const { key, text } = encrypted();
    expect(text).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(text).not.toContain('sk_live');
    expect(createEnvelopeCipher(key).decrypt(text, place)).toBe(secret);
    expect(createEnvelopeCipher(key).decrypt(createEnvelopeCipher(key).encrypt('', place), place)).toBe('');
  });

  it('uses a fresh IV each time', () => {
    const cipher = createEnvelopeCipher(randomBytes(32));
    const a = cipher.encrypt(secret, place);
    const b = cipher.encrypt(secret, place);
    expect(a).not.toBe(b);
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
  });

  it('never repeats an IV, across the batches IVs are drawn in, and each still opens', () => {
    const cipher = createEnvelopeCipher(randomBytes(32));
    const texts = Array.from({ length: 1000 }, (_, i) => cipher.encrypt(`token ${i}`, tokenPlace('p1')));
    expect(new Set(texts.map((text) => text.split('.')[1])).size).toBe(1000);
    texts.forEach((text, i) => expect(cipher.decrypt(text, tokenPlace('p1'))).toBe(`token ${i}`));
  });

  it('refuses any flipped byte in the IV, ciphertext or tag', () => {
    const { key, text } = encrypted();
    const cipher = createEnvelopeCipher(key);
    const [version, iv, body] = text.split('.');
    const bodyLength = Buffer.from(body, 'base64url').length;
    for (let i = 0; i < 12; i++) {
      expectVaultError(() => cipher.decrypt(`${version}.${flipDecodedByte(iv, i)}.${body}`, place), 'decrypt-failed');
    }
    // Every ciphertext byte and every tag byte (the last 16).
    for (let i = 0; i < bodyLength; i++) {
      expectVaultError(() => cipher.decrypt(`${version}.${iv}.${flipDecodedByte(body, i)}`, place), 'decrypt-failed');
    }
  });

  it('refuses any changed character of the text, including the version prefix', () => {
    const { key, text } = encrypted();
    const cipher = createEnvelopeCipher(key);
    for (let i = 0; i < text.length; i++) {
      const replacement = text[i] === 'A' ? 'B' : 'A';
      const tampered = text.slice(0, i) + replacement + text.slice(i + 1);
      expectVaultError(() => cipher.decrypt(tampered, place), 'decrypt-failed');
    }
  });

  it('refuses malformed input without leaking material into the message', () => {
    const { key, text } = encrypted();
    const cipher = createEnvelopeCipher(key);
    const [, iv, body] = text.split('.');
    for (const bad of ['', 'v1', 'v1..', `v2.${iv}.${body}`, `v1.${iv}.${body}.x`, `v1.${iv}.${body}=`, `v1.${iv}.${body.slice(0, 10)}`, `v1.${iv}.`]) {
      const error = expectVaultError(() => cipher.decrypt(bad, place), 'decrypt-failed');
      expect(error.message).not.toContain(body);
      expect(error.message).not.toContain(key.toString('base64url'));
    }
  });

  it('refuses a ciphertext moved to another place', () => {
    const { key, text } = encrypted();
    const cipher = createEnvelopeCipher(key);
    expectVaultError(() => cipher.decrypt(text, fieldPlace('acme', 'client_id')), 'decrypt-failed');
    expectVaultError(() => cipher.decrypt(text, fieldPlace('other', 'client_secret')), 'decrypt-failed');
    expectVaultError(() => cipher.decrypt(text, tokenPlace('acme')), 'decrypt-failed');
  });

  it('refuses the wrong key', () => {
    const { text } = encrypted();
    const error = expectVaultError(() => createEnvelopeCipher(randomBytes(32)).decrypt(text, place), 'decrypt-failed');
    expect(error.message).not.toContain(secret);
  });

  it('stops working once its key buffer is zeroed (vault locked)', () => {
    const key = randomBytes(32);
    const cipher = createEnvelopeCipher(key);
    const text = cipher.encrypt(secret, place);
    key.fill(0);
    expectVaultError(() => cipher.encrypt(secret, place), 'locked');
    expectVaultError(() => cipher.decrypt(text, place), 'locked');
  });

  it('rejects keys that are not 256-bit', () => {
    expect(() => createEnvelopeCipher(randomBytes(16))).toThrow(RangeError);
  });

  it('keeps places with colons in ids apart', () => {
    expect(fieldPlace('a:field:b', 'c')).not.toBe(fieldPlace('a', 'b:field:c'));
    expect(tokenPlace('x:field:y')).not.toBe(fieldPlace('x', 'y:token'));
  });
});
