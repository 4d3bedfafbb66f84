import { hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_BYTES, open, seal } from '../core';

/**
 * `keymint unlock` sessions. The design, in short (README "Command line" has the long form):
 *
 * - KEYMINT_SESSION is `<id>.<secret>`: a random 128-bit id naming a file and a random 256-bit
 *   secret that is never written anywhere by Keymint.
 * - The file, <vault>/cli-sessions/<id>.json (0600, folder 0700), holds the vault's data key and
 *   its binding to the vault's unlock methods, sealed with AES-256-GCM under a key derived from
 *   the secret (HKDF-SHA256, salted with the id). Its idle deadline is authenticated with it.
 * - So the variable alone opens nothing (no file, no key), and the file alone opens nothing
 *   (no secret). A secret is 256 random bits: no passphrase stretching is needed, which is the
 *   point, since scrypt is what makes every other unlock slow.
 * - Each use seals the key again with a new deadline (30 minutes idle by default); a use after
 *   the deadline deletes the file. `keymint lock` deletes it. A changed passphrase or unlock
 *   method refuses every session opened before (the binding no longer matches).
 */
export const SESSION_VARIABLE = 'KEYMINT_SESSION';
export const DEFAULT_IDLE_MS = 30 * 60_000;
const FOLDER = 'cli-sessions';
const VERSION = 1;
const ID_BYTES = 16;
const SECRET_BYTES = 32;
const BINDING_BYTES = 32;

export interface SessionKey {
  dataKey: Buffer;
  binding: Buffer;
}

interface SessionRecord {
  v: number;
  /** Epoch ms after which the session is over. */
  deadline: number;
  /** How long each use extends it. */
  idleMs: number;
  iv: string;
  sealed: string;
}

/** Why a session did not open; the words say what to do, and never quote the variable. */
export class SessionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SessionError';
  }
}

const folderOf = (vaultDir: string) => join(vaultDir, FOLDER);
const fileOf = (vaultDir: string, id: string) => join(folderOf(vaultDir), `${id}.json`);
const aadOf = (id: string, deadline: number, idleMs: number) => Buffer.from(`keymint:cli-session:v${VERSION}:${id}:${deadline}:${idleMs}`);

function wrappingKey(secret: Buffer, id: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.from(id), `keymint:cli-session:v${VERSION}`, KEY_BYTES));
}

function parseVariable(value: string): { id: string; secret: Buffer } {
  const match = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value.trim());
  if (!match) throw new SessionError(`${SESSION_VARIABLE} is not a Keymint session. Run eval "$(keymint unlock)" again.`);
  return { id: match[1] as string, secret: Buffer.from(match[2] as string, 'base64url') };
}

/** Seals `key` for a new session; returns the value for KEYMINT_SESSION. */
export function createSession(vaultDir: string, key: SessionKey, now: number, idleMs = DEFAULT_IDLE_MS): string {
  const id = randomBytes(ID_BYTES).toString('base64url');
  const secret = randomBytes(SECRET_BYTES);
  mkdirSync(folderOf(vaultDir), { recursive: true, mode: 0o700 });
  chmodSync(folderOf(vaultDir), 0o700);
  write(vaultDir, id, secret, key, now + idleMs, idleMs);
  removeExpired(vaultDir, now);
  const value = `${id}.${secret.toString('base64url')}`;
  secret.fill(0);
  return value;
}

/**
 * The key of the session the variable names, its deadline extended from `now`. Throws
 * SessionError when there is no such session, it expired (the file is then deleted) or the
 * variable does not open the file.
 */
export function openSession(vaultDir: string, variable: string, now: number): SessionKey {
  const { id, secret } = parseVariable(variable);
  const path = fileOf(vaultDir, id);
  let record: SessionRecord;
  try {
    record = JSON.parse(readFileSync(path, 'utf8')) as SessionRecord;
  } catch {
    throw new SessionError('The session has ended (keymint lock, or it expired). Run eval "$(keymint unlock)" again.');
  }
  if (typeof record !== 'object' || record === null || record.v !== VERSION || !Number.isSafeInteger(record.deadline) || !Number.isSafeInteger(record.idleMs)) {
    throw new SessionError('The session file is not one this Keymint reads. Run eval "$(keymint unlock)" again.');
  }
  if (now >= record.deadline) {
    rmSync(path, { force: true });
    throw new SessionError(`The session expired after ${Math.round(record.idleMs / 60_000) || '<1'} minutes without use. Run eval "$(keymint unlock)" again.`);
  }
  const wrapping = wrappingKey(secret, id);
  const plain = open(wrapping, Buffer.from(String(record.iv), 'base64url'), Buffer.from(String(record.sealed), 'base64url'), aadOf(id, record.deadline, record.idleMs));
  if (!plain || plain.length !== KEY_BYTES + BINDING_BYTES) {
    wrapping.fill(0);
    secret.fill(0);
    throw new SessionError(`${SESSION_VARIABLE} does not open this vault's session. Run eval "$(keymint unlock)" again.`);
  }
  const key = { dataKey: Buffer.from(plain.subarray(0, KEY_BYTES)), binding: Buffer.from(plain.subarray(KEY_BYTES)) };
  plain.fill(0);
  wrapping.fill(0);
  // Used now: idle from now on.
  write(vaultDir, id, secret, key, now + record.idleMs, record.idleMs);
  secret.fill(0);
  return key;
}

/** Ends the session the variable names (nothing when there is none). */
export function endSession(vaultDir: string, variable: string): void {
  rmSync(fileOf(vaultDir, parseVariable(variable).id), { force: true });
}

/** Ends every session of this vault. */
export function endAllSessions(vaultDir: string): void {
  rmSync(folderOf(vaultDir), { recursive: true, force: true });
}

function write(vaultDir: string, id: string, secret: Buffer, key: SessionKey, deadline: number, idleMs: number): void {
  const wrapping = wrappingKey(secret, id);
  const plain = Buffer.concat([key.dataKey, key.binding]);
  const { iv, body } = seal(wrapping, plain, aadOf(id, deadline, idleMs));
  plain.fill(0);
  wrapping.fill(0);
  const record: SessionRecord = { v: VERSION, deadline, idleMs, iv: iv.toString('base64url'), sealed: body.toString('base64url') };
  const path = fileOf(vaultDir, id);
  // Whole or not at all, never readable by others: a temp file beside it, renamed over it.
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, JSON.stringify(record), { mode: 0o600, flag: 'wx' });
  renameSync(temp, path);
}

/** Files of sessions past their deadline: their keys are of no use to anyone, so they go. */
function removeExpired(vaultDir: string, now: number): void {
  for (const name of readdirSync(folderOf(vaultDir))) {
    const path = join(folderOf(vaultDir), name);
    try {
      const record = JSON.parse(readFileSync(path, 'utf8')) as Partial<SessionRecord>;
      if (typeof record.deadline !== 'number' || record.deadline <= now) rmSync(path, { force: true });
    } catch {
      // Another process is writing or removing it; its own use decides.
    }
  }
}
