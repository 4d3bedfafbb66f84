import type { z } from 'zod';

/** Whether zod would hand back `value` itself, unchanged: same keys, same values. */
type Exact = (value: unknown) => boolean;

/**
 * zod's result for `value`, without zod's copy of it when it already is exactly what the schema
 * returns: every object plain, with only the keys the schema names (or its catchall takes), every
 * value of the type it names. That is the common case for what Keymint reads back from its own
 * files, and zod's copy of a thousand providers and token records (each object rebuilt, key by
 * key) was a third of an unlock's time and half its memory. Anything else (an unknown key zod
 * would strip, a default it would fill, a union, a refinement) goes to zod, which says what is
 * wrong, or copies and strips. The router checks its outputs here too (a list of a thousand
 * views, each copied by zod, was a third of an unlock's list): what passes holds only what the
 * contract names, and anything else still gets zod's stripped copy.
 * For values JSON.parse or object literals made: a getter is read once here (zod's copy held
 * what it returned; the value itself may return something else later), a Proxy or a built-in
 * object given Object.prototype (whose internal contents structured clone copies) is not told
 * from a plain object, and symbol keys are not looked for (neither JSON nor structured clone
 * copies them, nor non-enumerable ones). No other key the schema does not name passes, however
 * it is hidden: among fields that are not enumerable, in an array's holes, on Object.prototype.
 * exact-parse.test.ts checks that whatever passes here, zod returns unchanged, and tries each.
 */
export function exactParse<S extends z.ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.output<S>> {
  const exact = checkOf(schema);
  if (exact) notePrototype();
  return exact?.(value) ? { success: true, data: value as z.output<S> } : schema.safeParse(value);
}

/** The check for `schema`, or null when some part of it may change what it returns. */
export function exactCheck(schema: z.ZodType): Exact | null {
  const exact = checkOf(schema);
  return (
    exact &&
    ((value) => {
      notePrototype();
      return exact(value);
    })
  );
}

/**
 * Whether Object.prototype lists no key, as it ships: a key added to it (enumerable) is listed
 * by for-in on every object, and may carry a field's name. Looked at once per check, not per object.
 */
let prototypeLists = false;
function notePrototype(): void {
  prototypeLists = false;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- only whether there is one
  for (const _key in Object.prototype) prototypeLists = true;
}

const compiled = new WeakMap<z.ZodType, Exact | null>();

function checkOf(schema: z.ZodType): Exact | null {
  let exact = compiled.get(schema);
  if (exact === undefined) {
    exact = compile(schema);
    compiled.set(schema, exact);
  }
  return exact;
}

/** The parts of a zod definition read here (zod 4's `schema.def`). */
interface Def {
  type: string;
  checks?: readonly { _zod: { def: { check: string; minimum?: number; maximum?: number; length?: number; format?: string; pattern?: unknown } } }[];
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;
/** What zod says a schema is (its class and those it extends), e.g. `$ZodCheck` for a format that checks itself. */
const is = (schema: z.ZodType, trait: string) => (schema as unknown as { _zod: { traits: ReadonlySet<string> } })._zod.traits.has(trait);

function compile(schema: z.ZodType): Exact | null {
  const def = defOf(schema);
  // A format schema of its own (z.uuid(), z.int(), z.iso.datetime()) is its own first check.
  const selfChecked = (def.type === 'string' || def.type === 'number') && is(schema, '$ZodCheck');
  const checks: NonNullable<Def['checks']> = selfChecked ? [schema as unknown as NonNullable<Def['checks']>[number], ...(def.checks ?? [])] : (def.checks ?? []);
  const checked = checks.length > 0;
  // A refinement on anything but a string, a number or an array's length: zod decides.
  if (checked && def.type !== 'string' && def.type !== 'number' && def.type !== 'array') return null;
  switch (def.type) {
    case 'string':
      return checked ? (stringChecks(checks) ?? leaf(schema)) : (value) => typeof value === 'string';
    case 'number':
      return checked ? leaf(schema) : (value) => typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'null':
      return (value) => value === null;
    case 'unknown':
    case 'any':
      return () => true;
    case 'custom':
      return leaf(schema);
    case 'literal':
    case 'enum': {
      // What zod itself accepts (a numeric enum's entries also map names back, which it refuses).
      const allowed = (schema as unknown as { _zod: { values?: ReadonlySet<unknown> } })._zod.values;
      return allowed ? (value) => allowed.has(value) : null;
    }
    case 'nullable': {
      const inner = def.innerType && checkOf(def.innerType);
      return inner ? (value) => value === null || inner(value) : null;
    }
    case 'optional': {
      // exactOptional refuses a field that is present but undefined, which optional takes.
      if (is(schema, '$ZodExactOptional')) return null;
      const inner = def.innerType && checkOf(def.innerType);
      return inner ? (value) => value === undefined || inner(value) : null;
    }
    case 'array':
      return def.element ? array(def.element, checks) : null;
    case 'object':
      return def.shape ? object(def.shape, def.catchall) : null;
    case 'record':
      return def.keyType && def.valueType ? record(def.keyType, def.valueType) : null;
    default:
      // Defaults, transforms, pipes, unions…: zod decides.
      return null;
  }
}

/** A string or number with checks (a format, a length, a bound): zod's own verdict, as long as it changes nothing (`trim` would). */
function leaf(schema: z.ZodType): Exact {
  return (value) => {
    const parsed = schema.safeParse(value);
    return parsed.success && Object.is(parsed.data, value);
  };
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** The string formats whose only check in zod is their pattern (others, such as a URL, check more). */
const PATTERN_ONLY = new Set(['datetime', 'regex']);

/**
 * A string's checks run here, when each is a length bound or a pattern-only format: the same
 * tests zod runs, without zod's parse around each (an unlock's list checks thousands of instants).
 * Anything else (a trim, a URL, a refinement): null, and zod decides.
 */
function stringChecks(checks: NonNullable<Def['checks']>): Exact | null {
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  const patterns: RegExp[] = [];
  for (const { _zod } of checks) {
    const { check, minimum, maximum, length, format, pattern } = _zod.def;
    if (check === 'min_length' && minimum !== undefined) min = Math.max(min, minimum);
    else if (check === 'max_length' && maximum !== undefined) max = Math.min(max, maximum);
    else if (check === 'length_equals' && length !== undefined) [min, max] = [Math.max(min, length), Math.min(max, length)];
    else if (check === 'string_format' && format !== undefined && PATTERN_ONLY.has(format) && pattern instanceof RegExp) patterns.push(pattern);
    else return null;
  }
  const bounded = min > 0 || max !== Number.POSITIVE_INFINITY;
  return (value) => {
    if (typeof value !== 'string' || value.length < min || value.length > max) return false;
    // zod counts code points, not UTF-16 units: a string holding a pair of surrogates goes to it.
    if (bounded && HIGH_SURROGATE.test(value)) return false;
    for (const pattern of patterns) {
      // As zod does: a global or sticky pattern would otherwise test from where the last test ended.
      pattern.lastIndex = 0;
      if (!pattern.test(value)) return false;
    }
    return true;
  };
}

/** As JSON.parse and object literals make them: zod returns a plain copy of any other kind. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function array(element: z.ZodType, checks: NonNullable<Def['checks']>): Exact | null {
  const each = checkOf(element);
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  for (const { _zod } of checks) {
    const { check, minimum, maximum, length } = _zod.def;
    if (check === 'min_length' && minimum !== undefined) min = Math.max(min, minimum);
    else if (check === 'max_length' && maximum !== undefined) max = Math.min(max, maximum);
    else if (check === 'length_equals' && length !== undefined) [min, max] = [Math.max(min, length), Math.min(max, length)];
    else return null;
  }
  if (!each) return null;
  return (value) => {
    if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype || value.length < min || value.length > max) return false;
    // A hole (which zod would read as undefined) or a property besides the items (which zod
    // would not copy, and structured clone would) sends it to zod: every index is its own, and
    // there are no other keys.
    for (let i = 0; i < value.length; i++) if (!Object.hasOwn(value, i) || !each(value[i])) return false;
    return Object.keys(value).length === value.length;
  };
}

function object(shape: Record<string, z.ZodType>, catchall: z.ZodType | undefined): Exact | null {
  const fields: Field[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    // zod reads a field named like a member of every object (`constructor`, `valueOf`,
    // `__proto__`) from the prototype when the value lacks it: zod decides.
    if (key in Object.prototype) return null;
    const check = checkOf(schema);
    if (!check) return null;
    // An optional field may be absent; zod then leaves it out too.
    fields.push({ key, check, required: defOf(schema).type !== 'optional' });
  }
  // No catchall: zod strips unknown keys, so a value holding one is not returned as it is; a
  // strict object (catchall never) refuses them.
  const takesOthers = catchall !== undefined && defOf(catchall).type !== 'never';
  const other = takesOthers ? checkOf(catchall) : undefined;
  if (takesOthers && !other) return null;
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const required = fields.filter((field) => field.required).length;
  // for-in lists no keys into an array. A key that is not the value's own (something added to
  // Object.prototype) or is `__proto__` (which zod drops) sends the value to zod. The fields
  // are a Map: no key (`constructor`…) finds one inherited.
  const everyKey = (value: Record<string, unknown>): boolean => {
    let present = 0;
    for (const key in value) {
      if (!Object.hasOwn(value, key) || key === '__proto__') return false;
      const field = byKey.get(key);
      if (field === undefined) {
        if (!other?.(value[key])) return false;
      } else {
        if (!field.check(value[key])) return false;
        if (field.required) present++;
      }
    }
    return present === required;
  };
  const byName = fields.length > 0 ? compileFields(fields) : undefined;
  return (value) => {
    if (!isPlainObject(value)) return false;
    const verdict = byName && !prototypeLists ? byName(value) : UNDECIDED;
    if (verdict !== UNDECIDED) return verdict === EXACT;
    // A key besides the fields (which a catchall may take), a field that is not enumerable, no
    // compiled check, or keys added to Object.prototype: every key is looked at one by one.
    return everyKey(value);
  };
}

interface Field {
  key: string;
  check: Exact;
  required: boolean;
}

const EXACT = 1;
const NOT_EXACT = 0;
const UNDECIDED = -1;
/** EXACT, NOT_EXACT (a field fails its check or a required one is missing), or UNDECIDED. */
type FieldsCheck = (value: Record<string, unknown>) => typeof EXACT | typeof NOT_EXACT | typeof UNDECIDED;

/**
 * The fields' checks as one function that reads each field by its name, which V8 turns into a
 * load from the place every object of that shape keeps it (a thousand views share one shape),
 * where a loop over the keys pays a lookup for each. zod compiles its objects the same way.
 * Each field is read and checked. Then every key for-in lists must be one of the fields (a
 * switch on their names), and the fields listed with a value as many as were read with one: so
 * every property JSON or structured clone would copy is a field that passed its check, and
 * every field read is one of them. A plain object inherits only from Object.prototype, which
 * holds none of these names (object() leaves those to zod) and, when this runs, lists no key
 * (else every key is looked at one by one), so a read that finds a field finds the value's own. The code is made from the schema's own field
 * names, written as JSON strings, never from a value. Where strings may not become code
 * (node's --disallow-code-generation-from-strings): undefined, and every value is looked at key
 * by key.
 */
function compileFields(fields: readonly Field[]): FieldsCheck | undefined {
  const reads = fields.map(({ key, required }, i) => {
    const name = JSON.stringify(key);
    return `{ const field = value[${name}]; if (field !== undefined) { if (!checks[${i}](field)) return ${NOT_EXACT}; read++; }${required ? ` else return ${NOT_EXACT};` : ''} }`;
  });
  // A listed field counts when it holds a value, as a read does: so the two counts are equal
  // only when every field that was read is listed.
  const cases = fields.map(({ key }) => `case ${JSON.stringify(key)}: if (value[${JSON.stringify(key)}] !== undefined) keys++; break;`).join(' ');
  const body = `'use strict'; return (value) => { let read = 0; ${reads.join(' ')} let keys = 0; for (const key in value) { switch (key) { ${cases} default: return ${UNDECIDED}; } } return keys === read ? ${EXACT} : ${UNDECIDED}; };`;
  try {
    return (new Function('checks', body) as (checks: readonly Exact[]) => FieldsCheck)(fields.map((field) => field.check));
  } catch {
    return undefined;
  }
}

function record(keyType: z.ZodType, valueType: z.ZodType): Exact | null {
  const key = checkOf(keyType);
  const each = checkOf(valueType);
  if (!key || !each || defOf(keyType).type !== 'string') return null;
  return (value) => {
    if (!isPlainObject(value)) return false;
    for (const name in value) if (!Object.hasOwn(value, name) || name === '__proto__' || !key(name) || !each(value[name])) return false;
    return true;
  };
}
