import type { StoredProvider } from './keymint-document';
import type { StoredToken } from './token-cache';

/**
 * Hand checks for the two records an unlock reads a thousand of: a stored provider and a token
 * record, exactly as Keymint writes them. Their zod schemas stay the definition; these only
 * let the common case through without zod's copy of every object, which was a third of the
 * time and half the memory of unlocking 1,000 providers. Anything else (a key the schema does
 * not name, `__proto__`, a wrong type) fails here and goes through the schema, which reports
 * it or strips what it does not know. `exact-records.test.ts` checks that whatever passes
 * here passes the schema unchanged.
 */

type Check = (value: unknown) => boolean;

const string: Check = (value) => typeof value === 'string';
const finite: Check = (value) => typeof value === 'number' && Number.isFinite(value);
const boolean: Check = (value) => typeof value === 'boolean';
const nullable = (check: Check): Check => (value) => value === null || check(value);

/** An object as JSON.parse makes it (zod would hand back a plain copy of any other). */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** A record's fields: each key's check, and whether it must be there. */
type Fields = ReadonlyMap<string, { check: Check; required: boolean }>;

function fields(required: Readonly<Record<string, Check>>, optional: Readonly<Record<string, Check>> = {}): Fields {
  const known = new Map<string, { check: Check; required: boolean }>();
  for (const [key, check] of Object.entries(required)) known.set(key, { check, required: true });
  for (const [key, check] of Object.entries(optional)) known.set(key, { check, required: false });
  return known;
}

/** Every own key is one of `fields` and passes its check; every required field is present. */
function exact(value: unknown, known: Fields, requiredCount: number): boolean {
  if (!isObject(value)) return false;
  let required = 0;
  // for-in allocates no list of keys (a key that is not the object's own sends the record to the
  // schema); the fields are a Map, so no key (`constructor`, an own `__proto__`) finds one inherited.
  for (const key in value) {
    const field = known.get(key);
    if (field === undefined || !Object.hasOwn(value, key) || !field.check(value[key])) return false;
    if (field.required) required++;
  }
  return required === requiredCount;
}

/** A map of strings, as `stringMapSchema(z.string())` keeps it: no `__proto__` key (which zod drops). */
function stringMap(value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const key in value) if (key === '__proto__' || !Object.hasOwn(value, key) || typeof value[key] !== 'string') return false;
  return true;
}

const settingsFields = fields({}, { timeoutSeconds: finite, lifetimeSeconds: finite });

const providerFields = fields(
  {
    id: string,
    name: string,
    presetId: string,
    baseUrl: string,
    recipe: nullable(string),
    values: stringMap,
    secrets: stringMap,
    settings: (value) => exact(value, settingsFields, 0),
    createdAt: finite,
  },
  { autoRenew: boolean, requestDigest: string },
);

const tokenFields = fields(
  { sealed: string, obtainedAt: finite, expiresAt: nullable(finite), expirySource: string, requestDigest: string },
  { scopeNote: string },
);

const count = (known: Fields) => [...known.values()].filter((field) => field.required).length;
const providerRequired = count(providerFields);
const tokenRequired = count(tokenFields);

export function isExactStoredProvider(value: unknown): value is StoredProvider {
  return exact(value, providerFields, providerRequired);
}

export function isExactStoredToken(value: unknown): value is StoredToken {
  return exact(value, tokenFields, tokenRequired);
}
