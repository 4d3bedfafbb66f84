import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fchmodSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  unlinkSync,
  statSync,
  writeSync,
  // fs.promises, not node:fs/promises: Node loads that module (and readline with it) on first
  // use, and a command-line call that only reads a cached token never writes asynchronously.
  promises as fsPromises,
  type BigIntStats,
} from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';

/**
 * A durable single-document JSON store. Defines the semantics every settings
 * backend must meet: a write either fully happens or not at all (even on power
 * loss or SIGKILL), a damaged file is reported and left untouched, and files
 * are private to the user.
 *
 * Must import only node:* modules: the crash-safety test transpiles this file
 * alone and runs it in a child `node` process.
 */

/**
 * Which version of a file is on disk. Every write creates a new file and renames it over the
 * old one, so each write has its own inode: the version changes with every write, by anyone.
 */
export type FileVersion = string;

export interface VersionedDocument {
  readonly value: unknown;
  readonly version: FileVersion;
}

/** A document written to a temp file, durably, but not yet in place. */
export interface PreparedWrite {
  /** The version the file will have once committed. */
  readonly version: FileVersion;
  /** Renames it into place: synchronous and quick, so it fits under a lock. */
  commit(): void;
  /** Removes the temp file instead. */
  discard(): Promise<void>;
}

export interface JsonFileStore {
  readonly path: string;
  /** The stored document, or undefined if the file does not exist. Throws StoreCorruptError. */
  read(): unknown;
  /** The document and the version it was read from (one open file, so the two match); undefined if there is none. */
  readVersioned(): VersionedDocument | undefined;
  /** readVersioned off the event loop. */
  readVersionedAsync(): Promise<VersionedDocument | undefined>;
  /** The version on disk now, without reading it; undefined if there is no file. */
  version(): FileVersion | undefined;
  /** Atomically and durably replaces the document; returns the version written. */
  write(doc: unknown): FileVersion;
  /** The first half of an asynchronous write (temp file written and fsynced); commit() is the second. */
  prepare(doc: unknown): Promise<PreparedWrite>;
  /** Makes committed renames durable, off the event loop. */
  syncDirectory(): Promise<void>;
}

export interface JsonFileStoreOptions {
  /** File mode for the document; default 0o600 (owner only). */
  readonly mode?: number;
  /** One line without indentation: for a machine-written cache nobody edits, half the bytes and time. */
  readonly compact?: boolean;
  /** Writes the document as this text (JSON) instead of serialising it whole: see token-cache-text.ts. */
  readonly serialise?: (doc: unknown) => string;
}

export class StoreCorruptError extends Error {
  readonly code = 'corrupt' as const;
  readonly filePath: string;
  /** The version of the unreadable file, when known: a cache may be replaced only if it is still this one. */
  version: FileVersion | undefined;

  constructor(filePath: string, reason: string) {
    // The parser's own message is not included: V8 quotes file contents in it.
    super(`${filePath} could not be read (${reason}); the file was left untouched.`);
    this.name = 'StoreCorruptError';
    this.filePath = filePath;
  }
}

const DIR_MODE = 0o700;
const isWindows = process.platform === 'win32';

/** This process's temp files not yet renamed or removed: asynchronous writes may be in progress. */
const liveTempFiles = new Set<string>();

function versionOf(stats: BigIntStats): FileVersion {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}`;
}

function tempPrefix(filePath: string): string {
  return `.${basename(filePath)}.tmp-`;
}

/** Counts on from a random start: unique in this process, and unlike any a dead process with our pid left (random bytes at every write cost more than the rest of the naming). */
let tempCounter = randomBytes(8).readBigUInt64BE();

/** `<pid>-<16 hex>`: the pid tells whether its writer is alive (removeStaleTempFiles). */
function tempSuffix(): string {
  tempCounter = (tempCounter + 1n) & 0xffff_ffff_ffff_ffffn;
  return `${process.pid}-${tempCounter.toString(16).padStart(16, '0')}`;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Makes a rename/unlink in `dir` durable. Not possible (nor needed) on Windows. */
export function fsyncDirectory(dir: string): void {
  if (isWindows) return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Creates missing directories as 0700 (chmod too, since mkdir's mode is filtered by the umask); true if it created any. */
export function ensureDirectory(dir: string): boolean {
  const firstCreated = mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  if (firstCreated === undefined) return false;
  if (isWindows) return true;
  let current = firstCreated;
  chmodSync(current, DIR_MODE);
  for (const part of relative(firstCreated, dir).split(sep).filter(Boolean)) {
    current = join(current, part);
    chmodSync(current, DIR_MODE);
  }
  return true;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/**
 * Removes temp files left by a writer that died mid-write. Only our own
 * naming pattern is touched, and only when the writing process is gone (or is
 * us, and the write is not one of ours still in progress).
 */
function removeStaleTempFiles(filePath: string): void {
  const dir = dirname(filePath);
  const prefix = tempPrefix(filePath);
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)-[0-9a-f]{16}$/.exec(name.slice(prefix.length));
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && isProcessAlive(pid)) continue;
    const tempPath = join(dir, name);
    if (liveTempFiles.has(tempPath)) continue;
    try {
      if (lstatSync(tempPath).isFile()) unlinkSync(tempPath);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }
}

/** Windows can briefly refuse a rename while antivirus or an indexer holds the target open. */
function renameWithRetry(from: string, to: string): void {
  for (let attempt = 1; ; attempt++) {
    try {
      renameSync(from, to);
      return;
    } catch (error) {
      const code = errorCode(error);
      const transient = isWindows && (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY');
      if (!transient || attempt >= 5) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20 * attempt);
    }
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

// fatal: reject invalid UTF-8 instead of silently substituting U+FFFD;
// ignoreBOM false: strip a leading BOM that some editors add when hand-editing.
// One decoder for every file: decode() without `stream` keeps no state between calls, and an
// unlock reads a file per shard.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The JSON in `bytes`; StoreCorruptError (naming `filePath`) when it is empty, not UTF-8 or not JSON. */
export function decode(filePath: string, bytes: Buffer): unknown {
  if (bytes.length === 0) throw new StoreCorruptError(filePath, 'the file is empty');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new StoreCorruptError(filePath, 'the file is not valid UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new StoreCorruptError(filePath, 'the file is not valid JSON');
  }
}

/** A document as stored: indented JSON (one line when `compact`, or `serialise`'s text) and a final newline. */
export function encode(doc: unknown, compact = false, serialise?: (doc: unknown) => string): Buffer {
  const text = serialise ? serialise(doc) : compact ? JSON.stringify(doc) : JSON.stringify(doc, null, 2);
  if (text === undefined) throw new TypeError('The document is not representable as JSON');
  return Buffer.from(`${text}\n`, 'utf8');
}

function decodeVersioned(filePath: string, bytes: Buffer, version: FileVersion): VersionedDocument {
  try {
    return { value: decode(filePath, bytes), version };
  } catch (error) {
    if (error instanceof StoreCorruptError) error.version = version;
    throw error;
  }
}

export interface DurableWriteOptions {
  readonly mode?: number;
  /** Fsync the folder after the rename (default); leave it out when the caller fsyncs once after several files. */
  readonly syncDirectory?: boolean;
  /** TESTS ONLY: called with the temp file written and fsynced, just before the rename. */
  readonly beforeRename?: () => void;
}

/**
 * Replaces `filePath` with `bytes` atomically: a temp file beside it (`.<name>.tmp-<pid>-<hex>`,
 * which the file's store removes if its writer died), written, fsynced, renamed over it, then
 * the folder fsynced. Returns the version written.
 */
export function writeFileDurably(filePath: string, bytes: Buffer, options: DurableWriteOptions = {}): FileVersion {
  const mode = options.mode ?? 0o600;
  const dir = dirname(filePath);
  const tempPath = join(dir, `${tempPrefix(filePath)}${tempSuffix()}`);
  let version: FileVersion;
  // 'wx': never follow or reuse an existing file at the temp name.
  const fd = openSync(tempPath, 'wx', mode);
  try {
    try {
      if (!isWindows) fchmodSync(fd, mode); // the open() mode was filtered by the umask
      writeAll(fd, bytes);
      // Data must be on disk before the rename is, or a crash could leave a renamed-but-empty file.
      fsyncSync(fd);
      version = versionOf(fstatSync(fd, { bigint: true }));
    } finally {
      closeSync(fd);
    }
    options.beforeRename?.();
    renameWithRetry(tempPath, filePath);
  } catch (error) {
    try {
      unlinkSync(tempPath);
    } catch {
      // Already renamed or never created; the original error is what matters.
    }
    throw error;
  }
  if (options.syncDirectory ?? true) fsyncDirectory(dir);
  return version;
}

export function openJsonFileStore(filePath: string, options: JsonFileStoreOptions = {}): JsonFileStore {
  const mode = options.mode ?? 0o600;
  const dir = dirname(filePath);
  ensureDirectory(dir);
  removeStaleTempFiles(filePath);
  // Same directory as the target, so the rename is atomic (same filesystem).
  const newTempPath = () => join(dir, `${tempPrefix(filePath)}${tempSuffix()}`);

  const readVersioned = (): VersionedDocument | undefined => {
    let fd: number;
    try {
      fd = openSync(filePath, 'r');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const version = versionOf(fstatSync(fd, { bigint: true }));
      return decodeVersioned(filePath, readFileSync(fd), version);
    } finally {
      closeSync(fd);
    }
  };

  return {
    path: filePath,
    read: () => readVersioned()?.value,
    readVersioned,
    async readVersionedAsync() {
      let handle;
      try {
        handle = await fsPromises.open(filePath, 'r');
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return undefined;
        throw error;
      }
      try {
        const version = versionOf(await handle.stat({ bigint: true }));
        return decodeVersioned(filePath, await handle.readFile(), version);
      } finally {
        await handle.close();
      }
    },
    version() {
      try {
        return versionOf(statSync(filePath, { bigint: true }));
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return undefined;
        throw error;
      }
    },
    write(doc) {
      return writeFileDurably(filePath, encode(doc, options.compact, options.serialise), { mode });
    },
    async prepare(doc) {
      const bytes = encode(doc, options.compact, options.serialise);
      const tempPath = newTempPath();
      liveTempFiles.add(tempPath);
      const discard = async () => {
        liveTempFiles.delete(tempPath);
        await fsPromises.unlink(tempPath).catch(() => undefined);
      };
      let version: FileVersion;
      try {
        const handle = await fsPromises.open(tempPath, 'wx', mode);
        try {
          if (!isWindows) await handle.chmod(mode);
          await handle.writeFile(bytes);
          await handle.sync();
          version = versionOf(await handle.stat({ bigint: true }));
        } finally {
          await handle.close();
        }
      } catch (error) {
        await discard();
        throw error;
      }
      return {
        version,
        commit() {
          try {
            renameWithRetry(tempPath, filePath);
          } catch (error) {
            void discard();
            throw error;
          }
          liveTempFiles.delete(tempPath);
        },
        discard,
      };
    },
    async syncDirectory() {
      if (isWindows) return;
      const handle = await fsPromises.open(dir, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
  };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** UTC, so the name does not depend on the machine's time zone or DST. */
function timestamp(now: Date): string {
  return (
    `${pad(now.getUTCFullYear(), 4)}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}-` +
    `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`
  );
}

/** Renames without ever replacing an existing file; false if `to` exists. */
function renameNoClobber(from: string, to: string): boolean {
  try {
    // link() fails with EEXIST instead of overwriting, atomically.
    linkSync(from, to);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') return false;
    // Filesystems without hard links (FAT, some network shares): check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
    try {
      lstatSync(to);
      return false;
    } catch (statError) {
      if (errorCode(statError) !== 'ENOENT') throw statError;
    }
    renameSync(from, to);
    return true;
  }
  unlinkSync(from);
  return true;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Moves a corrupt file out of the way as `<name>.corrupt-<YYYYMMDD-HHmmss>.json`
 * (suffixed -2, -3, ... if that exists) so the app can start fresh while the
 * user's data stays recoverable. Returns the new path.
 *
 * `along` names what belongs with the file: for each suffix, `<stem><suffix>` beside it (a
 * file or a folder), moved first, to `<new stem><suffix>`. A crash in between leaves the file
 * where it was and the rest already aside: nothing of it is lost or mistaken for the fresh start.
 */
export function moveAside(filePath: string, now: Date | number = Date.now(), along: readonly string[] = []): string {
  const dir = dirname(filePath);
  const ext = extname(filePath);
  const stem = ext === '.json' ? basename(filePath, ext) : basename(filePath);
  const stamp = timestamp(new Date(now));
  const companions = along.map((suffix) => ({ suffix, at: join(dir, `${stem}${suffix}`) })).filter((companion) => exists(companion.at));
  for (let n = 1; n <= 1000; n++) {
    const asideStem = `${stem}.corrupt-${stamp}${n === 1 ? '' : `-${n}`}`;
    const target = join(dir, `${asideStem}.json`);
    if (exists(target) || companions.some((companion) => exists(join(dir, `${asideStem}${companion.suffix}`)))) continue;
    for (const companion of companions) {
      const to = join(dir, `${asideStem}${companion.suffix}`);
      renameWithRetry(companion.at, to);
      companion.at = to;
    }
    if (companions.length > 0) fsyncDirectory(dir);
    if (renameNoClobber(filePath, target)) {
      fsyncDirectory(dir);
      return target;
    }
  }
  throw new Error(`Too many corrupt copies of ${filePath} for ${stamp}`);
}

/** Deletes a file durably; no error if it is already gone. */
export function removeFile(filePath: string): void {
  try {
    unlinkSync(filePath);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  fsyncDirectory(dirname(filePath));
}
