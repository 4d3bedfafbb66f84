import { join } from 'node:path';
import type { Keychain, KeymintPorts, Logger } from '../core';
import { createFileClipboard } from '../platform/file-clipboard';
import { createFileKeychain } from '../platform/file-keychain';
import { saveIntoFolder } from '../platform/folder-save-file';
import { jsonFileDocumentStore } from '../platform/json-file-store';
import { createSystemClipboard } from '../platform/system-clipboard';
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
    store: jsonFileDocumentStore(join(options.dataDir, 'keymint.json')),
    keychain: test.keychainFile ? createFileKeychain(test.keychainFile) : noKeyring,
    fetch: (request) => fetch(request),
    clipboard: test.clipboardFile ? createFileClipboard(test.clipboardFile) : createSystemClipboard(),
    saveFile: saveIntoFolder(options.saveDir),
    clock: { now: () => Date.now() },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    log: context.log,
    askOwner: test.ownerAnswer === undefined ? askOwnerOnTerminal({ ...context.terminal, log: context.log }) : async () => test.ownerAnswer === true,
  };
}

/** Until the OS keyring adapter lands: no keychain slot, so the vault asks for a passphrase. */
const noKeyring: Keychain = {
  status: () => ({ available: false, reason: 'the served host has no OS keyring adapter yet' }),
  encrypt: () => Promise.reject(new Error('No OS keyring in the served host.')),
  decrypt: () => Promise.reject(new Error('No OS keyring in the served host.')),
};
