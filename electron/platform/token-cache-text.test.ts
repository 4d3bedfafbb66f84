import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenCacheText } from './token-cache-text';

const record = fc.record({
  sealed: fc.string(),
  obtainedAt: fc.integer(),
  expiresAt: fc.option(fc.integer(), { nil: null }),
  expirySource: fc.string(),
  scopeNote: fc.option(fc.string(), { nil: undefined }),
  requestDigest: fc.string(),
});

describe('the token cache text', () => {
  it('is exactly JSON.stringify of the cache, whatever its ids and records', () => {
    const ids = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'é "quoted"\n'));
    fc.assert(
      fc.property(fc.array(fc.tuple(ids, fc.oneof(record, fc.constant(undefined), fc.jsonValue()))), (entries) => {
        const tokens: Record<string, unknown> = {};
        for (const [id, value] of entries) Object.defineProperty(tokens, id, { value, enumerable: true, writable: true, configurable: true });
        const doc = { version: 1, tokens };
        expect(tokenCacheText(doc)).toBe(JSON.stringify(doc));
        // Again, from the texts it kept.
        expect(tokenCacheText(doc)).toBe(JSON.stringify(doc));
      }),
    );
  });

  it('writes a replaced record as it is now, and keeps the others', () => {
    const first = { sealed: 'v1.a', obtainedAt: 1, expiresAt: 2, expirySource: 'expires_in', requestDigest: 'd' };
    const other = { sealed: 'v1.b', obtainedAt: 3, expiresAt: null, expirySource: 'none', requestDigest: 'e' };
    const doc = { version: 1, tokens: { a: first, b: other } as Record<string, unknown> };
    expect(tokenCacheText(doc)).toBe(JSON.stringify(doc));
    doc.tokens.a = { ...first, sealed: 'v1.new' };
    delete doc.tokens.b;
    expect(JSON.parse(tokenCacheText(doc))).toEqual({ version: 1, tokens: { a: { ...first, sealed: 'v1.new' } } });
  });

  it('serialises anything else whole', () => {
    for (const doc of [null, [], { tokens: [] }, { tokens: {}, version: 1 }, 'text']) expect(tokenCacheText(doc)).toBe(JSON.stringify(doc));
  });
});
