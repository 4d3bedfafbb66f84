import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sideBySide } from './measure';
import type { BenchResult } from './results';
import { CLIENT_ID, CLIENT_SECRET, startEndpoint } from './token-bench';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli/keymint.cjs');
const RUNS = 41;

/** Runs a process to its end; rejects unless it exits 0. Output is read and dropped, as a script would take it. */
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited ${code}: ${errors.trim()}`))));
  });
}

/**
 * The command line as a script runs it, a new process each time, against the floors it cannot
 * beat: a cached `keymint header NAME` (opened with a `keymint unlock` session) against
 * `node -e ''`, the start of any Node program; an uncached `keymint token NAME` (the vault
 * opened, a token requested from a loopback endpoint and written back) against curl making
 * the same token request.
 */
export async function cliBench(): Promise<{ results: BenchResult[]; notes: string[] }> {
  // Always the CLI of this tree: a stale build would measure the wrong code.
  spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { stdio: 'inherit' });
  const endpoint = await startEndpoint();
  const dir = mkdtempSync(join(tmpdir(), 'keymint-bench-cli-'));
  const vault = join(dir, 'vault');
  // A passphrase vault, as on a machine without a keyring; the session skips its key derivation.
  const base: NodeJS.ProcessEnv = { ...process.env, KEYMINT_KEYCHAIN_FILE: '', KEYMINT_SESSION: '', KEYMINT_PASSPHRASE: '' };
  const keymint = (args: string[], env: NodeJS.ProcessEnv = base) => run(process.execPath, [CLI, '--vault', vault, ...args], env);
  try {
    await keymint(['add', 'oauth2-client-credentials', '--name', 'Service', '--base-url', endpoint.url, '--field', `clientId=${CLIENT_ID}`, '--field', 'clientSecret=@env:BENCH_SECRET'], {
      ...base,
      KEYMINT_PASSPHRASE: 'bench passphrase 1',
      BENCH_SECRET: CLIENT_SECRET,
    });
    const unlock = spawnSync(process.execPath, [CLI, '--vault', vault, 'unlock'], { env: { ...base, KEYMINT_PASSPHRASE: 'bench passphrase 1' }, encoding: 'utf8' });
    const session = /KEYMINT_SESSION=(\S+)/.exec(unlock.stdout)?.[1];
    if (!session) throw new Error(`keymint unlock printed no session: ${unlock.stderr}`);
    const withSession = { ...base, KEYMINT_SESSION: session };
    await keymint(['token', 'Service'], withSession);

    const results: BenchResult[] = [];
    const cached = await sideBySide(RUNS, () => keymint(['header', 'Service'], withSession), () => run(process.execPath, ['-e', ''], base));
    results.push({ name: 'CLI: cached keymint header NAME (session unlock)', measured: cached.subject, baseline: { name: "node -e ''", ms: cached.baseline }, target: { ratio: 1.5 } });

    const notes: string[] = [];
    if (existsSync('/usr/bin/curl') || spawnSync('curl', ['--version']).status === 0) {
      const curlArgs = ['-sS', '-o', '/dev/null', '-u', `${CLIENT_ID}:${CLIENT_SECRET}`, '-d', 'grant_type=client_credentials', endpoint.url];
      // --min-valid longer than any token lives: every call requests a new one.
      const uncached = await sideBySide(RUNS, () => keymint(['token', 'Service', '--min-valid', '9999999'], withSession), () => run('curl', curlArgs, base));
      results.push({ name: 'CLI: uncached keymint token NAME (request + write-back)', measured: uncached.subject, baseline: { name: 'curl, same request', ms: uncached.baseline }, target: { report: true } });
    } else {
      notes.push('The uncached CLI measure was skipped: curl is not installed.');
    }
    return { results, notes };
  } finally {
    endpoint.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
