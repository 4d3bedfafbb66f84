import { join } from 'node:path';
import { createKeymint, type Keymint } from '../electron/ipc/create-keymint';
import type { IpcRouter } from '../electron/ipc/router';
import { createFileKeychain } from '../electron/platform/file-keychain';
import { createNodeHttpFetch } from '../electron/platform/node-http-fetch';
import { openVaultFolderStore } from '../electron/platform/vault-folder-store';

const SENDER = { url: 'bench://keymint', isMainFrame: true };

/**
 * Keymint as the app composes it, on a real disk in `dir`, with the Node hosts' fetch (node:http) and a page that
 * receives every pushed event (and discards it).
 */
export function composeBench(dir: string): Keymint {
  const keymint = createKeymint({
    store: openVaultFolderStore(dir),
    saveFile: async () => null,
    keychain: createFileKeychain(join(dir, 'keychain.key')),
    fetch: createNodeHttpFetch(),
    clipboard: { writeText: async () => undefined, readText: async () => '' },
    clock: { now: () => Date.now() },
    sleep: async () => undefined,
    log: { warn: () => undefined },
    askOwner: async () => true,
  });
  keymint.setEventSink((event, payload) => void JSON.stringify({ event, payload }));
  return keymint;
}

/** One IPC call as the page makes it, through the router's checks and schemas. */
export async function call<T = unknown>(route: IpcRouter, channel: string, input?: unknown): Promise<T> {
  const result = await route(SENDER, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.message}`);
  return result.value as T;
}
