import { events as eventSchemas, type EventName, type EventPayload } from '../../shared/ipc/contract';
import type { VaultStatus } from '../../shared/ipc/vault-view';
import { AppError } from '../core/app-error';
import type { AskOwner, ClipboardPort, Clock, FetchPort, Logger, OnSystemLock, SaveFile, Schedule, Sleep, VaultStore } from '../core/ports';
import { SecretRegistry } from '../core/redaction/secret-registry';
import type { Keychain, PassphraseSlotOptions } from '../core/vault';
import { keychainView } from '../core/vault/describe-keychain';
import type { HandlerContext } from './handlers/handler-context';
import { providerHandlers } from './handlers/provider-handlers';
import { transferHandlers } from './handlers/transfer-handlers';
import { vaultHandlers } from './handlers/vault-handlers';
import { openSession, type KeymintSession } from '../core/keymint-session';
import { deadlineFirst } from './deadline-first';
import { createRouter, type IpcRouter } from './router';
import type { IpcSender } from './sender';

export interface KeymintPorts {
  store: VaultStore;
  /** Electron safeStorage in the app; a 0600 key file in the browser host and tests. */
  keychain: Keychain;
  fetch: FetchPort;
  clipboard: ClipboardPort;
  /** Where backups are written: a save dialog in the app, a folder in tests. */
  saveFile: SaveFile;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
  /** Timers for renewing tokens before they expire and clearing copied headers; setTimeout when left out. */
  schedule?: Schedule;
  /** Spreads renewal retries; Math.random when left out. */
  random?: () => number;
  /** Confirms changes that could lock the owner out: a native dialog in the app, a scripted answer in tests. */
  askOwner: AskOwner;
  /** Screen lock and sleep (Electron's powerMonitor); left out where there is no such signal. */
  onSystemLock?: OnSystemLock;
  /** TESTS ONLY: a cheaper scrypt cost so suites stay fast. Never set by the app. */
  kdf?: PassphraseSlotOptions['kdf'];
}

export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Keymint {
  router(isTrustedSender: (sender: IpcSender) => boolean): IpcRouter;
  /** Where pushed events go (the window's webContents, or the browser host's page). */
  setEventSink(sink: EventSink | undefined): void;
  /** Opens the vault with the keychain when that slot exists (no prompt needed). */
  start(): Promise<void>;
  /** Resolves once Keymint's copy (if still there) is off the clipboard: a host waits before exiting. */
  dispose(): Promise<void>;
}

/** The Electron-free composition: services from ports, handlers for every channel. */
export function createKeymint(ports: KeymintPorts): Keymint {
  const secrets = new SecretRegistry();
  let sink: EventSink | undefined;
  let session: KeymintSession | undefined;
  let problem: string | undefined;

  const events = {
    providersChanged: () => session && sink?.('providers:changed', session.views()),
    vaultChanged: () => sink?.('vault:changed', status()),
  };
  const open = () => {
    try {
      session = openSession(ports, secrets, events);
      problem = undefined;
    } catch (error) {
      session = undefined;
      problem = error instanceof Error ? error.message : String(error);
      ports.log.warn(`data file unreadable: ${problem}`);
    }
  };
  open();

  function status(): VaultStatus {
    if (session) return session.vault.status();
    const keychain = ports.keychain.status();
    return {
      state: 'unreadable',
      slots: [],
      keychain: keychainView(keychain),
      autoLockMinutes: null,
      lockOnSleep: true,
      setupMethod: null,
      problem: problem ?? null,
    };
  }

  const notLocked = (): KeymintSession => {
    const current = context.session();
    if (current.vault.vault.state() === 'locked') throw new AppError('locked', 'The vault is locked. Unlock it first.');
    return current;
  };
  const context: HandlerContext = {
    session: () => {
      if (!session) throw new AppError('vault', problem ?? 'Keymint data is unavailable.');
      return session;
    },
    notLocked,
    ready: async () => {
      const current = context.session();
      const vault = current.vault.vault;
      // A set-up or unlock already under way decides what this action finds.
      await vault.settled();
      notLocked();
      if (vault.state() === 'uninitialized') {
        // Only with no other choice made: a passphrase picked in the set-up panel is never overridden.
        if (current.vault.pendingSetup() === 'passphrase') {
          throw new AppError('setup-required', 'Finish setting up the vault first: press “Set up vault” with your passphrase. Nothing was saved.');
        }
        if (!ports.keychain.status().available) throw new AppError('setup-required', 'Set up the vault with a passphrase first.');
        await vault.setup({ method: 'keychain' });
      }
      vault.touch();
      return current;
    },
  };

  const startFresh = (): VaultStatus => {
    if (session) throw new AppError('vault', 'The data file is readable; there is nothing to set aside.');
    const movedTo = ports.store.moveAside();
    ports.log.warn(`unreadable data file moved to ${movedTo}`);
    open();
    events.vaultChanged();
    events.providersChanged();
    return status();
  };

  const handlers = deadlineFirst(
    {
      ...providerHandlers(context),
      ...vaultHandlers({ ...context, askOwner: ports.askOwner, status, startFresh }),
      ...transferHandlers({ ...context, clock: ports.clock, saveFile: ports.saveFile, kdf: ports.kdf }),
    },
    () => session?.vault.vault.checkIdle(),
  );
  const stopSystemLock = ports.onSystemLock?.(() => session?.vault.systemLocking());

  return {
    router: (isTrustedSender) => createRouter({ handlers, isTrustedSender, redact: (t) => secrets.redact(t), log: ports.log }),
    setEventSink: (next) => {
      // Parsed like handler outputs: zod keeps only the fields the contract names.
      sink = next && ((event, payload) => {
        const parsed = eventSchemas[event].payload.safeParse(payload);
        if (parsed.success) next(event, parsed.data as typeof payload);
        else ports.log.warn(`event ${event}: payload does not match the contract`);
      });
    },
    start: async () => {
      await session?.vault.unlockQuietly();
    },
    dispose: async () => {
      stopSystemLock?.();
      await session?.dispose();
    },
  };
}
