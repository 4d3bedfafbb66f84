import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { ProviderView } from '../../shared/ipc/provider-view';
import type { ClipboardPort, Clock, DocumentStore, FetchPort, Logger, Sleep } from '../services/ports';
import { ProviderService } from '../services/providers/provider-service';
import { toProviderView } from '../services/providers/provider-view';
import { SecretRegistry } from '../services/redaction/secret-registry';
import { DocumentRepository } from '../services/store/document-repository';
import { TokenEngine } from '../services/tokens/token-engine';
import { TokenService } from '../services/tokens/token-service';
import { parseVaultSlots, Vault, type Keychain, type PassphraseSlotOptions } from '../services/vault';
import { ensureVaultReady } from '../services/vault/vault-gate';
import { createRouter, type Handlers, type IpcRouter } from './router';
import type { IpcSender } from './sender';

export interface KeymintPorts {
  store: DocumentStore;
  /** Electron safeStorage in the app; a 0600 key file in the browser host and tests. */
  keychain: Keychain;
  fetch: FetchPort;
  clipboard: ClipboardPort;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
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
}

/** The Electron-free composition: services from ports, handlers for every channel. */
export function createKeymint(ports: KeymintPorts): Keymint {
  const secrets = new SecretRegistry();
  const repository = new DocumentRepository(ports.store);
  const vault = new Vault({
    slots: parseVaultSlots(repository.current.vault),
    keychain: ports.keychain,
    saveSlots: (slots) => repository.update((doc) => void (doc.vault = { ...slots })),
    now: () => ports.clock.now(),
    kdf: ports.kdf,
  });
  const cipher = () => vault.cipher();
  const ready = () => ensureVaultReady(vault, () => ports.keychain.status().available);
  let sink: EventSink | undefined;
  const views = (): ProviderView[] => providers.all().map((p) => toProviderView(p, tokens.status(p.id)));
  const changed = () => sink?.('providers:changed', views());

  const providers = new ProviderService({ repository, cipher, clock: ports.clock, secrets, changed });
  const engine = new TokenEngine({ fetch: ports.fetch, clock: ports.clock, sleep: ports.sleep });
  const tokens = new TokenService({
    repository,
    providers,
    engine,
    cipher,
    clipboard: ports.clipboard,
    clock: ports.clock,
    secrets,
    log: ports.log,
    changed,
  });
  const view = (id: string) => toProviderView(providers.get(id), tokens.status(id));

  const handlers: Handlers = {
    'providers:list': () => views(),
    'providers:create': async (input) => {
      await ready();
      return view(providers.create(input).id);
    },
    'providers:update': async (input) => {
      await ready();
      return view(providers.update(input).id);
    },
    'providers:remove': ({ id }) => {
      providers.remove(id);
      return null;
    },
    'tokens:generate': async ({ id }) => {
      await ready();
      await tokens.generate(id);
      return view(id);
    },
    'tokens:copy-header': async ({ id }) => {
      await ready();
      return { copied: true as const, headerName: await tokens.copyHeader(id) };
    },
  };

  return {
    router: (isTrustedSender) => createRouter({ handlers, isTrustedSender, redact: (t) => secrets.redact(t), log: ports.log }),
    setEventSink: (next) => {
      sink = next;
    },
    start: async () => {
      if (vault.state() === 'locked' && vault.snapshot().slots.includes('keychain') && ports.keychain.status().available) {
        await vault.unlockWithKeychain().catch((error: unknown) => ports.log.warn(`keychain unlock failed: ${String(error)}`));
      }
    },
  };
}
