import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { stringMapSchema } from './string-map-schema';

const record = z.record(z.string(), z.string());
const map = stringMapSchema(z.string());

/** The outcome as something comparable: the data with its prototype, or the issues' paths. */
function outcome(result: z.ZodSafeParseResult<unknown>) {
  return result.success ? { data: result.data, plain: Object.getPrototypeOf(result.data) === Object.prototype } : { failedAt: result.error.issues.map((i) => i.path) };
}

/** What a JSON file or a core result could hold where a map of strings is expected. */
const CASES: unknown[] = [
  {},
  { a: '1', b: '' },
  { a: 1 },
  { a: '1', b: null, c: ['x'] },
  { nested: { a: '1' } },
  JSON.parse('{"a":"1","__proto__":"x","constructor":"y","toString":"z"}'),
  JSON.parse('{"__proto__":{"polluted":"yes"}}'),
  JSON.parse('{"__proto__":1,"b":"2"}'),
  Object.assign(Object.create(null), { a: '1' }),
  { '': 'empty key', ' ': 'space', '0': 'digit', 'é': 'accent' },
  [],
  ['a'],
  null,
  undefined,
  'text',
  42,
  true,
];

describe('stringMapSchema', () => {
  it('accepts and rejects exactly what z.record(z.string(), …) does, with the same result', () => {
    for (const value of CASES) expect(outcome(map.safeParse(value)), JSON.stringify(value)).toEqual(outcome(record.safeParse(value)));
  });

  it('never lets a file set a prototype, and keeps keys named like built-ins as plain data', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": "c", "toString": "t"}');
    const result = map.parse(hostile);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(result).toEqual({ constructor: 'c', toString: 't' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects arrays, null and values of the wrong type, naming the key', () => {
    expect(map.safeParse(['a']).success).toBe(false);
    expect(map.safeParse(null).success).toBe(false);
    const wrong = map.safeParse({ fine: 'x', bad: 1 });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.path).toEqual(['bad']);
  });
});
