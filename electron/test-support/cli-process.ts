import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Builds the `keymint` bundle as `npm run build` does, into a folder of this test run's own. */
export function buildCli(): string {
  const outfile = join(mkdtempSync(join(tmpdir(), 'keymint-cli-build-')), 'bin', 'keymint.cjs');
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), outfile], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the CLI failed: ${built.stderr}`);
  return outfile;
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  /** Written to its stdin, which is then closed. */
  input?: string;
  /** Called once it runs (to signal it). */
  started?: (child: ChildProcess) => void;
}

/**
 * The built CLI as a script runs it: a process of its own, stdin a pipe (never a terminal),
 * with only the environment given (plus PATH and HOME): nothing of the developer's own vault,
 * session or keyring leaks in.
 */
export function runCli(cli: string, args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  // Its V8 code cache beside the build, not in the developer's ~/.cache (later runs use it, as installed).
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: join(dirname(cli), '..', 'cache'), ...options.env };
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
    child.stdin.end(options.input ?? '');
    options.started?.(child);
  });
}
