import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createKeymint, type Keymint } from '../electron/ipc/create-keymint';
import type { IpcRouter } from '../electron/ipc/router';
import { createFileKeychain } from '../electron/platform/file-keychain';
import { openVaultFolderStore } from '../electron/platform/vault-folder-store';
import { unwrapWithPassphrase, wrapWithPassphrase } from '../electron/core/vault';

/**
 * Keymint with 1,000 providers on a real disk: the work behind unlocking and showing the
 * board, and behind saving one change. Budgets are from the vault issue; the ratios printed
 * are measured against them in this one run (the median of several repetitions).
 */
const PROVIDERS = 1000;
const SENDER = { url: 'bench://keymint', isMainFrame: true };

/** As in the app: every change pushes the whole board to a window (here, one that discards it). */
function compose(dir: string): Keymint {
  const keymint = createKeymint({
    store: openVaultFolderStore(dir),
    saveFile: async () => null,
    keychain: createFileKeychain(join(dir, 'keychain.key')),
    fetch: () => Promise.reject(new Error('no network in the benchmark')),
    clipboard: { writeText: async () => undefined, readText: async () => '' },
    clock: { now: () => Date.now() },
    sleep: async () => undefined,
    log: { warn: () => undefined },
    askOwner: async () => true,
  });
  keymint.setEventSink(() => undefined);
  return keymint;
}

async function call(route: IpcRouter, channel: string, input?: unknown): Promise<unknown> {
  const result = await route(SENDER, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.message}`);
  return result.value;
}

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

function report(label: string, ms: number, budgetMs?: number): void {
  const ratio = budgetMs ? `  ${(ms / budgetMs).toFixed(2)}× of the ${budgetMs} ms budget` : '';
  console.log(`${label.padEnd(56)} ${ms.toFixed(1).padStart(8)} ms${ratio}`);
}

export async function runVaultBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'keymint-bench-'));
  try {
    const seed = compose(dir);
    const route = seed.router(() => true);
    for (let i = 0; i < PROVIDERS; i++) {
      await call(route, 'providers:create', {
        presetId: 'highline',
        name: `Provider ${i}`,
        baseUrl: 'https://api.highline.co',
        values: { apiKey: `key-${i}-${randomBytes(8).toString('hex')}`, secret: randomBytes(16).toString('hex') },
      });
    }
    seed.dispose();
    console.log(`Keymint benchmark: ${PROVIDERS} providers, data file on disk, median of repeated runs\n`);

    const dataKey = randomBytes(32);
    const slot = await wrapWithPassphrase(dataKey, 'correct horse battery staple');
    report('key derivation (scrypt N=2^17, r=8, p=1)', await median(3, () => unwrapWithPassphrase(slot, 'correct horse battery staple')));

    report(
      'open the data file, unlock (keychain) + load the board',
      await median(7, async () => {
        const keymint = compose(dir);
        await keymint.start();
        await call(keymint.router(() => true), 'providers:list');
        keymint.dispose();
      }),
      50,
    );

    const app = compose(dir);
    await app.start();
    const appRoute = app.router(() => true);
    const [first] = (await call(appRoute, 'providers:list')) as { id: string }[];
    let n = 0;
    report(
      'save one change (rename one provider)',
      await median(15, () => call(appRoute, 'providers:update', { id: first?.id, name: `Renamed ${n++}` })),
      20,
    );
    app.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
