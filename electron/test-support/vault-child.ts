import { readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentRepository } from '../core/store/document-repository';
import type { StoredProvider } from '../core/store/keymint-document';
import { folderLock } from '../platform/folder-lock';
import { openVaultFolderStore } from '../platform/vault-folder-store';
import { storedProvider, storedToken } from './stored-samples';

/**
 * TESTS ONLY. Another Keymint process on the same vault folder, for the multi-process storage
 * tests: vault-child-process.ts bundles this file and runs it with plain `node`.
 *
 *   lock-count <dir> <n>          n times: take the folder lock, increment <dir>/counter, release
 *   lock-hold <dir>               take the folder lock, say "held", and keep it until killed
 *   add-providers <dir> <name> <n>  add n providers named <name>-<i>, each with a token record
 *   write-forever <dir> [sharded] add providers (and tokens, committed at once) until killed, saying "saved <i>" after each;
 *                                 sharded: the document split into shard files from the first provider
 *   rewrite-forever <dir> <n> [one]  the document split into shard files: add n providers if there are none, then rename
 *                                 every one to "<generation>" (a change to every shard, like an import) until killed,
 *                                 saying "saved <generation>" after each; one: only provider <generation mod n> each time
 */

/** Reported only once it is true: writeSync, since stdout to a pipe may be asynchronous. */
const say = (line: string) => writeSync(1, `${line}\n`);

const pause = () => new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 3)));

/** Split from the first provider, replaced files removed at once: every write goes through every step of a sharded one. */
const SHARDED = { singleFileUpToBytes: 0, retireGraceMs: 0 } as const;

async function addProviders(dir: string, name: string, count: number, report: boolean, sharded = false): Promise<void> {
  // Reporting saves (the crash test): token commits as often as they can go, to be killed in the middle of one.
  const tokenWindowMs = report ? 1 : undefined;
  const shards = sharded ? SHARDED : undefined;
  const repository = new DocumentRepository(openVaultFolderStore(dir, { tokenWindowMs, shards, onProblem: (message) => say(`problem ${message}`) }));
  for (let i = 1; i <= count; i++) {
    const id = `${name}-${i}`;
    repository.update((doc) => ({ ...doc, providers: [...doc.providers, storedProvider(id)] }));
    repository.putToken(id, storedToken(i));
    if (report) say(`saved ${i}`);
    // Lets the token group commit run between document writes, as in a live process.
    if (i % 5 === 0) await pause();
  }
  await repository.flush();
  say('done');
}

function rewriteForever(dir: string, count: number, one: boolean): void {
  const repository = new DocumentRepository(openVaultFolderStore(dir, { shards: SHARDED, onProblem: (message) => say(`problem ${message}`) }));
  if (repository.current.providers.length === 0) {
    repository.update((doc) => ({ ...doc, providers: Array.from({ length: count }, (_, i) => storedProvider(`p-${i}`, '0')) }));
  }
  const latest = () => Math.max(...repository.current.providers.map((p) => Number(p.name)));
  for (let generation = latest() + 1; ; generation++) {
    const renamed = (p: StoredProvider, i: number) => (one && i !== generation % count ? p : { ...p, name: String(generation) });
    repository.update((doc) => ({ ...doc, providers: doc.providers.map(renamed) }));
    say(`saved ${generation}`);
  }
}

async function main(): Promise<void> {
  const [command, dir = '', ...args] = process.argv.slice(2);
  switch (command) {
    case 'lock-count': {
      const lock = folderLock(dir, { waitMs: 30_000 });
      const counter = join(dir, 'counter');
      const inside = join(dir, 'inside');
      for (let i = 0; i < Number(args[0]); i++) {
        lock.withLock(() => {
          // 'wx' fails if the other process is inside too.
          writeFileSync(inside, String(process.pid), { flag: 'wx' });
          writeFileSync(counter, String(Number(readFileSync(counter, 'utf8')) + 1));
          unlinkSync(inside);
        });
      }
      say('done');
      return;
    }
    case 'lock-hold':
      folderLock(dir).acquire();
      say('held');
      setInterval(() => undefined, 60_000);
      return;
    case 'add-providers':
      return addProviders(dir, args[0] ?? 'child', Number(args[1]), false);
    case 'write-forever':
      return addProviders(dir, `p${process.pid}`, Number.MAX_SAFE_INTEGER, true, args[0] === 'sharded');
    case 'rewrite-forever':
      return rewriteForever(dir, Number(args[0]), args[1] === 'one');
    default:
      throw new Error(`unknown command ${command}`);
  }
}

await main();
