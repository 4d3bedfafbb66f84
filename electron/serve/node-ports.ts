import type { KeymintPorts, Logger } from '../core';
import { createFileClipboard } from '../platform/file-clipboard';
import { createFileKeychain } from '../platform/file-keychain';
import { createNodeHttpFetch } from '../platform/node-http-fetch';
import { saveIntoFolder } from '../platform/folder-save-file';
import { createOsKeyringKeychain } from '../platform/os-keyring-keychain';
import { createSystemClipboard } from '../platform/system-clipboard';
import { openVaultFolderStore } from '../platform/vault-folder-store';
import { askOwnerOnTerminal } from '../platform/terminal-owner-question';
import type { ServeOptions } from './serve-options';

export interface NodePortsContext {
  log: Logger;
  /** Where owner questions are asked: the terminal Keymint runs in. */
  terminal: { input: NodeJS.ReadableStream & { isTTY?: boolean }; output: NodeJS.WritableStream };
}

/**
 * The served host's composition of the core's ports, all plain Node: the one place where its
 * store, keychain, clipboard and confirmations are chosen.
 */
export function composeNodePorts(options: ServeOptions, context: NodePortsContext): KeymintPorts {
  const { test } = options;
  return {
    // The vault folder the app uses (another Keymint process may have it open: the store locks and reloads).
    store: openVaultFolderStore(options.dataDir, { onProblem: context.log.warn }),
    // The OS credential store, as in the app; where there is none the vault asks for a passphrase.
    keychain: test.keychainFile ? createFileKeychain(test.keychainFile) : createOsKeyringKeychain(),
    fetch: createNodeHttpFetch(),
    clipboard: test.clipboardFile ? createFileClipboard(test.clipboardFile) : createSystemClipboard(),
    saveFile: saveIntoFolder(options.saveDir),
    clock: { now: () => Date.now() },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    log: context.log,
    askOwner: test.ownerAnswer === undefined ? askOwnerOnTerminal({ ...context.terminal, log: context.log }) : async () => test.ownerAnswer === true,
  };
}
