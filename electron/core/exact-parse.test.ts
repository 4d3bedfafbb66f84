import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { providerViewSchema } from '../../shared/ipc/provider-view';
import { exactCheck, exactParse } from './exact-parse';
import { keymintDocumentSchema, storedProviderSchema } from './store/keymint-document';
import { storedTokenSchema } from './store/token-cache';

/** Values a file, a page or a bug could put anywhere. */
const odd = fc.oneof(fc.jsonValue(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, undefined, -0, '  padded  ', new Date(0), [], Object.create(null)));

/** Defines `key` as an own property, as JSON.parse does (an assignment to `__proto__` would set the prototype). */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  valueType?: z.ZodType;
  values?: unknown[];
  entries?: Record<string, unknown>;
  options?: z.ZodType[];
  checks?: unknown[];
}

/**
 * Values shaped by `schema` (mostly what it accepts, so the exact path is taken often) with
 * faults sown through them: a wrong type, a missing field, an unknown or `__proto__` key.
 */
function valuesOf(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = (schema as unknown as { def: Def }).def;
  // With checks (a format, bounds), mostly values that meet the usual ones: instants, small whole numbers.
  const checked = (def.checks?.length ?? 0) > 0;
  const shaped = ((): fc.Arbitrary<unknown> => {
    switch (def.type) {
      case 'string':
        return fc.oneof(
          { weight: checked ? 1 : 3, arbitrary: fc.string() },
          { weight: checked ? 30 : 2, arbitrary: fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString()) },
          { weight: 3, arbitrary: fc.constantFrom('abc', 'x', 'digest') },
          { weight: 1, arbitrary: fc.constantFrom(' x', '') },
        );
      case 'number':
        return fc.oneof({ weight: checked ? 12 : 4, arbitrary: fc.integer({ min: checked ? 1 : -5, max: checked ? 100 : 200 }) }, { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) }, { weight: 1, arbitrary: fc.double() });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'literal':
        return fc.constantFrom(...(def.values ?? []));
      case 'enum':
        return fc.constantFrom(...Object.values(def.entries ?? {}));
      case 'nullable':
        return fc.oneof(fc.constant(null), valuesOf(def.innerType!, depth));
      case 'optional':
        return fc.oneof(fc.constant(undefined), valuesOf(def.innerType!, depth));
      case 'array':
        return depth > 3
          ? fc.constant([])
          : fc.tuple(fc.array(valuesOf(def.element!, depth + 1), { maxLength: 3 }), fc.nat({ max: 20 })).map(([items, odds]) => {
              // Now and then a hole, or a property besides the items.
              if (odds === 0) return Object.assign(items, { extra: 1 });
              if (odds === 1 && items.length > 0) delete items[0];
              return items;
            });
      case 'record':
        return fc.dictionary(fc.oneof({ weight: 1, arbitrary: fc.string() }, { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor') }, { weight: 6, arbitrary: fc.constantFrom('a', 'key', 'b') }), valuesOf(def.valueType!, depth + 1), { maxKeys: 3 }).map((entries) => {
          const out: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(entries)) define(out, key, value);
          return out;
        });
      case 'object': {
        const keys = Object.entries(def.shape ?? {});
        const takesExtras = def.catchall !== undefined && (def.catchall as unknown as { def: Def }).def.type !== 'never';
        const extras = takesExtras ? valuesOf(def.catchall!, depth + 1) : odd;
        return fc
          .tuple(
            fc.tuple(...keys.map(([, field]) => fc.tuple(fc.boolean(), valuesOf(field, depth + 1)))),
            // An extra key now and then (often where a catchall takes them): fast-check's `freq` is one in how many are nil.
            fc.oneof(
              { weight: takesExtras ? 1 : 6, arbitrary: fc.constant(null) },
              { weight: 1, arbitrary: fc.tuple(fc.constantFrom('__proto__', 'constructor', 'extra', keys[0]?.[0] ?? 'x'), extras) },
            ),
            fc.nat({ max: 120 }),
          )
          .map(([fields, extra, drop]) => {
            const out: Record<string, unknown> = {};
            fields.forEach(([keep, value], i) => {
              // An optional field left undefined is usually absent; now and then a field is missing.
              if ((value === undefined && keep) || drop === i) return;
              define(out, keys[i]![0], value);
            });
            if (extra) define(out, extra[0], extra[1]);
            return out;
          });
      }
      case 'custom':
        return fc.oneof({ weight: 6, arbitrary: fc.constantFrom('abc', 'x') }, { weight: 1, arbitrary: fc.jsonValue() });
      case 'union':
        return fc.oneof(...(def.options ?? []).map((option) => valuesOf(option, depth)));
      default:
        return fc.jsonValue();
    }
  })();
  // Now and then anything at all in place of what the schema names.
  return fc.oneof({ weight: 80, arbitrary: shaped }, { weight: 1, arbitrary: odd });
}

/** One of each kind of part exactParse reads, with checks, catchalls, records and a union it leaves to zod. */
const everyKind = z.object({
  name: z.string(),
  trimmed: z.string().trim().min(1),
  at: z.string().datetime(),
  count: z.number().int().min(0).max(100),
  ratio: z.number(),
  on: z.boolean(),
  nothing: z.null(),
  version: z.literal(3),
  state: z.enum(['a', 'b']),
  maybe: z.string().nullable(),
  later: z.number().optional(),
  list: z.array(z.string()).max(2),
  nested: z.object({ inner: z.boolean().optional() }),
  map: z.object({}).catchall(z.string()),
  open: z.object({ a: z.string() }).loose(),
  closed: z.object({ a: z.string().optional() }).strict(),
  byKey: z.record(z.string(), z.number()),
  keyed: z.record(z.string().regex(/^[a-z]+$/), z.unknown()),
  custom: z.custom<string>((value) => typeof value === 'string' && value.length < 5),
});
const withUnion = z.object({ either: z.union([z.string(), z.number()]) });

const SCHEMAS: [string, z.ZodType][] = [
  ['every kind of part', everyKind],
  ['a stored provider', storedProviderSchema],
  ['a token record', storedTokenSchema],
  ['the data file', keymintDocumentSchema],
  ['a provider as the board sees it', providerViewSchema],
  ['the list of providers the router sends', z.array(providerViewSchema)],
];

describe('exactParse', () => {
  it.each(SCHEMAS)('takes %s as it is only when zod would return it unchanged', (_, schema) => {
    let taken = 0;
    fc.assert(
      fc.property(valuesOf(schema), (value) => {
        if (!exactCheck(schema)!(value)) return;
        taken++;
        const parsed = schema.safeParse(value);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toStrictEqual(value);
      }),
      { numRuns: 2000 },
    );
    // The property means something only if the exact path is taken often.
    expect(taken).toBeGreaterThan(40);
  });

  it('returns the value itself when it takes it, and zod’s own answer, issues and all, otherwise', () => {
    fc.assert(
      fc.property(valuesOf(everyKind), (value) => {
        const result = exactParse(everyKind, value);
        expect(result).toStrictEqual(everyKind.safeParse(value));
        if (exactCheck(everyKind)!(value)) expect(result.data).toBe(value);
      }),
      { numRuns: 500 },
    );
  });

  it('sends zod an array with a hole or a property besides its items', () => {
    const list = z.array(z.string());
    const holed = [, 'a'];
    expect(exactCheck(list)!(holed)).toBe(false);
    expect(exactParse(list, holed).success).toBe(false);
    // A hole balanced by a property besides the items, where an item may be undefined.
    const maybe = z.array(z.string().optional());
    const holedMaybe: unknown[] & { secret?: string } = [, 'x'];
    holedMaybe.secret = 'S';
    expect(exactCheck(maybe)!(holedMaybe)).toBe(false);
    expect(Object.keys(exactParse(maybe, holedMaybe).data ?? {})).not.toContain('secret');
    const extra = Object.assign(['a'], { secret: 's' });
    expect(exactCheck(list)!(extra)).toBe(false);
    expect(exactParse(list, extra).data).toStrictEqual(['a']);
  });

  it('accepts exactly the values zod does for enums and literals, a numeric enum’s names included', () => {
    const Numeric = { A: 0, B: 1, 0: 'A', 1: 'B' } as const;
    const numeric = z.enum(Numeric);
    expect(exactCheck(numeric)!(0)).toBe(true);
    expect(exactCheck(numeric)!('A')).toBe(false);
    expect(numeric.safeParse('A').success).toBe(false);
    expect(exactCheck(z.literal('x'))!('x')).toBe(true);
  });

  it('leaves to zod a schema with a part that may change what it returns or refine it', () => {
    expect(exactCheck(withUnion)).toBeNull();
    expect(exactCheck(z.object({ a: z.string().default('x') }))).toBeNull();
    const refined = z.object({ a: z.string() }).refine((value) => value.a !== 'bad');
    expect(exactCheck(refined)).toBeNull();
    expect(exactParse(refined, { a: 'bad' }).success).toBe(false);
    expect(exactCheck(z.string().nullable().refine((value) => value !== 'bad'))).toBeNull();
    expect(exactParse(withUnion, { either: 1, dropped: true })).toEqual({ success: true, data: { either: 1 } });
  });

  it('sends zod what it would strip, refuse or copy', () => {
    const check = exactCheck(storedTokenSchema)!;
    const record = { sealed: 's', obtainedAt: 1, expiresAt: null, expirySource: 'none', requestDigest: 'd' };
    expect(check(record)).toBe(true);
    expect(check({ ...record, later: 'a field of a newer version' })).toBe(false);
    expect(check(JSON.parse('{"sealed":"s","obtainedAt":1,"expiresAt":null,"expirySource":"none","requestDigest":"d","__proto__":{}}'))).toBe(false);
    expect(check({ ...record, obtainedAt: Number.NaN })).toBe(false);
    expect(check(Object.assign(Object.create(null), record))).toBe(false);
    expect(check({ sealed: 's', obtainedAt: 1, expiresAt: null, expirySource: 'none' })).toBe(false);
  });

  it('checks a string’s bounds and patterns as zod does, a global pattern tested from its start each time', () => {
    const strings: [string, z.ZodType][] = [
      ['bounded', z.string().min(2).max(5)],
      ['exact length', z.string().length(3)],
      ['an instant', z.string().datetime()],
      ['a global pattern', z.string().regex(/a+/g)],
      ['a bounded pattern', z.string().regex(/^[a-z]+$/).max(4)],
    ];
    for (const [name, schema] of strings) {
      const check = exactCheck(schema)!;
      fc.assert(
        fc.property(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('aa', 'aaa', 'ba', '2026-11-30T12:00:00.000Z', '2026-02-30T12:00:00Z', 'abcd')), (value) => {
          expect(check(value), `${name}: ${JSON.stringify(value)}`).toBe(schema.safeParse(value).success);
        }),
        { numRuns: 500 },
      );
    }
    // One global pattern tested over and over: lastIndex must not carry over from the last test.
    const global = exactCheck(z.string().regex(/a/g))!;
    expect([global('a'), global('a'), global('a')]).toEqual([true, true, true]);
  });

  it('leaves to zod an object with a field named like a member of every object, which zod reads from the prototype', () => {
    for (const name of ['constructor', 'valueOf', 'toString', '__proto__']) {
      const schema = z.object({ [name]: z.unknown().optional(), name: z.string() });
      expect(exactCheck(schema), name).toBeNull();
      expect(Object.hasOwn(exactParse(schema, { name: 'x', secret: 's' }).data ?? {}, 'secret')).toBe(false);
    }
    const valueOf = z.object({ valueOf: z.string().optional() });
    expect(exactParse(valueOf, {}).success).toBe(valueOf.safeParse({}).success);
  });

  it('never takes a value holding a key the schema does not name, however it hides it', () => {
    const schema = z.object({ a: z.string(), b: z.string().optional() });
    // A field that is not enumerable, beside an extra key: counted, the two would balance.
    const hidden = { secret: 'S' };
    Object.defineProperty(hidden, 'a', { value: 'x', enumerable: false });
    expect(exactCheck(schema)!(hidden)).toBe(false);
    expect(JSON.stringify(exactParse(schema, hidden).data ?? {})).not.toContain('S');
    // An optional field present but undefined, beside an extra key.
    expect(exactCheck(schema)!({ a: 'x', b: undefined, secret: 'S' })).toBe(false);
    // An array with a hole and an extra property: counted, the two would balance.
    const list = z.array(z.object({ a: z.string() }));
    const holed: unknown[] & { secret?: string } = [, { a: 'x' }];
    holed.secret = 'S';
    expect(exactCheck(list)!(holed)).toBe(false);
    expect(exactParse(list, holed).success).toBe(false);
    // A required field that is not enumerable, beside an optional one that is but holds nothing:
    // counted, the two would balance, and the field would be left out of what is sent.
    const unlisted = { b: undefined };
    Object.defineProperty(unlisted, 'a', { value: 'x', enumerable: false });
    expect(exactCheck(schema)!(unlisted)).toBe(false);
    expect(exactParse(schema, unlisted)).toStrictEqual(schema.safeParse(unlisted));
    // A key added to every object, another, or one named like a field.
    for (const added of ['polluted', 'a']) {
      Object.defineProperty(Object.prototype, added, { value: 'P', enumerable: true, configurable: true, writable: true });
      try {
        // Listed on a value holding only its fields: a key not its own.
        if (added === 'polluted') expect(exactCheck(schema)!({ a: 'x' })).toBe(false);
        // Only inherited, a field is not the value's own: what is sent would lack it.
        expect(exactParse(schema, {}), added).toStrictEqual(schema.safeParse({}));
      } finally {
        delete (Object.prototype as Record<string, unknown>)[added];
      }
    }
    expect(exactCheck(schema)!({ a: 'x' })).toBe(true);
  });

  it('checks formats that are schemas of their own, and exactOptional, as zod does', () => {
    const cases: [z.ZodType, unknown[]][] = [
      [z.uuid(), ['not-a-uuid', '6a830b7d-29d7-4aec-b22b-3b20efabf2d5']],
      [z.int(), [1.5, 2]],
      [z.iso.datetime(), ['yesterday', '2026-11-30T12:00:00.000Z']],
      [z.object({ a: z.string().exactOptional() }), [{ a: undefined }, {}, { a: 'x' }]],
    ];
    for (const [schema, values] of cases) for (const value of values) expect(exactParse(schema, value).success, JSON.stringify(value) ?? 'undefined').toBe(schema.safeParse(value).success);
  });

  it('counts a string’s length in code points, as zod does', () => {
    const strings: z.ZodType[] = [z.string().min(2), z.string().length(2), z.string().max(1)];
    for (const schema of strings) {
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 3 }), fc.constantFrom('😀', '😀😀', 'a😀', '\uD800', '\uD800\uD800')), (value) => {
          expect(exactParse(schema, value).success, JSON.stringify(value)).toBe(schema.safeParse(value).success);
        }),
        { numRuns: 300 },
      );
    }
  });

  it('sends zod an object whose own field is undefined, or that lacks a required one', () => {
    const schema = z.object({ name: z.string(), note: z.string().optional() });
    const check = exactCheck(schema)!;
    expect(check({ name: 'x', note: 'n' })).toBe(true);
    expect(check({ name: 'x' })).toBe(true);
    expect(exactParse(schema, { name: 'x', note: undefined })).toStrictEqual(schema.safeParse({ name: 'x', note: undefined }));
    expect(check({ note: 'n' })).toBe(false);
    expect(check({ name: undefined, note: 'n' })).toBe(false);
  });
});
