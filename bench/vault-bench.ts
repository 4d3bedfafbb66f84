import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdtempSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unwrapWithPassphrase, wrapWithPassphrase } from '../electron/core/vault';
import { call, composeBench } from './compose-bench';
import { median, sideBySide, timed } from './measure';
import type { BenchResult } from './results';
import { CLIENT_ID, CLIENT_SECRET, startEndpoint } from './token-bench';

const PROVIDERS = 1000;

/** The physical floor of a durable change: a small file written beside, fsynced, renamed, and the folder fsynced. */
function durableSmallWrite(dir: string): void {
  const temp = join(dir, 'floor.json.tmp');
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify({ changed: Date.now() }));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, join(dir, 'floor.json'));
  const folder = openSync(dir, 'r');
  try {
    fsyncSync(folder);
  } finally {
    closeSync(folder);
  }
}

/**
 * Keymint with 1,000 providers on a real disk, each holding a token as in use (its cache is read
 * and every token's record checked against its provider at unlock): opening and unlocking, and
 * saving one change.
 */
export async function vaultBench(): Promise<{ results: BenchResult[]; notes: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'keymint-bench-vault-'));
  const endpoint = await startEndpoint();
  try {
    const seed = composeBench(dir);
    const seedRoute = seed.router(() => true);
    for (let i = 0; i < PROVIDERS; i++) {
      const { id } = await call<{ id: string }>(seedRoute, 'providers:create', {
        presetId: 'oauth2-client-credentials',
        name: `Provider ${i}`,
        baseUrl: endpoint.url,
        values: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      });
      await call(seedRoute, 'tokens:generate', { id });
    }
    await seed.dispose();

    const slot = await wrapWithPassphrase(randomBytes(32), 'correct horse battery staple');
    const kdf = median([await timed(() => unwrapWithPassphrase(slot, 'correct horse battery staple')), await timed(() => unwrapWithPassphrase(slot, 'correct horse battery staple')), await timed(() => unwrapWithPassphrase(slot, 'correct horse battery staple'))]);

    const openTimes: number[] = [];
    for (let run = 0; run < 9; run++) {
      let keymint: ReturnType<typeof composeBench> | undefined;
      openTimes.push(
        await timed(async () => {
          keymint = composeBench(dir);
          await keymint.start();
          await call(keymint.router(() => true), 'providers:list');
        }),
      );
      await keymint?.dispose();
    }

    const app = composeBench(dir);
    await app.start();
    const route = app.router(() => true);
    const [first] = await call<{ id: string }[]>(route, 'providers:list');
    let n = 0;
    const change = await sideBySide(31, () => call(route, 'providers:update', { id: first?.id, name: `Renamed ${n++}` }), () => durableSmallWrite(dir));
    await app.dispose();

    return {
      results: [
        { name: `open, unlock (keychain) and list ${PROVIDERS} providers holding tokens`, measured: median(openTimes), target: { ms: 20 } },
        { name: `one provider change at ${PROVIDERS} providers (durable)`, measured: change.subject, baseline: { name: 'durable write of a small file', ms: change.baseline }, target: { ms: 2 } },
      ],
      notes: [`Key derivation (scrypt N=2^17, r=8, p=1), apart from unlocking: ${kdf.toFixed(0)} ms; it runs once per passphrase unlock and is slow on purpose.`],
    };
  } finally {
    endpoint.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
