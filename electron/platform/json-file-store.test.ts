import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreCorruptError, moveAside, openJsonFileStore } from './json-file-store';

const isPosix = process.platform !== 'win32';
let root: string;
let caseNumber = 0;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'keymint-store-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function freshDir(): string {
  caseNumber += 1;
  return join(root, `case-${caseNumber}`);
}

function expectCorrupt(read: () => unknown): StoreCorruptError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as StoreCorruptError).code).toBe('corrupt');
    return error as StoreCorruptError;
  }
  throw new Error('expected StoreCorruptError');
}

describe('json file store', () => {
  it('round-trips a document and reads a missing file as undefined', () => {
    const store = openJsonFileStore(join(freshDir(), 'nested', 'settings.json'), { mode: 0o600 });
    expect(store.read()).toBeUndefined();
    const doc = { vault: { passphrase: { kind: 'passphrase' } }, list: [1, 'two', null], text: 'ünï 🔑' };
    store.write(doc);
    expect(store.read()).toEqual(doc);
    store.write({ replaced: true });
    expect(openJsonFileStore(store.path).read()).toEqual({ replaced: true });
  });

  it.runIf(isPosix)('creates the file as 0600 and new directories as 0700, leaving no temp files', () => {
    const dir = freshDir();
    const store = openJsonFileStore(join(dir, 'a', 'b', 'settings.json'), { mode: 0o600 });
    store.write({ a: 1 });
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'a')).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'a', 'b')).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['settings.json']);
  });

  it.runIf(isPosix)('tightens the mode of a file that was looser', () => {
    const store = openJsonFileStore(join(freshDir(), 'settings.json'));
    writeFileSync(store.path, '{}');
    chmodSync(store.path, 0o644);
    store.write({ a: 1 });
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
  });

  it('refuses values JSON cannot represent', () => {
    const store = openJsonFileStore(join(freshDir(), 'settings.json'));
    expect(() => store.write(undefined)).toThrow(TypeError);
    expect(() => store.write({ n: 10n })).toThrow(TypeError);
    expect(store.read()).toBeUndefined();
  });

  it('reports corrupt, truncated, empty and non-UTF-8 files without touching them', () => {
    const store = openJsonFileStore(join(freshDir(), 'settings.json'));
    const valid = Buffer.from(JSON.stringify({ secret: 'v1.abc.def', list: [1, 2, 3] }));
    const cases = [valid.subarray(0, valid.length - 5), Buffer.from('{"a": tru'), Buffer.from(''), Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), Buffer.from('not json')];
    for (const bytes of cases) {
      writeFileSync(store.path, bytes);
      const error = expectCorrupt(() => store.read());
      expect(error.message).not.toContain('v1.abc');
      expect(readFileSync(store.path)).toEqual(bytes);
      // Opening again must not "repair" it either.
      expectCorrupt(() => openJsonFileStore(store.path).read());
      expect(readFileSync(store.path)).toEqual(bytes);
    }
  });

  it('accepts a leading BOM from hand-editing', () => {
    const store = openJsonFileStore(join(freshDir(), 'settings.json'));
    writeFileSync(store.path, '\ufeff{"a":1}');
    expect(store.read()).toEqual({ a: 1 });
  });

  it('reads a good file right after a bad one (one UTF-8 decoder serves every read)', () => {
    const store = openJsonFileStore(join(freshDir(), 'settings.json'));
    // A file cut inside a character, then a whole one that starts with a BOM and holds non-ASCII text.
    writeFileSync(store.path, Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe2, 0x82]));
    expectCorrupt(() => store.read());
    writeFileSync(store.path, '\ufeff{"a":"€ ✓"}');
    expect(store.read()).toEqual({ a: '€ ✓' });
  });

  it('moveAside names the copy by UTC time and never overwrites', () => {
    const dir = freshDir();
    const store = openJsonFileStore(join(dir, 'settings.json'));
    const when = Date.UTC(2025, 2, 4, 5, 6, 7);
    writeFileSync(store.path, 'first');
    const first = moveAside(store.path, when);
    expect(first).toBe(join(dir, 'settings.corrupt-20250304-050607.json'));
    writeFileSync(store.path, 'second');
    const second = moveAside(store.path, new Date(when));
    expect(second).toBe(join(dir, 'settings.corrupt-20250304-050607-2.json'));
    expect(readFileSync(first, 'utf8')).toBe('first');
    expect(readFileSync(second, 'utf8')).toBe('second');
    expect(store.read()).toBeUndefined();
  });

  it('cleans up only its own stale temp files on open', () => {
    const dir = freshDir();
    const store = openJsonFileStore(join(dir, 'settings.json'));
    store.write({ keep: true });
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max default, so never alive
    const ours = `.settings.json.tmp-${deadPid}-0123456789abcdef`;
    const live = `.settings.json.tmp-${process.ppid}-0123456789abcdef`;
    const foreign = ['.other.json.tmp-1-0123456789abcdef', '.settings.json.tmp-notes', 'settings.json.bak'];
    for (const name of [ours, live, ...foreign]) writeFileSync(join(dir, name), 'partial');
    openJsonFileStore(store.path);
    expect(readdirSync(dir).sort()).toEqual([live, ...foreign, 'settings.json'].sort());
    expect(store.read()).toEqual({ keep: true });
  });
});

describe('json file store crash safety', () => {
  // The child runs in plain `node` (Node 20 has no TypeScript loader and tsx is
  // not a dependency), so we transpile json-file-store.ts, which imports only
  // node:* modules, into a temporary .mjs with the project's own TypeScript.
  let storeModule: string;
  const childScript = fileURLToPath(new URL('./json-file-store.crash-child.mjs', import.meta.url));

  beforeAll(() => {
    const source = readFileSync(fileURLToPath(new URL('./json-file-store.ts', import.meta.url)), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    storeModule = join(root, 'json-file-store.mjs');
    writeFileSync(storeModule, outputText);
  });

  /** Runs the child and SIGKILLs it shortly after its `killAfter`-th save; returns the last save it reported. */
  function runAndKill(filePath: string, killAfter: number): Promise<{ lastReported: number; killed: boolean }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [childScript, storeModule, filePath, '200'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      let reports = 0;
      let killScheduled = false;
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        reports = stdout.split('\n').filter((line) => line.startsWith('saved ')).length;
        if (!killScheduled && reports >= killAfter) {
          killScheduled = true;
          // 0-2 ms later lands at varying points of the next write (open, write, fsync, rename).
          setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 3));
        }
      });
      child.on('error', reject);
      child.on('close', (code, signal) => {
        if (signal !== 'SIGKILL' && code !== 0) return reject(new Error(`child failed (${code}): ${stderr}`));
        // Only complete lines count: a torn final line was not fully reported.
        const complete = stdout.slice(0, stdout.lastIndexOf('\n') + 1);
        const numbers = [...complete.matchAll(/^saved (\d+)$/gm)].map((match) => Number(match[1]));
        resolve({ lastReported: numbers.length ? Math.max(...numbers) : 0, killed: signal === 'SIGKILL' });
      });
    });
  }

  it('never leaves a corrupt file and keeps every reported save when SIGKILLed mid-write', { timeout: 20_000 }, async () => {
    const filePath = join(freshDir(), 'settings.json');
    let previous = 0;
    let kills = 0;
    for (let run = 0; run < 8; run++) {
      const { lastReported, killed } = await runAndKill(filePath, 1 + Math.floor(Math.random() * 150));
      if (killed) kills += 1;
      const store = openJsonFileStore(filePath);
      const doc = store.read() as { seq: number; padding: string } | undefined;
      expect(doc).toBeDefined();
      const seq = doc?.seq ?? 0;
      // Every reported save is durable; at most one more (renamed, then killed before printing).
      expect(seq).toBeGreaterThanOrEqual(Math.max(lastReported, previous));
      expect(seq).toBeLessThanOrEqual(Math.max(lastReported, previous) + 1);
      expect(doc?.padding).toHaveLength(64 * 1024);
      // Opening removed the dead child's temp file, if any.
      expect(readdirSync(join(filePath, '..'))).toEqual(['settings.json']);
      previous = seq;
    }
    expect(kills).toBeGreaterThan(0);
  });
});
