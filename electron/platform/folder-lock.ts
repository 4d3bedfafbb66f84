import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, linkSync, openSync, readdirSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * A lock shared by every process of the user on one folder: a lock file, created only if there
 * is none (link(), else O_EXCL), that names its holder (pid, host, time, a random nonce). Node
 * has no flock(), and a native addon is not an option, so this is the portable kind; it works
 * on local and network disks.
 *
 * Holds are short and synchronous (a read-modify-write of one file), so acquiring waits
 * synchronously, for a bounded time, and then fails with a clear error. A lock whose holder
 * is gone (dead pid on this host) or that is older than any hold can last is taken over.
 */

export interface FolderLockOptions {
  /** How long acquire() waits for a live holder before giving up; default 3 s. */
  readonly waitMs?: number;
  /** A lock older than this is taken over even if its holder seems alive (hung, stopped, pid reused); default 10 s. */
  readonly staleMs?: number;
  /** The lock file's name in the folder. */
  readonly name?: string;
}

export interface FolderLock {
  readonly path: string;
  /** Takes the lock, waiting for another holder; throws FolderLockBusyError after the wait bound. */
  acquire(): HeldLock;
  /** Runs `work` holding the lock. */
  withLock<T>(work: () => T): T;
}

export interface HeldLock {
  release(): void;
}

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly at: number;
  readonly nonce: string;
}

export class FolderLockBusyError extends Error {
  readonly code = 'busy' as const;

  constructor(lockPath: string, holder: Holder | undefined, waitedMs: number) {
    const who = holder ? `another Keymint process (pid ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`})` : 'another Keymint process';
    super(`The vault is busy: ${who} has held ${lockPath} for longer than ${(waitedMs / 1000).toFixed(1)} s. Nothing was changed; try again.`);
    this.name = 'FolderLockBusyError';
  }
}

const DEFAULT_WAIT_MS = 3_000;
const DEFAULT_STALE_MS = 10_000;
/** Removing a stale lock is itself guarded; that guard is held for microseconds. */
const GUARD_STALE_MS = 2_000;

/** Nonces of the locks this process holds now: a lock file with our pid and another nonce is a leftover. */
const heldHere = new Set<string>();

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** The holder named in a lock file, with the file's age as a fallback; undefined when there is no lock. */
function readHolder(path: string): { holder: Holder | undefined; modifiedAt: number } | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const modifiedAt = fstatSync(fd).mtimeMs;
    let holder: Holder | undefined;
    try {
      const parsed = JSON.parse(readFileSync(fd, 'utf8')) as Partial<Holder>;
      if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.at === 'number' && typeof parsed.nonce === 'string') {
        holder = parsed as Holder;
      }
    } catch {
      // Created but not yet written (or its writer died in between): judged by the file's age.
    }
    return { holder, modifiedAt };
  } finally {
    closeSync(fd);
  }
}

function isStale(found: { holder: Holder | undefined; modifiedAt: number }, staleMs: number, now: number): boolean {
  const { holder } = found;
  if (now - (holder?.at ?? found.modifiedAt) > staleMs) return true;
  if (!holder || holder.host !== hostname()) return false;
  // Our pid but none of our holds: left by an earlier process that had the same pid.
  if (holder.pid === process.pid) return !heldHere.has(holder.nonce);
  return !isProcessAlive(holder.pid);
}

/**
 * Removes a stale lock, unless it changed since it was judged. Only one process at a time
 * does this (the guard file), so two of them cannot both remove a lock and one of them
 * unknowingly delete the fresh lock the other has just created.
 */
function removeStale(path: string, judged: Holder | undefined, judgedModifiedAt: number, now: number): boolean {
  const guard = `${path}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx', 0o600);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
    const other = readHolder(guard);
    if (other && now - other.modifiedAt > GUARD_STALE_MS) unlinkQuietly(guard);
    return false;
  }
  try {
    const current = readHolder(path);
    const same = current && (judged ? current.holder?.nonce === judged.nonce : current.holder === undefined && current.modifiedAt === judgedModifiedAt);
    if (same) unlinkQuietly(path);
    return true;
  } finally {
    closeSync(fd);
    unlinkQuietly(guard);
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

/**
 * Creates the lock file with its holder already in it: written beside, then hard-linked into
 * place (link() fails if the lock exists, atomically). A process killed midway leaves at most
 * its own side file, never an empty lock nobody could judge. Filesystems without hard links
 * get O_EXCL and a write, where that gap remains (judged by the file's age).
 */
function tryCreate(path: string, holder: Holder): boolean {
  const side = `${path}.${holder.pid}-${holder.nonce}`;
  writeFileSync(side, JSON.stringify(holder), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(side, path);
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
    return createExclusive(path, holder);
  } finally {
    unlinkQuietly(side);
  }
}

function createExclusive(path: string, holder: Holder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Side files of processes killed while creating the lock. */
function removeDeadSideFiles(dir: string, lockName: string): void {
  for (const name of readdirSync(dir)) {
    const match = name.startsWith(`${lockName}.`) ? /^(\d+)-[0-9a-f]{16}$/.exec(name.slice(lockName.length + 1)) : null;
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && !isProcessAlive(pid)) unlinkQuietly(join(dir, name));
  }
}

export function folderLock(dir: string, options: FolderLockOptions = {}): FolderLock {
  const name = options.name ?? '.keymint.lock';
  const path = join(dir, name);
  removeDeadSideFiles(dir, name);
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;

  const acquire = (): HeldLock => {
    const started = Date.now();
    const holder: Holder = { pid: process.pid, host: hostname(), at: started, nonce: randomBytes(8).toString('hex') };
    let pause = 1;
    let lastSeen: Holder | undefined;
    for (;;) {
      const now = Date.now();
      if (tryCreate(path, { ...holder, at: now })) break;
      const found = readHolder(path);
      if (!found) continue;
      if (found.holder?.pid === process.pid && found.holder.host === holder.host && heldHere.has(found.holder.nonce)) {
        // Holds are synchronous, so this is a hold taken inside another: waiting would never end.
        throw new Error(`${path} is already held by this process: a vault change ran inside another.`);
      }
      lastSeen = found.holder;
      if (isStale(found, staleMs, now) && removeStale(path, found.holder, found.modifiedAt, now)) continue;
      if (now - started >= waitMs) throw new FolderLockBusyError(path, lastSeen, now - started);
      sleepSync(pause);
      pause = Math.min(pause * 2, 20);
    }
    heldHere.add(holder.nonce);
    let released = false;
    return {
      release() {
        if (released) return;
        released = true;
        heldHere.delete(holder.nonce);
        // Only our own lock: one taken over from us (we were too slow) belongs to someone else now.
        if (readHolder(path)?.holder?.nonce === holder.nonce) unlinkQuietly(path);
      },
    };
  };

  return {
    path,
    acquire,
    withLock(work) {
      const held = acquire();
      try {
        return work();
      } finally {
        held.release();
      }
    },
  };
}
