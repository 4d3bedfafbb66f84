import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vaultChildrenPerTest } from '../test-support/vault-child-process';
import { folderLock, FolderLockBusyError } from './folder-lock';

const { freshDir, start } = vaultChildrenPerTest('keymint-lock-');

/** Above Linux's default pid_max, so never a live process. */
const DEAD_PID = 2 ** 22 + 12345;
const lockFile = (dir: string) => join(dir, '.keymint.lock');
const writeLock = (dir: string, holder: object) => writeFileSync(lockFile(dir), JSON.stringify({ host: hostname(), nonce: 'theirs', ...holder }));

describe('folder lock', () => {
  it('lets one process in at a time: two processes contending lose no increment', { timeout: 30_000 }, async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'counter'), '0');
    const rounds = 300;
    const racers = [start(['lock-count', dir, String(rounds)]), start(['lock-count', dir, String(rounds)])];
    await Promise.all(racers.map((child) => child.exited));
    expect(racers.map((child) => child.lines)).toEqual([['done'], ['done']]);
    expect(Number(readFileSync(join(dir, 'counter'), 'utf8'))).toBe(2 * rounds);
  });

  it('takes over a lock left by a process that died', () => {
    const dir = freshDir();
    writeLock(dir, { pid: DEAD_PID, at: Date.now() });
    const started = Date.now();
    folderLock(dir, { waitMs: 2_000 }).withLock(() => {
      expect(JSON.parse(readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ pid: process.pid });
    });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(() => statSync(lockFile(dir))).toThrow();
  });

  it('takes over a lock older than any hold can last, even when its pid is alive (hung, or reused)', () => {
    const dir = freshDir();
    writeLock(dir, { pid: process.ppid, at: Date.now() - 60_000 });
    expect(folderLock(dir, { staleMs: 10_000 }).withLock(() => 'in')).toBe('in');
  });

  it('takes over a lock with our pid that none of our holds made (a previous process had the pid)', () => {
    const dir = freshDir();
    writeLock(dir, { pid: process.pid, at: Date.now() });
    expect(folderLock(dir).withLock(() => 'in')).toBe('in');
  });

  it('judges a lock file without a holder (its writer died before writing) by its age', () => {
    const dir = freshDir();
    writeFileSync(lockFile(dir), '');
    expect(() => folderLock(dir, { waitMs: 100 }).acquire()).toThrow(FolderLockBusyError);
    expect(folderLock(dir, { waitMs: 2_000, staleMs: 300 }).withLock(() => 'in')).toBe('in');
  });

  it('makes the other wait while a live process holds it, then fails clearly, and goes on once that process is gone', async () => {
    const dir = freshDir();
    const holder = start(['lock-hold', dir]);
    await holder.line('held');
    const lock = folderLock(dir, { waitMs: 400 });
    const started = Date.now();
    let failure: unknown;
    try {
      lock.acquire();
    } catch (error) {
      failure = error;
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(failure).toBeInstanceOf(FolderLockBusyError);
    expect((failure as Error).message).toMatch(new RegExp(`The vault is busy: another Keymint process \\(pid ${holder.process.pid}\\).*Nothing was changed; try again\\.`));

    holder.process.kill('SIGKILL');
    await holder.exited;
    expect(lock.withLock(() => 'in')).toBe('in');
  });

  it('refuses a hold taken inside another at once, instead of waiting on itself', () => {
    const dir = freshDir();
    const lock = folderLock(dir, { waitMs: 5_000 });
    const started = Date.now();
    expect(() => lock.withLock(() => folderLock(dir).withLock(() => 'inner'))).toThrow(/already held by this process/);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(lock.withLock(() => 'again')).toBe('again');
  });

  it('clears the side files of processes killed while creating the lock, and only those', () => {
    const dir = freshDir();
    const dead = `.keymint.lock.${DEAD_PID}-0123456789abcdef`;
    const live = `.keymint.lock.${process.ppid}-0123456789abcdef`;
    for (const name of [dead, live]) writeFileSync(join(dir, name), '{}');
    folderLock(dir).withLock(() => undefined);
    expect(readdirSync(dir)).toEqual([live]);
  });

  it.runIf(process.platform !== 'win32')('is a file only its owner can read', () => {
    const dir = freshDir();
    folderLock(dir).withLock(() => expect(statSync(lockFile(dir)).mode & 0o777).toBe(0o600));
  });

  it('never removes a lock that was taken over from it', () => {
    const dir = freshDir();
    const held = folderLock(dir).acquire();
    writeLock(dir, { pid: DEAD_PID + 1, at: Date.now(), nonce: 'newer' });
    held.release();
    expect(JSON.parse(readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ nonce: 'newer' });
  });
});
