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
 * wrong. For values JSON.parse made: they hold no accessors, symbols or hidden properties, which
 * this does not look for. The router keeps zod's own parse: its outputs are built by code, and
 * a copy is the guarantee that nothing the contract does not name leaves main.
 * exact-parse.test.ts checks that whatever passes here, zod returns unchanged.
 */
export function exactParse<S extends z.ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.output<S>> {
  const exact = exactCheck(schema);
  return exact?.(value) ? { success: true, data: value as z.output<S> } : schema.safeParse(value);
}

const compiled = new WeakMap<z.ZodType, Exact | null>();

/** The check for `schema`, or null when some part of it may change what it returns. */
export function exactCheck(schema: z.ZodType): Exact | null {
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
  checks?: readonly { _zod: { def: { check: string; minimum?: number; maximum?: number; length?: number } } }[];
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;

function compile(schema: z.ZodType): Exact | null {
  const def = defOf(schema);
  const checked = (def.checks?.length ?? 0) > 0;
  // A refinement on anything but a string, a number or an array's length: zod decides.
  if (checked && def.type !== 'string' && def.type !== 'number' && def.type !== 'array') return null;
  switch (def.type) {
    case 'string':
      return checked ? leaf(schema) : (value) => typeof value === 'string';
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
      const inner = def.innerType && exactCheck(def.innerType);
      return inner ? (value) => value === null || inner(value) : null;
    }
    case 'optional': {
      const inner = def.innerType && exactCheck(def.innerType);
      return inner ? (value) => value === undefined || inner(value) : null;
    }
    case 'array':
      return def.element ? array(def.element, def.checks ?? []) : null;
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

/** As JSON.parse and object literals make them: zod returns a plain copy of any other kind. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function array(element: z.ZodType, checks: NonNullable<Def['checks']>): Exact | null {
  const each = exactCheck(element);
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
    // Its keys are the indices there are and any other property: a hole (which zod would fill in
    // as undefined) or a property besides the items (which zod would not copy) sends it to zod.
    return Object.keys(value).length === value.length && value.every((item) => each(item));
  };
}

function object(shape: Record<string, z.ZodType>, catchall: z.ZodType | undefined): Exact | null {
  const fields = new Map<string, { check: Exact; required: boolean }>();
  let required = 0;
  for (const [key, schema] of Object.entries(shape)) {
    const check = exactCheck(schema);
    if (!check) return null;
    // An optional field may be absent; zod then leaves it out too.
    const isRequired = defOf(schema).type !== 'optional';
    fields.set(key, { check, required: isRequired });
    if (isRequired) required++;
  }
  // No catchall: zod strips unknown keys, so a value holding one is not returned as it is; a
  // strict object (catchall never) refuses them.
  const other = catchall && defOf(catchall).type !== 'never' ? exactCheck(catchall) : () => false;
  if (!other) return null;
  return (value) => {
    if (!isPlainObject(value)) return false;
    let present = 0;
    // for-in lists no keys into an array. A key that is not the value's own (something added to
    // Object.prototype) or is `__proto__` (which zod drops) sends the value to zod. The fields
    // are a Map: no key (`constructor`…) finds one inherited.
    for (const key in value) {
      if (!Object.hasOwn(value, key) || key === '__proto__') return false;
      const field = fields.get(key);
      if (field === undefined) {
        if (!other(value[key])) return false;
      } else {
        if (!field.check(value[key])) return false;
        if (field.required) present++;
      }
    }
    return present === required;
  };
}

function record(keyType: z.ZodType, valueType: z.ZodType): Exact | null {
  const key = exactCheck(keyType);
  const each = exactCheck(valueType);
  if (!key || !each || defOf(keyType).type !== 'string') return null;
  return (value) => {
    if (!isPlainObject(value)) return false;
    for (const name in value) if (!Object.hasOwn(value, name) || name === '__proto__' || !key(name) || !each(value[name])) return false;
    return true;
  };
}
