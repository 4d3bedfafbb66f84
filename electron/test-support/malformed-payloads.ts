import fc from 'fast-check';
import type { ChannelName } from '../../shared/ipc/contract';
import { PRESET_IDS } from '../../shared/recipes/presets';

/**
 * TESTS ONLY. Payloads every channel of the contract must refuse, built so that each one is
 * invalid by construction: a valid payload with one field made wrong (wrong type, too long, out
 * of range, missing, a hostile record key), or no object at all. They also carry what a
 * compromised page would try: `__proto__`/`constructor`/`prototype` keys holding pollution,
 * null-prototype objects, huge strings and deep nesting.
 */

/** What a page would put in `__proto__` & co. to pollute Object.prototype if main ever merged it. */
const POLLUTION_JSON = '{"polluted":"yes","isAdmin":true,"prototype":{"polluted":"yes"}}';
export const POLLUTION_KEYS = ['polluted', 'isAdmin'];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

/** An own property whatever the name: plain assignment of `__proto__` would set the prototype instead. */
function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function pollution(): object {
  return JSON.parse(`{"__proto__":${POLLUTION_JSON},"constructor":{"prototype":${POLLUTION_JSON}},"prototype":${POLLUTION_JSON}}`) as object;
}

function withoutPrototype(source: object): object {
  const bare = Object.create(null) as object;
  for (const key of Object.keys(source)) defineOwn(bare, key, (source as Record<string, unknown>)[key]);
  return bare;
}

const longStrings = new Map<number, string>();
/** One string per length, reused: building a 50 MB string for every run would only measure the allocator. */
function longString(length: number): string {
  let text = longStrings.get(length);
  if (text === undefined) longStrings.set(length, (text = 'x'.repeat(length)));
  return text;
}

const deepNesting = fc.record({ depth: fc.integer({ min: 100, max: 5000 }), shape: fc.constantFrom('array', 'object', 'bare') }).map(({ depth, shape }) => {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level++) {
    if (shape === 'array') value = [value];
    else if (shape === 'object') value = { nested: value };
    else value = withoutPrototype({ nested: value });
  }
  return value;
});

/** Every kind of value a page can send, except `undefined` (which means "left out"). */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -0, -1, 1.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, ''),
  fc.bigInt(),
  fc.string({ maxLength: 40 }),
  fc.constant(longString(1_000_000)),
  fc.date({ noInvalidDate: false }),
  fc.constant(null).map(pollution),
  fc.constant(null).map(() => withoutPrototype(pollution())),
  deepNesting,
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.anything({
    maxDepth: 3,
    key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 10 })),
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withBoxedValues: true,
  }),
).filter((value) => value !== undefined);

const isObjectLike = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Never an object zod could read as a record or an object of optional fields; arrays stand in for objects. */
const notObject = junk.filter((value) => !isObjectLike(value));
const notString = junk.filter((value) => typeof value !== 'string');

/** Says "delete this field": a required field left out. */
const MISSING = Symbol('missing');
const missing = fc.constant(MISSING);

function wrongString(max: number, options: { min?: number } = {}): fc.Arbitrary<unknown> {
  const tooShort = options.min ? [fc.string({ maxLength: options.min - 1 })] : [];
  return fc.oneof(notString, fc.constant(longString(max + 1)), ...tooShort);
}

function wrongChoice(choices: readonly string[]): fc.Arbitrary<unknown> {
  const wrongName = fc.oneof(fc.constantFrom(...HOSTILE_KEYS, '', ' keychain', 'PASSPHRASE'), fc.string({ maxLength: 20 }));
  return fc.oneof(notString, wrongName.filter((name) => !choices.includes(name)));
}

function wrongInteger(min: number, max: number, options: { nullable?: boolean } = {}): fc.Arbitrary<unknown> {
  return fc.oneof(
    junk.filter((value) => typeof value !== 'number' && !(options.nullable && value === null)),
    fc.constantFrom(min - 1, max + 1, min + 0.5, NaN, Infinity, -Infinity, `${min}`),
  );
}

const FIELD_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;
/**
 * Provider field values: no object at all, a key the rule refuses, or a value that is not a short
 * string; maybe with a `__proto__` key too. Never that key alone: zod drops a record's own
 * `__proto__` without complaint (so it cannot pollute), leaving an otherwise valid payload.
 */
const wrongValues = fc.oneof(
  notObject,
  fc
    .record({
      key: fc.oneof(
        fc.constantFrom('', '1st', 'a-b', 'a b', '_hidden', '__defineGetter__'),
        fc.string({ maxLength: 12 }).filter((key) => !FIELD_KEY.test(key) && key !== '__proto__'),
      ),
      value: fc.string({ maxLength: 10 }),
      withProto: fc.boolean(),
    }),
  fc.record({
    key: fc.constantFrom(...HOSTILE_KEYS.filter((key) => FIELD_KEY.test(key)), 'apiKey'),
    value: fc.oneof(notString, fc.constant(longString(20_001))),
    withProto: fc.boolean(),
  }),
).map((wrong) => {
  if (!isObjectLike(wrong) || !('withProto' in (wrong as object))) return wrong;
  const { key, value, withProto } = wrong as { key: string; value: unknown; withProto: boolean };
  const values = { apiKey: 'fine' };
  defineOwn(values, key, value);
  if (withProto) defineOwn(values, '__proto__', JSON.parse(POLLUTION_JSON));
  return values;
});

const wrongSettings = fc.oneof(
  notObject,
  wrongInteger(1, 120).map((timeoutSeconds) => ({ timeoutSeconds })),
  wrongInteger(1, 366 * 24 * 3600).map((lifetimeSeconds) => ({ lifetimeSeconds })),
);

interface ChannelFuzz {
  /** A payload the channel would accept. */
  valid: () => Record<string, unknown>;
  /** For each field, values that make the payload invalid. */
  wrong: Record<string, fc.Arbitrary<unknown>>;
}

const newPassphrase = fc.oneof(wrongString(1024, { min: 8 }), missing);
const currentPassphrase = wrongString(1024, { min: 1 });

/** Channels that take no input: anything at all is wrong. */
const NO_INPUT = null;

function channelFuzz(ids: { providerId: string; baseUrl: string }): Record<ChannelName, ChannelFuzz | typeof NO_INPUT> {
  const providerId: ChannelFuzz = { valid: () => ({ id: ids.providerId }), wrong: { id: fc.oneof(wrongString(100, { min: 1 }), missing) } };
  const provider = {
    name: wrongString(100, { min: 1 }),
    baseUrl: wrongString(2000),
    values: wrongValues,
    recipe: wrongString(100_000),
    settings: wrongSettings,
  };
  return {
    'providers:list': NO_INPUT,
    'providers:create': {
      valid: () => ({ presetId: 'togai', name: 'Fuzzed', baseUrl: ids.baseUrl, values: { apiKey: 'fuzzed-key' } }),
      wrong: { ...provider, presetId: fc.oneof(wrongChoice(PRESET_IDS), missing), name: fc.oneof(provider.name, missing), values: fc.oneof(wrongValues, missing) },
    },
    'providers:update': {
      valid: () => ({ id: ids.providerId, name: 'Renamed' }),
      wrong: { ...provider, id: fc.oneof(notString, fc.constant(''), missing) },
    },
    'providers:remove': providerId,
    'providers:set-auto-renew': {
      valid: () => ({ id: ids.providerId, enabled: false }),
      wrong: { id: fc.oneof(wrongString(100, { min: 1 }), missing), enabled: fc.oneof(junk.filter((value) => typeof value !== 'boolean'), missing) },
    },
    'settings:get': NO_INPUT,
    'settings:update': {
      valid: () => ({ theme: 'dark' }),
      wrong: {
        theme: wrongChoice(['system', 'light', 'dark']),
        clipboardClearSeconds: wrongInteger(0, 3600),
        notifications: junk.filter((value) => typeof value !== 'boolean' && value !== undefined),
      },
    },
    'tokens:generate': providerId,
    'tokens:copy': providerId,
    'tokens:details': providerId,
    'tokens:test': providerId,
    'recipes:try': {
      valid: () => ({ presetId: 'togai', baseUrl: ids.baseUrl, values: { apiKey: 'fuzzed-key' } }),
      wrong: { presetId: fc.oneof(wrongChoice(PRESET_IDS), missing), baseUrl: provider.baseUrl, values: fc.oneof(wrongValues, missing), recipe: provider.recipe, settings: wrongSettings, id: wrongString(100, { min: 1 }) },
    },
    'vault:status': NO_INPUT,
    'vault:setup': {
      valid: () => ({ method: 'passphrase', passphrase: 'a new passphrase' }),
      wrong: { method: fc.oneof(wrongChoice(['keychain', 'passphrase']), missing), passphrase: newPassphrase },
    },
    'vault:unlock': {
      valid: () => ({ method: 'passphrase', passphrase: 'any passphrase' }),
      wrong: { method: fc.oneof(wrongChoice(['keychain', 'passphrase']), missing), passphrase: fc.oneof(currentPassphrase, missing) },
    },
    'vault:lock': NO_INPUT,
    'vault:set-passphrase': { valid: () => ({ passphrase: 'a new passphrase' }), wrong: { passphrase: newPassphrase, currentPassphrase } },
    'vault:add-keychain': { valid: () => ({}), wrong: { currentPassphrase } },
    'vault:remove-slot': {
      valid: () => ({ kind: 'passphrase' }),
      wrong: { kind: fc.oneof(wrongChoice(['keychain', 'passphrase']), missing), currentPassphrase },
    },
    'vault:set-auto-lock': { valid: () => ({ minutes: 5 }), wrong: { minutes: fc.oneof(wrongInteger(1, 24 * 60, { nullable: true }), missing) } },
    'vault:set-lock-on-sleep': { valid: () => ({ enabled: true }), wrong: { enabled: fc.oneof(junk.filter((value) => typeof value !== 'boolean'), missing) } },
    'vault:choose-setup': { valid: () => ({ method: 'keychain' }), wrong: { method: fc.oneof(wrongChoice(['keychain', 'passphrase']), missing) } },
    'vault:activity': NO_INPUT,
    'vault:start-fresh': NO_INPUT,
    'backup:export': { valid: () => ({ passphrase: 'a backup passphrase' }), wrong: { passphrase: newPassphrase, currentPassphrase } },
    'backup:import': {
      valid: () => ({ content: '{}', passphrase: 'backup passphrase' }),
      wrong: { content: fc.oneof(wrongString(50_000_000), missing), passphrase: fc.oneof(currentPassphrase, missing) },
    },
    'recipes:export': NO_INPUT,
    'recipes:import': { valid: () => ({ content: '[]' }), wrong: { content: fc.oneof(wrongString(10_000_000), missing) } },
  };
}

/** A valid payload with one field made wrong, maybe hostile keys added, maybe without a prototype. */
function corrupted(spec: ChannelFuzz): fc.Arbitrary<unknown> {
  const oneWrongField = fc.oneof(...Object.entries(spec.wrong).map(([field, wrong]) => wrong.map((value) => ({ field, value }))));
  return fc
    .record({ wrong: oneWrongField, hostileKeys: fc.subarray(['__proto__', 'constructor', 'prototype']), bare: fc.boolean() })
    .map(({ wrong, hostileKeys, bare }) => {
      const payload = spec.valid();
      if (wrong.value === MISSING) delete payload[wrong.field];
      else defineOwn(payload, wrong.field, wrong.value);
      for (const key of hostileKeys) defineOwn(payload, key, JSON.parse(POLLUTION_JSON));
      return bare ? withoutPrototype(payload) : payload;
    });
}

/** For each channel of the contract, payloads it must refuse as invalid input. */
export function malformedPayloads(ids: { providerId: string; baseUrl: string }): Record<ChannelName, fc.Arbitrary<unknown>> {
  const specs = channelFuzz(ids);
  return Object.fromEntries(
    Object.entries(specs).map(([channel, spec]) => [channel, spec === NO_INPUT ? junk : fc.oneof(corrupted(spec), notObject)]),
  ) as Record<ChannelName, fc.Arbitrary<unknown>>;
}
