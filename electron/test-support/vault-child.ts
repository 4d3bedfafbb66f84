import { readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentRepository } from '../core/store/document-repository';
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
 *   write-forever <dir>           add providers (and tokens, committed at once) until killed, saying "saved <i>" after each
 */

/** Reported only once it is true: writeSync, since stdout to a pipe may be asynchronous. */
const say = (line: string) => writeSync(1, `${line}\n`);

const pause = () => new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 3)));

async function addProviders(dir: string, name: string, count: number, report: boolean): Promise<void> {
  // Reporting saves (the crash test): token commits as often as they can go, to be killed in the middle of one.
  const tokenWindowMs = report ? 1 : undefined;
  const repository = new DocumentRepository(openVaultFolderStore(dir, { tokenWindowMs, onProblem: (message) => say(`problem ${message}`) }));
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
      return addProviders(dir, `p${process.pid}`, Number.MAX_SAFE_INTEGER, true);
    default:
      throw new Error(`unknown command ${command}`);
  }
}

await main();
