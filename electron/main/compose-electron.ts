import type { WebContents } from 'electron';
import { pathToFileURL } from 'node:url';
import { IPC_PREFIX } from '../../shared/ipc/contract';
import { createKeymint, type EventSink } from '../ipc/create-keymint';
import type { IpcRouter } from '../ipc/router';
import { trustOnly } from '../ipc/sender';
import type { KeymintCore, Logger } from '../core';
import { electronClipboard } from '../platform/electron-clipboard';
import { electronFetch } from '../platform/electron-fetch';
import { askOwnerWithDialog } from '../platform/electron-owner-dialog';
import { electronSaveFile } from '../platform/electron-save-file';
import { createFileKeychain } from '../platform/file-keychain';
import { saveIntoFolder } from '../platform/folder-save-file';
import { createOsKeyringKeychain } from '../platform/os-keyring-keychain';
import { onElectronSystemLock } from '../platform/electron-system-lock';
import { openVaultFolderStore } from '../platform/vault-folder-store';

export interface ElectronKeymintOptions {
  /** The vault folder: keymint.json and tokens.json (Electron's userData folder, where keymint.json has always been). */
  dataDir: string;
  /** The page allowed to call IPC: our built index.html. */
  indexHtml: string;
  /** Sees every IPC reply and pushed event as JSON, exactly as sent (e2e checks no secret crosses). */
  recordIpc?: (json: string) => void;
  /** Where backups go instead of a save dialog (e2e on real Electron); never set when packaged. */
  saveDir?: string;
  /** A scripted answer instead of the native confirmation dialog (e2e on real Electron); never when packaged. */
  ownerAnswer?: boolean;
  /** A 0600 key file instead of the OS keyring, so e2e runs alike with or without a keyring; never when packaged. */
  keychainFile?: string;
}

export interface ElectronKeymint {
  router: IpcRouter;
  /** The core itself, for the host's own parts (tray, notifications, global shortcut). */
  core: KeymintCore;
  /** Tells the page to open the quick-copy palette (the global shortcut, the menus). */
  openPalette(): void;
  /** Unlocks the vault from the keychain when it can; call once the app is ready. */
  start(): Promise<void>;
  /** Pushes events to this page from now on (replacing any previous one). */
  sendEventsTo(contents: WebContents): void;
  /** Locks the vault, stops its timer and clears Keymint's copy from the clipboard; call when the app quits. */
  dispose(): Promise<void>;
}

/** The Electron composition root: Electron adapters into the Electron-free core. */
export function composeElectron(options: ElectronKeymintOptions): ElectronKeymint {
  const log: Logger = { warn: (message) => console.warn(`[keymint] ${message}`) };
  const record = options.recordIpc ?? (() => {});
  const keymint = createKeymint({
    store: openVaultFolderStore(options.dataDir, { onProblem: log.warn }),
    keychain: options.keychainFile ? createFileKeychain(options.keychainFile) : createOsKeyringKeychain(),
    fetch: electronFetch,
    clipboard: electronClipboard,
    saveFile: options.saveDir ? saveIntoFolder(options.saveDir) : electronSaveFile,
    clock: { now: () => Date.now() },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    log,
    askOwner: options.ownerAnswer === undefined ? askOwnerWithDialog : async () => options.ownerAnswer === true,
    onSystemLock: onElectronSystemLock,
  }, { desktop: true });
  const route = keymint.router(trustOnly(pathToFileURL(options.indexHtml).href));

  return {
    router: async (sender, channel, input) => {
      const result = await route(sender, channel, input);
      record(JSON.stringify(result));
      return result;
    },
    core: keymint.core,
    openPalette: () => keymint.send('ui:open-palette', null),
    start: () => keymint.start(),
    sendEventsTo(contents) {
      keymint.setEventSink(eventSender(contents, record));
    },
    dispose: () => keymint.dispose(),
  };
}

/** The core has already parsed the payload against the contract. */
function eventSender(contents: WebContents, record: (json: string) => void): EventSink {
  return (event, payload) => {
    if (contents.isDestroyed()) return;
    record(JSON.stringify(payload));
    contents.send(IPC_PREFIX + event, payload);
  };
}
