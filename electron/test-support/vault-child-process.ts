import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, afterEach } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

/**
 * TESTS ONLY. Runs vault-child.ts as a separate `node` process: the real store, lock and
 * repository code, bundled once per test file (Node 20 runs no TypeScript by itself).
 */
let script: string | undefined;

function childScript(): string {
  if (script) return script;
  const outfile = join(mkdtempSync(join(tmpdir(), 'keymint-child-')), 'vault-child.mjs');
  buildSync({ entryPoints: [join(import.meta.dirname, 'vault-child.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'error' });
  script = outfile;
  return outfile;
}

export interface VaultChild {
  readonly process: ChildProcess;
  /** Complete lines it printed so far. */
  readonly lines: string[];
  /** Resolves with the first line starting with `prefix` (rejects if it exits first). */
  line(prefix: string): Promise<string>;
  /** Resolves when it exits; rejects when it failed (a kill by the test is not a failure). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startVaultChild(args: readonly string[]): VaultChild {
  const child = spawn(process.execPath, [childScript(), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiting: { prefix: string; resolve: (line: string) => void }[] = [];
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    const complete = stdout.split('\n');
    stdout = complete.pop() ?? '';
    for (const line of complete) {
      lines.push(line);
      for (const wait of waiting.filter((w) => line.startsWith(w.prefix))) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve(line);
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0 && signal === null) reject(new Error(`child ${args.join(' ')} failed (${code}): ${stderr}`));
      else resolve({ code, signal });
    });
  });
  return {
    process: child,
    lines,
    exited,
    line(prefix) {
      const found = lines.find((line) => line.startsWith(prefix));
      if (found !== undefined) return Promise.resolve(found);
      return Promise.race([
        new Promise<string>((resolve) => waiting.push({ prefix, resolve })),
        exited.then(() => {
          throw new Error(`child exited before printing "${prefix}": ${lines.join(' | ')}`);
        }),
      ]);
    },
  };
}

/**
 * For a test file: fresh folders under one temporary root (removed after the file), and vault
 * children that are killed after each test, whatever happened in it.
 */
export function vaultChildrenPerTest(prefix: string): { freshDir(): string; start(args: string[]): VaultChild } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let caseNumber = 0;
  const children: VaultChild[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.process.kill('SIGKILL');
  });
  return {
    freshDir: () => mkdtempSync(join(root, `case-${(caseNumber += 1)}-`)),
    start: (args) => {
      const child = startVaultChild(args);
      children.push(child);
      return child;
    },
  };
}
