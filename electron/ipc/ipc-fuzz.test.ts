import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTogaiEmulator, type TogaiEmulator } from '../../e2e/emulators';
import { CHANNEL_NAMES } from '../../shared/ipc/contract';
import { openHarness, type Harness } from '../test-support/keymint-harness';
import { malformedPayloads, POLLUTION_KEYS } from '../test-support/malformed-payloads';

/** Spread over the channels so the whole run stays above 10,000 payloads and within a few seconds. */
const TOTAL_RUNS = 11_400;
const RUNS_PER_CHANNEL = Math.ceil(TOTAL_RUNS / CHANNEL_NAMES.length);
const API_KEY = 'tg_fuzz_k3yThatStaysPut';

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype };
type Snapshot = Map<string, PropertyDescriptor>;

/** Every own property of the built-in prototypes, symbols included, with its descriptor: any pollution changes one. */
function prototypeSnapshot(): Snapshot {
  const snapshot: Snapshot = new Map();
  for (const [name, prototype] of Object.entries(PROTOTYPES)) {
    for (const key of Reflect.ownKeys(prototype)) snapshot.set(`${name}.prototype.${String(key)}`, Object.getOwnPropertyDescriptor(prototype, key)!);
  }
  return snapshot;
}

/** Properties added, removed or changed; compared by identity, as a swapped function must count. */
function changedProperties(before: Snapshot, after: Snapshot): string[] {
  const fields = ['value', 'get', 'set', 'writable', 'enumerable', 'configurable'] as const;
  return [...new Set([...before.keys(), ...after.keys()])].filter((key) => {
    const was = before.get(key);
    const now = after.get(key);
    return !was || !now || fields.some((field) => !Object.is(was[field], now[field]));
  });
}

describe('IPC fuzzing: malformed payloads on every channel', () => {
  let app: Harness;
  let togai: TogaiEmulator;
  let providerId: string;
  let dataFileBefore: Buffer;
  let keychainBefore: Buffer;
  const prototypesBefore = prototypeSnapshot();
  const refused = new Map<string, number>();

  // The real composition on real files, with a provider and a live token already stored.
  beforeAll(async () => {
    togai = await startTogaiEmulator({ apiKey: API_KEY });
    app = openHarness();
    await app.value('vault:setup', { method: 'keychain' });
    ({ id: providerId } = await app.value<{ id: string }>('providers:create', { presetId: 'togai', name: 'Billing', baseUrl: togai.url, values: { apiKey: API_KEY } }));
    await app.value('tokens:generate', { id: providerId });
    dataFileBefore = readFileSync(app.dataFile);
    keychainBefore = readFileSync(join(app.dir, 'keychain.key'));
  });
  afterAll(async () => {
    app.keymint.dispose();
    await togai.close();
  });

  const payloads = () => malformedPayloads({ providerId, baseUrl: togai.url });

  it('has malformed payloads for every channel of the contract, so a new channel cannot go unfuzzed', () => {
    expect(Object.keys(payloads()).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it.each(CHANNEL_NAMES)('%s refuses each one as invalid input', async (channel) => {
    await fc.assert(
      fc.asyncProperty(payloads()[channel], async (payload) => {
        const result = await app.call(channel, payload);
        expect(result).toMatchObject({ ok: false, code: 'invalid-input' });
        refused.set(channel, (refused.get(channel) ?? 0) + 1);
      }),
      { numRuns: RUNS_PER_CHANNEL },
    );
  });

  it(`refused over ${TOTAL_RUNS.toLocaleString('en')} payloads in all`, () => {
    expect(refused.size).toBe(CHANNEL_NAMES.length);
    expect([...refused.values()].reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(10_000);
  });

  it('left no built-in prototype polluted', () => {
    expect(changedProperties(prototypesBefore, prototypeSnapshot())).toEqual([]);
    for (const key of POLLUTION_KEYS) expect(key in {}, key).toBe(false);
  });

  it('left the data file and the keychain byte-for-byte as they were, and saved nothing', () => {
    expect(readFileSync(app.dataFile).equals(dataFileBefore)).toBe(true);
    expect(readFileSync(join(app.dir, 'keychain.key')).equals(keychainBefore)).toBe(true);
    expect(existsSync(join(app.dir, 'saved'))).toBe(false);
  });

  it('still serves the provider and copies its token afterwards', async () => {
    expect(await app.value('vault:status')).toMatchObject({ state: 'unlocked' });
    expect(await app.value('providers:list')).toMatchObject([{ id: providerId, name: 'Billing', status: { state: 'valid' } }]);
    await app.value('tokens:copy', { id: providerId });
    expect(app.clipboard.text).toMatch(/^Authorization: Bearer \S+$/);
  });
});
