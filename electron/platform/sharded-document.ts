import { hash } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { isRecord } from '../../shared/records/is-record';
import {
  decode,
  encode,
  ensureDirectory,
  fsyncDirectory,
  isProcessAlive,
  moveAside,
  openJsonFileStore,
  StoreCorruptError,
  writeFileDurably,
  type FileVersion,
} from './json-file-store';

/**
 * The vault document on disk, written so that changing one provider of a thousand writes a
 * few kilobytes, not the whole document.
 *
 * A small document is one file, `keymint.json`, as it always was. A large one (over
 * `singleFileUpToBytes` as one file) is split: its providers are grouped into 32 shards by a
 * hash of their id, each in document order; `keymint.json` (the head) keeps the rest of the
 * document with, in place of `providers`, a manifest:
 *
 *   "$providers": { "format": 1, "order": "<one character per provider: its shard>", "shards": [shard, ...] }
 *
 * where each shard is null (empty), the name of an immutable, content-addressed file in the
 * folder beside the head, `keymint.providers/<n>-<16 hex of its sha-256>.json` (compact JSON,
 * checked against its hash when read), or its providers themselves: a change that touches one
 * shard keeps that shard in the head (up to 32 KiB) until a change touches another, so changing
 * the same provider again (or one beside it) rewrites the head alone, and changing any one
 * provider writes at most one shard file besides. The split head is compact JSON too.
 *
 * A write serialises only the shards whose providers changed, writes each that goes to a file
 * as a new file (fsynced), fsyncs their folder, and then replaces the head (temp, fsync,
 * rename, folder fsync). The head's rename is the one commit point: before it the old head
 * and every file it names are untouched, after it the new head and every file it names are on
 * disk, so a change touching every shard (an import) is all or nothing. Files the new head no
 * longer names are retired (their mtime set to now) and removed by a later write once retired
 * for `retireGraceMs`, together with files a killed writer left; see sweep().
 *
 * Every write rewrites the head, so the head's version is the document's. Writes must hold
 * the vault folder lock; reads need no lock.
 */

export interface ShardedDocumentOptions {
  /** Above this many bytes as one file, the providers are split into shards; default 64 KiB. 0: always. */
  readonly singleFileUpToBytes?: number;
  /** How long a shard file no longer named stays on disk before a write removes it; default 15 s. */
  readonly retireGraceMs?: number;
  /** Tidying up after a commit failed (the change itself is on disk; a later write tidies again). */
  readonly onProblem?: (message: string) => void;
  /** TESTS ONLY: called at each point of a write where the files on disk change. */
  readonly onWriteStep?: (step: string) => void;
}

/** The providers of one shard as they are on disk. */
interface Shard {
  /** Its file in the shards folder; null when it has none (empty, or in the head). */
  readonly name: string | null;
  /** Its providers are in the head. */
  readonly inHead: boolean;
  /** Its providers as JSON, when in the head and known (written here): the head is written without serialising them again. */
  readonly text?: string;
  /** With `text`: each member's own JSON, which the next change of this shard reuses for the members it did not replace. */
  readonly memberTexts?: readonly string[];
  /** The providers, the very values of the document last read or written (compared by identity first). */
  readonly members: readonly unknown[];
  readonly bytes: number;
}

/** How the document last read or written here is laid out, to write only what changed next time. */
export type Layout = { readonly kind: 'single-file' } | ShardedLayout;

interface ShardedLayout {
  readonly kind: 'sharded';
  /** The manifest's order: one character per provider, its shard. */
  readonly order: string;
  /** The providers in document order, the very values of the document. */
  readonly providers: readonly unknown[];
  readonly shards: readonly Shard[];
}

export interface StoredDocument {
  readonly value: unknown;
  readonly version: FileVersion;
  readonly layout: Layout;
}

export interface ShardedDocument {
  /** The head: the whole document, or all of it but the providers. */
  readonly path: string;
  /** The folder of the shard files. */
  readonly shardsPath: string;
  /** The head's version: it changes with every write. */
  version(): FileVersion | undefined;
  /** The document, or undefined when there is none. Throws StoreCorruptError when the head or a file it names is unreadable. */
  read(): StoredDocument | undefined;
  /**
   * Writes `next` durably; returns it as now stored. Under the folder lock only, with `previous`
   * what read() or write() returned for the head on disk now (undefined: everything is written).
   */
  write(next: unknown, previous: StoredDocument | undefined): StoredDocument;
  /** Sets the head and its shards folder aside together (see json-file-store moveAside); returns the head's new path. */
  moveAside(): string;
}

/** The head's key in place of `providers`; a document may not use it itself. */
export const MANIFEST_KEY = '$providers';
const FORMAT = 1;
const SHARD_COUNT = 32;
const SHARDS_SUFFIX = '.providers';
const ORDER_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
const SHARD_NAME = /^(\d{1,2})-([0-9a-f]{16})\.json$/;
const SHARD_TEMP_NAME = /^\.\d{1,2}-[0-9a-f]{16}\.json\.tmp-(\d+)-[0-9a-f]{16}$/;
/** A reader (no lock) may find a file its head named removed by a writer since: it reads the new head then, this many times at most. */
const READ_ATTEMPTS = 20;
const DEFAULT_SINGLE_FILE_UP_TO = 64 * 1024;
/** A shard larger than this (a vault of many thousands) goes to its file even when the latest change touched it. */
const IN_HEAD_UP_TO = 32 * 1024;
/** Longer than the folder lock's default staleMs: a writer the lock was taken from (it seemed hung) finishes well within it. */
const DEFAULT_RETIRE_GRACE_MS = 15_000;

const orderIndex = new Int8Array(128).fill(-1);
for (let i = 0; i < ORDER_ALPHABET.length; i++) orderIndex[ORDER_ALPHABET.charCodeAt(i)] = i;

interface Manifest {
  readonly order: string;
  /** A file name, the providers themselves, or null. */
  readonly shards: readonly (string | unknown[] | null)[];
}

export function openShardedDocument(path: string, options: ShardedDocumentOptions = {}): ShardedDocument {
  const head = openJsonFileStore(path);
  const dir = dirname(path);
  const stem = extname(path) === '.json' ? basename(path, '.json') : basename(path);
  const shardsPath = join(dir, `${stem}${SHARDS_SUFFIX}`);
  const singleFileUpTo = options.singleFileUpToBytes ?? DEFAULT_SINGLE_FILE_UP_TO;
  const grace = options.retireGraceMs ?? DEFAULT_RETIRE_GRACE_MS;
  const step = options.onWriteStep ?? (() => undefined);
  /** The first write here sweeps, for what writers killed earlier left (opening does not: the folder may hold many files). */
  let nextSweepAt = 0;

  const readShard = (entry: string | unknown[] | null, headPath: string): Shard => {
    if (entry === null) return { name: null, inHead: false, members: [], bytes: 0 };
    if (Array.isArray(entry)) return { name: null, inHead: true, members: entry, bytes: JSON.stringify(entry).length };
    const name = entry;
    const file = join(shardsPath, name);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') throw new StoreCorruptError(headPath, `it names ${join(basename(shardsPath), name)}, which is missing`);
      throw error;
    }
    if (digest(bytes) !== SHARD_NAME.exec(name)?.[2]) throw new StoreCorruptError(file, 'its content does not match its name: it was changed or damaged');
    const members = decode(file, bytes);
    if (!Array.isArray(members)) throw new StoreCorruptError(file, 'it holds no list of providers');
    return { name, inHead: false, members, bytes: bytes.length };
  };

  const read = (): StoredDocument | undefined => {
    for (let attempt = 1; ; attempt++) {
      const found = head.readVersioned();
      if (!found) return undefined;
      try {
        const manifest = manifestOf(found.value, path);
        if (!manifest) return { value: found.value, version: found.version, layout: { kind: 'single-file' } };
        const shards = manifest.shards.map((entry) => readShard(entry, path));
        const providers = merge(manifest.order, shards, path);
        return { value: withProviders(found.value, providers), version: found.version, layout: { kind: 'sharded', order: manifest.order, providers, shards } };
      } catch (error) {
        // A writer replaced the head since, and may have removed what the old one named: the new one is read instead.
        if (head.version() !== found.version) {
          if (attempt < READ_ATTEMPTS) continue;
          throw new Error(`${path} kept changing while it was being read (${READ_ATTEMPTS} attempts); nothing was changed.`);
        }
        if (error instanceof StoreCorruptError) error.version = found.version;
        throw error;
      }
    }
  };

  /** After a commit: retires the files the replaced head named and this one does not, and sweeps when due. */
  const afterCommit = (previous: StoredDocument | undefined, named: ReadonlySet<string>) => {
    try {
      tidy(previous, named);
    } catch (error) {
      // The change is committed: the caller must hear that it was saved, not that tidying failed.
      options.onProblem?.(`old provider files in ${shardsPath} could not be removed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const tidy = (previous: StoredDocument | undefined, named: ReadonlySet<string>) => {
    const now = Date.now();
    if (previous?.layout.kind === 'sharded') {
      for (const { name } of previous.layout.shards) {
        if (name === null || named.has(name)) continue;
        try {
          // Its retirement time: a writer that took the lock over from a hung one may still name it for a moment.
          utimesSync(join(shardsPath, name), now / 1000, now / 1000);
        } catch (error) {
          if (errorCode(error) !== 'ENOENT') throw error;
        }
        nextSweepAt = Math.min(nextSweepAt, now + grace);
        step(`retired ${name}`);
      }
    }
    if (now >= nextSweepAt) sweep(named, now);
  };

  /**
   * Removes the shard files the head does not name that were retired (or written, by a writer
   * killed before its commit) at least `grace` ago, and temp files of dead writers. Under the
   * lock nobody else is writing; the grace covers a writer that held the lock so long (hung,
   * suspended) that another took it over, and that may still commit a head naming them.
   */
  const sweep = (named: ReadonlySet<string>, now: number) => {
    let names: string[];
    try {
      names = readdirSync(shardsPath);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
      names = [];
    }
    let earliestKept = now;
    const setAside = namedBySetAsideHeads();
    for (const name of names) {
      if (named.has(name) || setAside.has(name)) continue;
      const temp = SHARD_TEMP_NAME.exec(name);
      if (!temp && !SHARD_NAME.test(name)) continue;
      const file = join(shardsPath, name);
      let modified: number;
      try {
        modified = statSync(file).mtimeMs;
      } catch (error) {
        if (errorCode(error) === 'ENOENT') continue;
        throw error;
      }
      const deadWriter = temp !== null && (Number(temp[1]) === process.pid || !isProcessAlive(Number(temp[1])));
      if (!deadWriter && now - modified < grace) {
        earliestKept = Math.min(earliestKept, modified);
        continue;
      }
      unlinkQuietly(file);
      step(`swept ${name}`);
    }
    nextSweepAt = earliestKept + grace;
  };

  /**
   * The shard files named by heads set aside in the folder (`keymint.corrupt-*.json`). This
   * store moves a head's shards along with it, but a Keymint from before shards, unable to read
   * a sharded head, sets aside the head alone: its shards stay here, and must stay.
   */
  const namedBySetAsideHeads = (): Set<string> => {
    const names = new Set<string>();
    for (const entry of readdirSync(dir)) {
      if (!entry.startsWith(`${stem}.corrupt-`) || !entry.endsWith('.json')) continue;
      let manifest: unknown;
      try {
        const text = readFileSync(join(dir, entry), 'utf8');
        // A document set aside whole (the usual kind) names no shards: not worth parsing.
        if (!text.includes(`"${MANIFEST_KEY}"`)) continue;
        manifest = (JSON.parse(text) as Record<string, unknown> | null)?.[MANIFEST_KEY];
      } catch {
        continue; // Unreadable, or not a file: it names nothing anyone could know.
      }
      const shards = isRecord(manifest) && Array.isArray(manifest.shards) ? (manifest.shards as unknown[]) : [];
      for (const shard of shards) if (typeof shard === 'string') names.add(shard);
    }
    return names;
  };

  const writeSingleFile = (next: unknown, bytes: Buffer, previous: StoredDocument | undefined): StoredDocument => {
    const version = writeFileDurably(path, bytes, { beforeRename: () => step('head temp') });
    step('head');
    afterCommit(previous, new Set());
    return { value: next, version, layout: { kind: 'single-file' } };
  };

  const writeSharded = (next: Record<string, unknown>, plan: ShardPlan, previous: StoredDocument | undefined): StoredDocument => {
    if (plan.writes.length > 0) {
      for (const { name, bytes } of plan.writes) {
        const file = join(shardsPath, name);
        const created = () => step(`shard created ${name}`);
        try {
          writeShardFile(file, bytes, created);
        } catch (error) {
          if (errorCode(error) !== 'ENOENT') throw error;
          // No folder yet. A folder new on disk must be there before a head naming files in it is.
          if (ensureDirectory(shardsPath)) fsyncDirectory(dir);
          writeShardFile(file, bytes, created);
        }
        step(`shard ${name}`);
      }
      fsyncDirectory(shardsPath);
      step('shards synced');
    }
    const version = writeFileDurably(path, Buffer.from(headText(next, plan), 'utf8'), { beforeRename: () => step('head temp') });
    step('head');
    afterCommit(previous, new Set(plan.shards.flatMap((shard) => (shard.name === null ? [] : [shard.name]))));
    return { value: next, version, layout: { kind: 'sharded', order: plan.order, providers: plan.providers, shards: plan.shards } };
  };

  return {
    path,
    shardsPath,
    version: () => head.version(),
    read,
    write(next, previous) {
      if (isRecord(next) && Object.hasOwn(next, MANIFEST_KEY)) throw new TypeError(`The document may not hold "${MANIFEST_KEY}": the vault store keeps its provider files there`);
      const providers = isRecord(next) && Array.isArray(next.providers) ? (next.providers as readonly unknown[]) : undefined;
      const before = previous?.layout.kind === 'sharded' ? previous.layout : undefined;
      if (providers && before) {
        const plan = planShards(providers, before);
        // Shrunk well below the limit (a margin, so a vault at the limit does not switch at every change): one file again.
        if (plan.bytes >= singleFileUpTo / 2) return writeSharded(next as Record<string, unknown>, plan, previous);
      }
      const bytes = encode(next);
      if (providers && bytes.length > singleFileUpTo) return writeSharded(next as Record<string, unknown>, planShards(providers, before), previous);
      return writeSingleFile(next, bytes, previous);
    },
    moveAside: () => moveAside(path, Date.now(), [SHARDS_SUFFIX]),
  };
}

interface ShardPlan {
  readonly order: string;
  readonly providers: readonly unknown[];
  readonly shards: readonly Shard[];
  /** Shard files to write: the shards that changed, or left the head. */
  readonly writes: readonly { readonly name: string; readonly bytes: Buffer }[];
  /** Of all shards. */
  readonly bytes: number;
}

/** Groups the providers into shards, keeps one in the head, and serialises only the shards that differ from `before` or leave the head. */
function planShards(providers: readonly unknown[], before: ShardedLayout | undefined): ShardPlan {
  const previous = before?.shards.length === SHARD_COUNT ? before : undefined;
  // A provider that is the very value it was at the same place: in the shard it was in (no hashing).
  const samePlaces = previous?.providers.length === providers.length ? previous : undefined;
  const inPlace = samePlaces && regroupedInPlace(providers, samePlaces);
  const groups: unknown[][] = inPlace || Array.from({ length: SHARD_COUNT }, () => []);
  const shardOfEach = new Uint8Array(inPlace ? 0 : providers.length);
  let orderChanged = samePlaces === undefined;
  if (!inPlace) {
    for (let i = 0; i < providers.length; i++) {
      const provider = providers[i];
      const was = samePlaces ? (orderIndex[samePlaces.order.charCodeAt(i)] ?? -1) : -1;
      const shard = was >= 0 && samePlaces?.providers[i] === provider ? was : shardOf(provider);
      if (shard !== was) orderChanged = true;
      groups[shard]?.push(provider);
      shardOfEach[i] = shard;
    }
  }
  const unchanged = groups.map((members, n) => {
    const was = previous?.shards[n];
    return was !== undefined && (members.length === 0 ? was.members.length === 0 : sameMembers(members, was.members));
  });
  const texts = new Map<number, ShardJson>();
  const jsonOf = (n: number): ShardJson => {
    const was = previous?.shards[n];
    const known = texts.get(n) ?? (unchanged[n] && was?.text !== undefined ? { text: was.text, memberTexts: was.memberTexts } : undefined) ?? shardJson(groups[n] ?? [], was);
    texts.set(n, known);
    return known;
  };
  const textOf = (n: number): string => jsonOf(n).text;
  const sizeOf = (n: number): number => {
    const was = previous?.shards[n];
    return unchanged[n] && was ? was.bytes : textOf(n).length;
  };
  // The shard kept in the head: the one this change touched, if it touched one; else the one kept there so far.
  const touched = groups.flatMap((members, n) => (members.length > 0 && !unchanged[n] ? [n] : []));
  const candidate = touched.length === 1 ? (touched[0] as number) : (previous?.shards.findIndex((shard) => shard.inHead) ?? -1);
  const inHead = candidate >= 0 && (groups[candidate]?.length ?? 0) > 0 && sizeOf(candidate) <= IN_HEAD_UP_TO ? candidate : -1;

  const shards: Shard[] = [];
  const writes: { name: string; bytes: Buffer }[] = [];
  let total = 0;
  groups.forEach((members, n) => {
    const was = previous?.shards[n];
    let shard: Shard;
    if (members.length === 0) {
      shard = { name: null, inHead: false, members, bytes: 0 };
    } else if (n === inHead) {
      const { text, memberTexts } = jsonOf(n);
      shard = { name: null, inHead: true, members, bytes: sizeOf(n), text, memberTexts };
    } else if (unchanged[n] && was?.name) {
      // The same file, now known by these values (so the next check is by identity).
      shard = { name: was.name, inHead: false, members, bytes: was.bytes };
    } else {
      // Changed, or leaving the head for its own file. Compact: shard files are checked against their hash, never edited by hand.
      const bytes = Buffer.from(textOf(n), 'utf8');
      shard = { name: `${n}-${digest(bytes)}.json`, inHead: false, members, bytes: bytes.length };
      if (shard.name !== was?.name) writes.push({ name: shard.name as string, bytes });
    }
    shards.push(shard);
    total += shard.bytes;
  });
  const order = !orderChanged && samePlaces ? samePlaces.order : Array.from(shardOfEach, (shard) => ORDER_ALPHABET.charAt(shard)).join('');
  return { order, providers, shards, writes, bytes: total };
}

interface ShardJson {
  readonly text: string;
  readonly memberTexts: readonly string[] | undefined;
}

/**
 * The members as JSON.stringify writes them, with each member's text written once: a member
 * that is the very value the shard held at the same place keeps the text it had (the layout
 * already takes a value it holds to be unchanged). So changing one provider of the shard kept
 * in the head serialises that provider, not the thirty beside it. Members other than plain
 * records (which JSON.stringify might write differently inside an array): the array at once.
 */
function shardJson(members: readonly unknown[], before: Shard | undefined): ShardJson {
  if (!members.every((member) => isRecord(member) && typeof member.toJSON !== 'function')) return { text: JSON.stringify(members), memberTexts: undefined };
  const kept = before?.memberTexts;
  const memberTexts = members.map((member, i) => (kept !== undefined && before?.members[i] === member ? (kept[i] ?? JSON.stringify(member)) : JSON.stringify(member)));
  return { text: `[${memberTexts.join(',')}]`, memberTexts };
}

/** More providers than this replaced at once (an import) are grouped afresh. */
const REGROUP_IN_PLACE_UP_TO = 64;

/**
 * The groups of a change that replaced a few providers in their places, each keeping its id
 * (an edit, a token's digest): the shards it did not touch keep their member arrays as they
 * are (never added to), the ones it touched are gathered again from the order. Undefined for
 * anything else, which planShards groups afresh. So an edit to one provider of a thousand
 * compares a thousand references instead of sorting a thousand providers into their shards.
 */
function regroupedInPlace(providers: readonly unknown[], before: ShardedLayout): unknown[][] | undefined {
  const touched = new Uint8Array(SHARD_COUNT);
  let replaced = 0;
  for (let i = 0; i < providers.length; i++) {
    if (providers[i] === before.providers[i]) continue;
    const code = before.order.charCodeAt(i);
    const shard = code < 128 ? (orderIndex[code] ?? -1) : -1;
    if (shard < 0 || shardOf(providers[i]) !== shard || ++replaced > REGROUP_IN_PLACE_UP_TO) return undefined;
    touched[shard] = 1;
  }
  const groups = before.shards.map((shard, n) => (touched[n] ? [] : (shard.members as unknown[])));
  if (replaced === 0) return groups;
  for (let i = 0; i < providers.length; i++) {
    const shard = orderIndex[before.order.charCodeAt(i)] ?? -1;
    if (touched[shard]) groups[shard]?.push(providers[i]);
  }
  return groups;
}

/** A stable hash of the provider's id (FNV-1a); anything without a string id goes to shard 0. */
function shardOf(provider: unknown): number {
  const id = isRecord(provider) ? provider.id : undefined;
  if (typeof id !== 'string') return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SHARD_COUNT;
}

function digest(bytes: Buffer): string {
  return hash('sha256', bytes, 'hex').slice(0, 16);
}

/** The head's manifest, or undefined for a document stored whole (what Keymint always wrote before). */
function manifestOf(value: unknown, headPath: string): Manifest | undefined {
  if (!isRecord(value) || !Object.hasOwn(value, MANIFEST_KEY)) return undefined;
  const invalid = () => new StoreCorruptError(headPath, 'its list of provider files is not valid');
  if (Object.hasOwn(value, 'providers')) throw new StoreCorruptError(headPath, 'it holds providers and names provider files as well');
  const manifest = value[MANIFEST_KEY];
  if (!isRecord(manifest)) throw invalid();
  if (manifest.format !== FORMAT) {
    if (typeof manifest.format === 'number' && manifest.format > FORMAT) throw new StoreCorruptError(headPath, `its providers are stored in a newer format (${manifest.format}) than this Keymint reads`);
    throw invalid();
  }
  const { order, shards } = manifest;
  if (typeof order !== 'string' || !Array.isArray(shards) || shards.length === 0 || shards.length > ORDER_ALPHABET.length) throw invalid();
  shards.forEach((entry: unknown, n) => {
    if (entry !== null && !Array.isArray(entry) && (typeof entry !== 'string' || SHARD_NAME.exec(entry)?.[1] !== String(n))) throw invalid();
  });
  return { order, shards: shards as (string | unknown[] | null)[] };
}

/** The providers in document order: the n-th provider is the next one of the shard `order[n]` names. */
function merge(order: string, shards: readonly Shard[], headPath: string): unknown[] {
  const mismatch = () => new StoreCorruptError(headPath, 'its provider order does not match its provider files');
  const taken = new Array<number>(shards.length).fill(0);
  const providers = new Array<unknown>(order.length);
  for (let i = 0; i < order.length; i++) {
    const code = order.charCodeAt(i);
    const n = code < 128 ? (orderIndex[code] ?? -1) : -1;
    const shard = shards[n];
    const next = taken[n];
    if (!shard || next === undefined || next >= shard.members.length) throw mismatch();
    providers[i] = shard.members[next];
    taken[n] = next + 1;
  }
  if (shards.some((shard, n) => shard.members.length !== taken[n])) throw mismatch();
  return providers;
}

/**
 * The head of a sharded document as JSON.stringify would write it, compact (it may hold a
 * shard, and is rewritten at every change): every key in its place, the manifest where
 * `providers` was, a shard in the head as the JSON it was serialised to once.
 */
function headText(document: Record<string, unknown>, plan: ShardPlan): string {
  const shards = plan.shards.map((shard) => (shard.inHead ? (shard.text ?? JSON.stringify(shard.members)) : JSON.stringify(shard.name)));
  const manifest = `{"format":${FORMAT},"order":${JSON.stringify(plan.order)},"shards":[${shards.join(',')}]}`;
  const members: string[] = [];
  for (const [key, value] of Object.entries(document)) {
    const text = key === 'providers' ? manifest : JSON.stringify(value);
    // Left out, as JSON.stringify leaves out undefined, functions and symbols.
    if (text !== undefined) members.push(`${JSON.stringify(key === 'providers' ? MANIFEST_KEY : key)}:${text}`);
  }
  return `{${members.join(',')}}`;
}

function withProviders(headValue: unknown, providers: unknown[]): unknown {
  return Object.fromEntries(Object.entries(headValue as Record<string, unknown>).map(([key, value]) => (key === MANIFEST_KEY ? ['providers', providers] : [key, value])));
}

/** Same members, by identity or else by value as JSON would write them (false when unsure: the shard is then serialised and compared by its hash). */
function sameMembers(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !sameJson(a[i], b[i])) return false;
  return true;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (!isPlainData(a) || !isPlainData(b)) return false;
  const keysA = jsonKeys(a);
  const keysB = jsonKeys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    const key = keysA[i] as string;
    // Same keys in the same order: the same text.
    if (key !== keysB[i] || !sameJson(a[key], b[key])) return false;
  }
  return true;
}

function isPlainData(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (prototype === Object.prototype || prototype === null) && !('toJSON' in value);
}

/** The keys JSON.stringify writes. */
function jsonKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => {
    const type = typeof value[key];
    return type !== 'undefined' && type !== 'function' && type !== 'symbol';
  });
}

/**
 * Writes a new shard file durably, but for its folder's fsync (once for all, before the commit).
 * Straight to its name: no head names it yet, and its name is its content's hash. A file
 * already there (left by a writer killed before its commit, maybe partly written) is replaced
 * by temp file and rename instead, which is atomic for anyone reading it meanwhile.
 */
function writeShardFile(file: string, bytes: Buffer, created: () => void): void {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
    writeFileDurably(file, bytes, { syncDirectory: false });
    return;
  }
  try {
    if (process.platform !== 'win32') fchmodSync(fd, 0o600); // the open() mode was filtered by the umask
    created();
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkQuietly(file);
    throw error;
  }
  closeSync(fd);
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
