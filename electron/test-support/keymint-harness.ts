import { afterEach } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileKeychain } from '../platform/file-keychain';
import { saveIntoFolder } from '../platform/folder-save-file';
import { createNodeHttpFetch } from '../platform/node-http-fetch';
import { openVaultFolderStore } from '../platform/vault-folder-store';
import type { Clock, OnSystemLock, OwnerQuestion, Schedule } from '../core/ports';
import type { Keychain } from '../core/vault';
import { createKeymint, type Keymint } from '../ipc/create-keymint';
import type { IpcRouter } from '../ipc/router';

/** createKeymint on real files in a temp folder, with a fast KDF and a recording clipboard. */
export interface Harness {
  dir: string;
  dataFile: string;
  /** The token cache beside it. */
  tokensFile: string;
  keymint: Keymint;
  clipboard: { text: string };
  /** The person at the machine: answers main's confirmation dialogs (yes unless a test says no) and records them. */
  owner: { answer: boolean; asked: OwnerQuestion[] };
  /** Every wait main asked for (the delay after wrong passphrases); none is actually waited. */
  waits: number[];
  call(channel: string, input?: unknown): ReturnType<IpcRouter>;
  /** Calls and returns the value, failing loudly on `{ok:false}`. */
  value<T = unknown>(channel: string, input?: unknown): Promise<T>;
}

export interface HarnessOptions {
  dir?: string;
  keychain?: Keychain;
  clock?: Clock;
  schedule?: Schedule;
  onSystemLock?: OnSystemLock;
}

export function openHarness(options: HarnessOptions = {}): Harness {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'keymint-core-'));
  const dataFile = join(dir, 'keymint.json');
  const clipboard = { text: '' };
  const owner = { answer: true, asked: [] as OwnerQuestion[] };
  const waits: number[] = [];
  const keymint = createKeymint({
    store: openVaultFolderStore(dir),
    saveFile: saveIntoFolder(join(dir, 'saved')),
    keychain: options.keychain ?? createFileKeychain(join(dir, 'keychain.key')),
    fetch: createNodeHttpFetch(),
    clipboard: { writeText: async (text) => void (clipboard.text = text), readText: async () => clipboard.text },
    clock: options.clock ?? { now: () => Date.now() },
    sleep: async (ms) => void waits.push(ms),
    schedule: options.schedule,
    askOwner: async (question) => {
      owner.asked.push(question);
      return owner.answer;
    },
    onSystemLock: options.onSystemLock,
    log: { warn: () => undefined },
    kdf: { N: 2 ** 10 },
  });
  const route = keymint.router(() => true);
  const call = (channel: string, input?: unknown) => route({ url: 'test://keymint', isMainFrame: true }, channel, input);
  return {
    dir,
    dataFile,
    tokensFile: join(dir, 'tokens.json'),
    keymint,
    clipboard,
    owner,
    waits,
    call,
    value: async <T>(channel: string, input?: unknown) => {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.code}: ${result.message}`);
      return result.value as T;
    },
  };
}

/** Opens harnesses that are disposed after each test, whatever happened in it. */
export function harnessesDisposedAfterEach(): (options?: Parameters<typeof openHarness>[0]) => Harness {
  const open: Harness[] = [];
  afterEach(() => open.splice(0).forEach((h) => h.keymint.dispose()));
  return (options) => {
    const app = openHarness(options);
    open.push(app);
    return app;
  };
}
