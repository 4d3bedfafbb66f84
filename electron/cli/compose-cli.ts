import { AppError, createKeymintCore, type KeymintCore, type KeymintPorts, type FetchPort, type Logger, type VaultStore } from '../core';
import { createFileKeychain } from '../platform/file-keychain';
import { createOsKeyringKeychain } from '../platform/os-keyring-keychain';
import { openVaultFolderStore } from '../platform/vault-folder-store';

export interface CliPortsContext {
  vaultDir: string;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  log: Logger;
}

/**
 * The CLI's composition of the core's ports, all plain Node, like the served host's
 * (serve/node-ports.ts): the same vault folder store (locked and shared with the app), the OS
 * keyring, Node's fetch. What differs is what a one-shot command needs.
 */
export function composeCliPorts(context: CliPortsContext): KeymintPorts {
  const keychainFile = context.env.KEYMINT_KEYCHAIN_FILE;
  const store = openVaultFolderStore(context.vaultDir, { onProblem: context.log.warn });
  let nodeFetch: FetchPort | undefined;
  return {
    // Not watched: a command is over before another process's change could matter to it (every
    // write still reads the latest files under the shared lock, so none is lost either way).
    store: { ...bound(store), watch: () => () => undefined },
    // KEYMINT_KEYCHAIN_FILE: the same test hook as the served host's, a 0600 key file instead of the OS keyring.
    keychain: keychainFile ? createFileKeychain(keychainFile) : createOsKeyringKeychain(),
    // node:http rather than Node's fetch, which costs a call ~20 ms to load (platform/node-http-fetch.ts);
    // itself loaded on the first request, so a command answered from the held token never loads it.
    fetch: async (url, init) => (nodeFetch ??= (await import('../platform/node-http-fetch')).createNodeHttpFetch())(url, init),
    // Tokens go to stdout, never to the clipboard: a script has none to clear afterwards.
    clipboard: {
      writeText: () => Promise.reject(new AppError('internal', 'The command line prints credentials; it does not copy them.')),
      readText: () => Promise.resolve(''),
    },
    // `keymint export --recipes` prints the file: the shell redirects it where the user wants.
    saveFile: async (_suggestedName, content) => {
      context.stdout.write(content);
      return '-';
    },
    clock: { now: () => Date.now() },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    log: context.log,
    // No renewals in the background: a command lives for one request, and a renewal timer that
    // fired while `keymint header` ran would cost a request nobody asked for. The app renews.
    schedule: () => () => undefined,
    // Questions on stderr, so stdout stays the command's output.
    // Loaded when asked (readline is no part of a token's path).
    askOwner: async (question) => {
      const { askOwnerOnTerminal } = await import('../platform/terminal-owner-question');
      return askOwnerOnTerminal({ input: context.stdin, output: context.stderr, log: context.log })(question);
    },
  };
}

/** The store's methods, callable apart from it. */
function bound(store: VaultStore): VaultStore {
  return {
    read: () => store.read(),
    update: (change) => store.update(change),
    moveAside: () => store.moveAside(),
    readTokens: () => store.readTokens(),
    updateTokens: (change) => store.updateTokens(change),
    flush: () => store.flush(),
    watch: (listener) => store.watch(listener),
  };
}

export function composeCliCore(context: CliPortsContext): KeymintCore {
  return createKeymintCore(composeCliPorts(context));
}
