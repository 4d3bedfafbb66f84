import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isExactStoredProvider, isExactStoredToken } from './exact-records';
import { exactDocument, keymintDocumentSchema, storedProviderSchema } from './keymint-document';
import { storedTokenSchema } from './token-cache';

/** As JSON.parse makes an object (fast-check's have no prototype): own keys, `__proto__` included. */
const plain = (record: object): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
};
/** Any JSON-ish value, and the odd ones a crafted file or a caller could hold. */
const anyValue = fc.oneof(fc.jsonValue(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, undefined, -0));
const stringMap = fc.oneof({ weight: 6, arbitrary: fc.dictionary(fc.string(), fc.string()).map(plain) }, { weight: 1, arbitrary: fc.dictionary(fc.string(), anyValue).map(plain) }, { weight: 1, arbitrary: anyValue });
/** A field as written, or any other value, or missing. */
const field = (written: fc.Arbitrary<unknown>) => fc.option(fc.oneof({ weight: 12, arbitrary: written }, { weight: 1, arbitrary: anyValue }), { nil: undefined, freq: 20 });
const withExtras = <T extends object>(record: fc.Arbitrary<T>) =>
  fc.tuple(record, fc.option(fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', 'extra', 'id'), anyValue), { freq: 4 })).map(([base, extra]) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(base)) if (value !== undefined) out[key] = value;
    // Own keys, `__proto__` included, as JSON.parse makes them.
    if (extra) for (const [key, value] of Object.entries(extra)) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    return out;
  });

const provider = withExtras(
  fc.record({
    id: field(fc.string()),
    name: field(fc.string()),
    presetId: field(fc.string()),
    baseUrl: field(fc.string()),
    recipe: field(fc.option(fc.string(), { nil: null })),
    values: field(stringMap),
    secrets: field(stringMap),
    settings: field(fc.record({ timeoutSeconds: field(fc.integer()), lifetimeSeconds: field(fc.double()) }).map((settings) => plain(Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined))))),
    autoRenew: field(fc.boolean()),
    createdAt: field(fc.double()),
    requestDigest: field(fc.string()),
  }),
);
const token = withExtras(
  fc.record({
    sealed: field(fc.string()),
    obtainedAt: field(fc.double()),
    expiresAt: field(fc.option(fc.double(), { nil: null })),
    expirySource: field(fc.string()),
    scopeNote: field(fc.string()),
    requestDigest: field(fc.string()),
  }),
);

describe('hand checks of stored records', () => {
  it('let a provider through only when the schema accepts it and returns it unchanged', () => {
    let passed = 0;
    fc.assert(
      fc.property(provider, (value) => {
        if (!isExactStoredProvider(value)) return;
        passed++;
        const parsed = storedProviderSchema.safeParse(value);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toStrictEqual(value);
      }),
      { numRuns: 3000 },
    );
    // The property means something only if many records pass.
    expect(passed).toBeGreaterThan(100);
  });

  it('let a token record through only when the schema accepts it and returns it unchanged', () => {
    let passed = 0;
    fc.assert(
      fc.property(token, (value) => {
        if (!isExactStoredToken(value)) return;
        passed++;
        const parsed = storedTokenSchema.safeParse(value);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toStrictEqual(value);
      }),
      { numRuns: 3000 },
    );
    expect(passed).toBeGreaterThan(100);
  });

  it('leave to the schema what it would change or refuse', () => {
    const written = { id: 'a', name: 'A', presetId: 'togai', baseUrl: 'https://api.togai.com', recipe: null, values: {}, secrets: { key: 'v1.x' }, settings: {}, createdAt: 1 };
    expect(isExactStoredProvider(written)).toBe(true);
    expect(isExactStoredProvider({ ...written, later: 'a field of a newer version' })).toBe(false);
    expect(isExactStoredProvider(JSON.parse('{"id":"a","name":"A","presetId":"togai","baseUrl":"b","recipe":null,"values":{"__proto__":"x"},"secrets":{},"settings":{},"createdAt":1}'))).toBe(false);
    expect(isExactStoredProvider({ ...written, createdAt: Number.NaN })).toBe(false);
    expect(isExactStoredProvider({ ...written, settings: { timeoutSeconds: '5' } })).toBe(false);
    expect(isExactStoredToken({ sealed: 's', obtainedAt: 1, expiresAt: null, expirySource: 'none' })).toBe(false);
  });

  it('read a document whose providers are all exact as the schema would, keeping them as read', () => {
    fc.assert(
      fc.property(fc.array(provider, { maxLength: 4 }), fc.constantFrom(undefined, { autoLockMinutes: 5 }, { theme: 1 }), (providers, settings) => {
        const document = JSON.parse(JSON.stringify({ version: 3, providers, settings })) as unknown;
        const exact = exactDocument(document);
        const parsed = keymintDocumentSchema.safeParse(document);
        if (exact === undefined) return;
        expect(parsed.success).toBe(true);
        expect(JSON.stringify(exact)).toBe(JSON.stringify(parsed.data));
        expect(exact.providers).toBe((document as { providers: unknown }).providers);
      }),
      { numRuns: 500 },
    );
  });
});
