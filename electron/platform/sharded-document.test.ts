import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { storedProvider } from '../test-support/stored-samples';
import { StoreCorruptError } from './json-file-store';
import type { ShardedDocumentOptions } from './sharded-document';
import { openVaultFolderStore } from './vault-folder-store';

const root = mkdtempSync(join(tmpdir(), 'keymint-shards-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let caseNumber = 0;
const freshDir = () => mkdtempSync(join(root, `case-${(caseNumber += 1)}-`));
const isPosix = process.platform !== 'win32';

type Provider = ReturnType<typeof storedProvider>;
type Doc = { version: number; providers: Provider[]; vault?: unknown; settings?: unknown };

/** About 450 bytes as stored, like a provider with two sealed secrets. */
const provider = (i: number, name = `Provider ${i}`): Provider => ({ ...storedProvider(`provider-${i}`, name), secrets: { apiKey: `v1.${'k'.repeat(200)}.${i}` } });
const documentOf = (count: number, name?: (i: number) => string): Doc => ({
  version: 3,
  providers: Array.from({ length: count }, (_, i) => provider(i, name?.(i))),
  vault: { keychain: { kind: 'keychain', wrapped: 'd3JhcHBlZA==' } },
  settings: { autoLockMinutes: 5 },
});
const renaming = (index: number, name: string) => (latest: unknown): Doc => {
  const doc = latest as Doc;
  return { ...doc, providers: doc.providers.map((p, i) => (i === index ? { ...p, name } : p)) };
};
const renamingAll = (name: string) => (latest: unknown): Doc => {
  const doc = latest as Doc;
  return { ...doc, providers: doc.providers.map((p) => ({ ...p, name })) };
};

/** Sharded from the first provider, replaced files removed at the next write: every file on disk is accounted for. */
const strict: ShardedDocumentOptions = { singleFileUpToBytes: 0, retireGraceMs: 0 };

function open(dir: string, shards: ShardedDocumentOptions = strict) {
  const steps: string[] = [];
  const problems: string[] = [];
  const store = openVaultFolderStore(dir, { shards: { onWriteStep: (step) => steps.push(step), ...shards }, onProblem: (message) => problems.push(message) });
  return Object.assign(store, { steps, problems });
}

const headOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'keymint.json'), 'utf8')) as Record<string, unknown> & { $providers?: { order: string; shards: (string | Provider[] | null)[] } };
const shardFiles = (dir: string) => readdirSync(join(dir, 'keymint.providers')).sort();
const namedShards = (dir: string) => (headOf(dir).$providers?.shards ?? []).filter((entry): entry is string => typeof entry === 'string').sort();
/** The shard each provider is in, by the head's order. */
const shardOfProvider = (dir: string, index: number) => headOf(dir).$providers?.order.charAt(index);
const fileSteps = (steps: readonly string[]) => steps.filter((step) => step.startsWith('shard created ')).map((step) => step.slice('shard created '.length));
/** Every file under `dir` and its bytes: to show nothing was touched. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[join(entry.parentPath, entry.name)] = readFileSync(join(entry.parentPath, entry.name), 'base64');
  }
  return files;
}

describe('sharded vault document', () => {
  it('a change to one provider of 1,000 writes the head, and at most one shard file: its shard stays in the head until another changes', () => {
    const dir = freshDir();
    const store = open(dir, { retireGraceMs: 0 });
    store.update(() => documentOf(1000));
    const total = shardFiles(dir).reduce((sum, name) => sum + statSync(join(dir, 'keymint.providers', name)).size, 0);
    expect(total).toBeGreaterThan(300_000);
    expect(namedShards(dir)).toHaveLength(32);

    // The first change: its shard moves into the head, its file is no longer needed.
    store.steps.length = 0;
    store.update(renaming(500, 'Renamed'));
    expect(store.steps).toEqual(['head temp', 'head', expect.stringMatching(/^retired /), expect.stringMatching(/^swept /)]);
    expect(namedShards(dir)).toHaveLength(31);
    expect(statSync(join(dir, 'keymint.json')).size).toBeLessThan(total / 16);

    // The same provider again: the head alone.
    store.steps.length = 0;
    store.update(renaming(500, 'Renamed again'));
    expect(store.steps).toEqual(['head temp', 'head']);

    // Another shard: the one in the head goes to a file of its own, the changed one takes its place.
    const other = Array.from({ length: 1000 }, (_, i) => i).find((i) => shardOfProvider(dir, i) !== shardOfProvider(dir, 500)) ?? -1;
    store.steps.length = 0;
    const next = store.update(renaming(other, 'Other')) as Doc;
    const written = fileSteps(store.steps);
    expect(written).toEqual([expect.stringMatching(new RegExp(`^${parseInt(shardOfProvider(dir, 500) ?? '', 36)}-`))]);
    expect(store.steps).toEqual([`shard created ${written[0]}`, `shard ${written[0]}`, 'shards synced', 'head temp', 'head', expect.stringMatching(/^retired /), expect.stringMatching(/^swept /)]);
    expect(statSync(join(dir, 'keymint.providers', written[0] ?? '')).size).toBeLessThan(total / 16);

    expect(open(dir).read()).toEqual(next);
    expect((open(dir).read() as Doc).providers.map((p) => p.name).filter((name) => !name.startsWith('Provider '))).toEqual(
      other < 500 ? ['Other', 'Renamed again'] : ['Renamed again', 'Other'],
    );
    const head = headOf(dir);
    expect(head).not.toHaveProperty('providers');
    expect(head.$providers?.order).toHaveLength(1000);
    expect(head.$providers?.shards).toHaveLength(32);
    expect(head.$providers?.shards.filter(Array.isArray)).toHaveLength(1);
    expect(shardFiles(dir)).toEqual(namedShards(dir));
  });

  it('reads back every document as written, across edits in place (one shard or several), a changed id, moves, additions and removals', () => {
    const dir = freshDir();
    const store = open(dir);
    let expected = store.update(() => documentOf(300)) as Doc;
    let next = 300;
    fc.assert(
      fc.property(
        fc.oneof(
          { weight: 6, arbitrary: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }).map((at) => ({ kind: 'edit' as const, at })) },
          { weight: 1, arbitrary: fc.nat().map((at) => ({ kind: 'new id' as const, at })) },
          { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.nat()).map(([from, to]) => ({ kind: 'move' as const, at: [from, to] })) },
          { weight: 1, arbitrary: fc.nat().map((at) => ({ kind: 'add' as const, at })) },
          { weight: 1, arbitrary: fc.nat().map((at) => ({ kind: 'remove' as const, at })) },
        ),
        (change) => {
          expected = store.update((latest) => {
            const doc = latest as Doc;
            const providers = [...doc.providers];
            const place = (n: number) => n % providers.length;
            if (change.kind === 'edit') for (const at of change.at) providers[place(at)] = { ...providers[place(at)]!, name: `Edited ${(next += 1)}` };
            if (change.kind === 'new id') providers[place(change.at)] = provider((next += 1));
            if (change.kind === 'move') providers.splice(place(change.at[1]), 0, ...providers.splice(place(change.at[0]), 1));
            if (change.kind === 'add') providers.splice(place(change.at), 0, provider((next += 1)));
            if (change.kind === 'remove' && providers.length > 1) providers.splice(place(change.at), 1);
            return { ...doc, providers };
          }) as Doc;
          expect(open(dir).read()).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
    expect(shardFiles(dir)).toEqual(namedShards(dir));
  });

  it('writes only the head when the providers are the same in new objects (read again by another process)', () => {
    const dir = freshDir();
    open(dir).update(() => documentOf(100));
    const theirs = open(dir);
    theirs.update((latest) => ({ ...JSON.parse(JSON.stringify(latest)), settings: { autoLockMinutes: 1 } }));
    expect(theirs.steps).toEqual(['head temp', 'head']);
    expect(open(dir).read()).toEqual({ ...documentOf(100), settings: { autoLockMinutes: 1 } });
  });

  it('keeps the providers in their order and every other key in its place as providers move, come and go', () => {
    const dir = freshDir();
    const store = open(dir);
    let expected = store.update(() => ({ settings: { autoLockMinutes: 5 }, version: 3, providers: documentOf(60).providers, vault: { keychain: {} } })) as Doc;
    const changes: ((doc: Doc) => Doc)[] = [
      (doc) => ({ ...doc, providers: [...doc.providers.slice(-1), ...doc.providers.slice(0, -1)] }),
      (doc) => ({ ...doc, providers: doc.providers.filter((_, i) => i % 7 !== 3) }),
      (doc) => ({ ...doc, providers: [...doc.providers.slice(0, 10), provider(1000), ...doc.providers.slice(10), provider(1001)] }),
      (doc) => ({ ...doc, providers: [...doc.providers].reverse() }),
      (doc) => ({ ...doc, providers: [] }),
      (doc) => ({ ...doc, providers: [provider(7)] }),
    ];
    for (const change of changes) {
      expected = store.update((latest) => change(latest as Doc)) as Doc;
      const read = open(dir).read() as Doc;
      expect(read).toEqual(expected);
      expect(Object.keys(read)).toEqual(['settings', 'version', 'providers', 'vault']);
      expect(shardFiles(dir)).toEqual(namedShards(dir));
    }
  });

  it('reads a document kept in one file, as Keymint always wrote it, without touching it, and splits it at the next write', () => {
    const dir = freshDir();
    const legacy = `${JSON.stringify(documentOf(1000), null, 2)}\n`;
    writeFileSync(join(dir, 'keymint.json'), legacy);
    const store = open(dir, { retireGraceMs: 0 });
    expect(store.read()).toEqual(documentOf(1000));
    expect(readFileSync(join(dir, 'keymint.json'), 'utf8')).toBe(legacy);
    expect(readdirSync(dir)).toEqual(['keymint.json']);

    const next = store.update(renaming(3, 'Renamed'));
    expect(headOf(dir)).not.toHaveProperty('providers');
    expect(namedShards(dir)).toHaveLength(32);
    expect(shardFiles(dir)).toEqual(namedShards(dir));
    expect(open(dir).read()).toEqual(next);
  });

  it('keeps a small document in one file, splits it past the limit, and makes it one file again below half of it', () => {
    const dir = freshDir();
    const store = open(dir, { singleFileUpToBytes: 20_000, retireGraceMs: 0 });
    const sizes: [number, boolean][] = [];
    for (const count of [10, 30, 60, 30, 15, 10]) {
      store.update(() => documentOf(count));
      sizes.push([count, '$providers' in headOf(dir)]);
      expect(open(dir).read()).toEqual(documentOf(count));
    }
    // About 470 bytes a provider: 30 fit in 20 kB; once split, 30 stay split (over 10 kB) and 15 do not.
    expect(sizes).toEqual([
      [10, false],
      [30, false],
      [60, true],
      [30, true],
      [15, false],
      [10, false],
    ]);
    expect(shardFiles(dir)).toEqual([]);
  });

  it('refuses a document that holds the key the store keeps its manifest in, and writes nothing', () => {
    const dir = freshDir();
    const store = open(dir);
    store.update(() => documentOf(5));
    const before = snapshot(dir);
    expect(() => store.update((latest) => ({ ...(latest as Doc), $providers: 1 }))).toThrow(/\$providers/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('another process hears a change to one provider: the head changed', async () => {
    const dir = freshDir();
    open(dir).update(() => documentOf(100));
    const store = openVaultFolderStore(dir, { shards: strict, watch: { debounceMs: 10, pollMs: 100 } });
    expect(store.read()).toEqual(documentOf(100));
    const heard: string[] = [];
    const stop = store.watch((changed) => heard.push(changed));
    const theirs = open(dir);
    theirs.update(renaming(42, 'theirs'));
    expect(fileSteps(theirs.steps)).toEqual([]);
    await expect.poll(() => heard).toEqual(['document']);
    expect((store.read() as Doc).providers[42]?.name).toBe('theirs');
    stop();
  });

  it.runIf(isPosix)('keeps the shards folder 0700 and its files 0600', () => {
    const dir = freshDir();
    open(dir).update(() => documentOf(50));
    expect(statSync(join(dir, 'keymint.providers')).mode & 0o777).toBe(0o700);
    for (const name of shardFiles(dir)) expect(statSync(join(dir, 'keymint.providers', name)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'keymint.json')).mode & 0o777).toBe(0o600);
  });
});

describe('sharded vault document: files no head names', () => {
  it('removes those a killed writer left at the next write, and those a change replaced once the grace has passed', async () => {
    const dir = freshDir();
    const graceMs = 400;
    open(dir, { singleFileUpToBytes: 0, retireGraceMs: graceMs }).update(() => documentOf(100));
    const shards = join(dir, 'keymint.providers');
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max default, so never alive
    const orphan = '7-0123456789abcdef.json';
    const deadTemp = `.7-0123456789abcdef.json.tmp-${deadPid}-0123456789abcdef`;
    const liveTemp = `.7-0123456789abcdef.json.tmp-${process.ppid}-0123456789abcdef`;
    for (const name of [orphan, deadTemp, liveTemp, 'notes.txt']) writeFileSync(join(shards, name), 'left behind');
    const anHourAgo = (Date.now() - 3_600_000) / 1000;
    utimesSync(join(shards, orphan), anHourAgo, anHourAgo);

    // The first write of a store removes what killed writers left.
    const store = open(dir, { singleFileUpToBytes: 0, retireGraceMs: graceMs });
    expect(readdirSync(shards)).toContain(deadTemp);
    const named = namedShards(dir);
    store.update(renaming(0, 'first'));
    const replaced = named.filter((name) => !namedShards(dir).includes(name));
    expect(replaced).toHaveLength(1);
    // The replaced file stays for the grace (a writer that lost the lock while hung may still name it); the live writer's temp file too.
    expect(shardFiles(dir)).toEqual([...namedShards(dir), ...replaced, liveTemp, 'notes.txt'].sort());

    await new Promise((resolve) => setTimeout(resolve, graceMs + 50));
    const beforeSecond = namedShards(dir);
    store.update(renaming(1, 'second'));
    const replacedNow = beforeSecond.filter((name) => !namedShards(dir).includes(name));
    expect(shardFiles(dir)).toEqual([...namedShards(dir), ...replacedNow, 'notes.txt'].sort());
    expect((open(dir).read() as Doc).providers.slice(0, 2).map((p) => p.name)).toEqual(['first', 'second']);
  });
});

describe('sharded vault document: unreadable', () => {
  const damages: [string, (file: string) => void, RegExp][] = [
    ['not JSON', (file) => writeFileSync(file, '[{"id": '), /could not be read \(its content does not match its name/],
    ['changed by hand', (file) => writeFileSync(file, JSON.stringify((JSON.parse(readFileSync(file, 'utf8')) as Provider[]).map((p) => ({ ...p, name: 'edited' })), null, 2)), /its content does not match its name/],
    ['missing', (file) => unlinkSync(file), /keymint\.json could not be read \(it names keymint\.providers\/\d+-[0-9a-f]{16}\.json, which is missing\)/],
  ];

  it.each(damages)('a shard file %s makes the document unreadable; nothing is changed, nothing removed', (_, damage, message) => {
    const dir = freshDir();
    open(dir).update(() => documentOf(100));
    damage(join(dir, 'keymint.providers', namedShards(dir)[3] ?? ''));
    const before = snapshot(dir);
    const store = open(dir);
    expect(() => store.read()).toThrow(StoreCorruptError);
    expect(() => store.read()).toThrow(message);
    expect(() => store.update(renaming(0, 'x'))).toThrow(message);
    expect(snapshot(dir)).toEqual(before);
  });

  it.each([
    ['a shard named for another place', (head: Record<string, unknown> & { $providers: { shards: unknown[] } }) => void head.$providers.shards.reverse(), /its list of provider files is not valid/],
    ['an order that does not add up', (head: { $providers: { order: string } }) => void (head.$providers.order = head.$providers.order.slice(1)), /its provider order does not match its provider files/],
    ['providers and a manifest', (head: Record<string, unknown>) => void (head.providers = []), /holds providers and names provider files as well/],
    ['a newer format', (head: { $providers: { format: number } }) => void (head.$providers.format = 2), /stored in a newer format \(2\)/],
  ] as const)('a head with %s is unreadable and left as it is', (_, edit, message) => {
    const dir = freshDir();
    open(dir).update(() => documentOf(100));
    const head = headOf(dir);
    (edit as (head: unknown) => void)(head);
    writeFileSync(join(dir, 'keymint.json'), JSON.stringify(head));
    const before = snapshot(dir);
    expect(() => open(dir).read()).toThrow(message);
    expect(snapshot(dir)).toEqual(before);
  });

  it('moveAside sets the head and its shards aside together: the copy reads whole, and a fresh vault leaves it alone', async () => {
    const dir = freshDir();
    const store = open(dir);
    const old = store.update(() => documentOf(100));
    store.updateTokens(() => ({ tokens: {} }));
    await store.flush();
    const files = shardFiles(dir);

    const aside = store.moveAside();
    expect(basename(aside)).toMatch(/^keymint\.corrupt-\d{8}-\d{6}\.json$/);
    const asideShards = aside.replace(/\.json$/, '.providers');
    expect(readdirSync(asideShards).sort()).toEqual(files);
    expect(readdirSync(dir).sort()).toEqual([basename(aside), basename(asideShards)].sort());
    expect(openVaultFolderStore(dir, { documentName: basename(aside) }).read()).toEqual(old);

    expect(store.read()).toBeUndefined();
    store.update(() => documentOf(40, (i) => `fresh ${i}`));
    store.update(renaming(0, 'fresh again'));
    expect(readdirSync(asideShards).sort()).toEqual(files);
    expect(openVaultFolderStore(dir, { documentName: basename(aside) }).read()).toEqual(old);
  });

  it('keeps the shard files of a head set aside alone (by a Keymint from before shards) when it sweeps', () => {
    const dir = freshDir();
    const old = open(dir).update(() => documentOf(60));
    const files = shardFiles(dir);
    // What an older Keymint's "start fresh" does with a head it cannot read.
    cpSync(join(dir, 'keymint.json'), join(dir, 'keymint.corrupt-20250101-000000.json'));
    rmSync(join(dir, 'keymint.json'));
    const store = open(dir);
    store.update(() => documentOf(40, (i) => `fresh ${i}`));
    store.update(renaming(0, 'fresh again'));
    expect(shardFiles(dir)).toEqual([...new Set([...files, ...namedShards(dir)])].sort());
    rmSync(join(dir, 'keymint.json'));
    cpSync(join(dir, 'keymint.corrupt-20250101-000000.json'), join(dir, 'keymint.json'));
    expect(open(dir).read()).toEqual(old);
  });

  it('moveAside killed between the shards and the head leaves both, still set aside by the next one', () => {
    const dir = freshDir();
    open(dir).update(() => documentOf(50));
    const files = shardFiles(dir);
    // What the first rename of a moveAside leaves: the shards set aside, the head not yet.
    mkdirSync(join(dir, 'elsewhere'));
    cpSync(join(dir, 'keymint.providers'), join(dir, 'elsewhere', 'keymint.providers'), { recursive: true });
    rmSync(join(dir, 'keymint.providers'), { recursive: true });
    const store = open(dir);
    expect(() => store.read()).toThrow(/which is missing/);
    const aside = store.moveAside();
    expect(readFileSync(aside, 'utf8')).toContain('$providers');
    expect(store.read()).toBeUndefined();
    expect(readdirSync(join(dir, 'elsewhere', 'keymint.providers')).sort()).toEqual(files);
  });
});

describe('sharded vault document: a writer killed at any point', () => {
  /**
   * Copies the folder at every point of a write where its files change, as a writer killed
   * there (SIGKILL: what it wrote is in the page cache) would leave it; each copy must read as
   * the document before or after, and from the commit on, after. A write in each copy then
   * leaves only the files its head names.
   */
  function crashEverywhere(setup: (dir: string) => void, change: (latest: unknown) => unknown, options: ShardedDocumentOptions = strict) {
    const dir = freshDir();
    setup(dir);
    const before = open(dir, options).read();
    const copies: { step: string; dir: string }[] = [];
    const store = openVaultFolderStore(dir, {
      shards: {
        ...options,
        onWriteStep: (step) => {
          const copy = join(root, `crash-${caseNumber}-${copies.length}`);
          cpSync(dir, copy, { recursive: true, filter: (source) => !basename(source).startsWith('.keymint.lock') });
          copies.push({ step, dir: copy });
        },
      },
    });
    const after = store.update(change);
    expect(after).not.toEqual(before);
    let committed = false;
    for (const copy of copies) {
      committed ||= copy.step === 'head';
      expect(open(copy.dir, options).read(), `killed at ${copy.step}`).toEqual(committed ? after : before);
      const again = open(copy.dir, strict);
      again.update((latest) => ({ ...(latest as Doc), settings: { autoLockMinutes: 9 } }));
      expect(again.read()).toEqual({ ...(committed ? after : before) as Doc, settings: { autoLockMinutes: 9 } });
      if ('$providers' in headOf(copy.dir)) expect(shardFiles(copy.dir)).toEqual(namedShards(copy.dir));
    }
    expect(copies.map((copy) => copy.step)).toContain('head');
    return copies.map((copy) => copy.step);
  }

  it('changing one provider: its shard moves into the head', () => {
    const steps = crashEverywhere((dir) => void open(dir).update(() => documentOf(200)), renaming(17, 'Renamed'));
    expect(fileSteps(steps)).toHaveLength(0);
    expect(steps).toContain('head');
  });

  it('changing one provider in another shard than the one in the head: that one goes to a file', () => {
    let other = -1;
    const steps = crashEverywhere(
      (dir) => {
        const store = open(dir);
        store.update(() => documentOf(200));
        store.update(renaming(17, 'Renamed'));
        other = Array.from({ length: 200 }, (_, i) => i).find((i) => shardOfProvider(dir, i) !== shardOfProvider(dir, 17)) ?? -1;
      },
      (latest) => renaming(other, 'Other')(latest),
    );
    expect(fileSteps(steps)).toHaveLength(1);
  });

  it('changing every provider at once (an import): all or nothing', () => {
    const steps = crashEverywhere((dir) => void open(dir).update(() => documentOf(200)), renamingAll('Imported'));
    expect(fileSteps(steps)).toHaveLength(32);
    expect(steps.filter((step) => step.startsWith('swept'))).toHaveLength(32);
  });

  it('adding and removing providers', () => {
    crashEverywhere(
      (dir) => void open(dir).update(() => documentOf(100)),
      (latest) => ({ ...(latest as Doc), providers: [provider(500), ...(latest as Doc).providers.filter((_, i) => i % 3 !== 0), provider(501)] }),
    );
  });

  it('splitting a document kept in one file', () => {
    crashEverywhere((dir) => writeFileSync(join(dir, 'keymint.json'), JSON.stringify(documentOf(200))), renaming(0, 'Renamed'));
  });

  it('making a split document one file again', () => {
    crashEverywhere(
      (dir) => void open(dir, { singleFileUpToBytes: 20_000 }).update(() => documentOf(100)),
      (latest) => ({ ...(latest as Doc), providers: (latest as Doc).providers.slice(0, 5) }),
      { singleFileUpToBytes: 20_000, retireGraceMs: 0 },
    );
  });
});
