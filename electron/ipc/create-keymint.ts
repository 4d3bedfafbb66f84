import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { ProviderView } from '../../shared/ipc/provider-view';
import type { Cipher, ClipboardPort, Clock, DocumentStore, FetchPort, Logger, Sleep } from '../services/ports';
import { ProviderService } from '../services/providers/provider-service';
import { toProviderView } from '../services/providers/provider-view';
import { SecretRegistry } from '../services/redaction/secret-registry';
import { DocumentRepository } from '../services/store/document-repository';
import { TokenEngine } from '../services/tokens/token-engine';
import { TokenService } from '../services/tokens/token-service';
import { createRouter, type Handlers, type IpcRouter } from './router';
import type { IpcSender } from './sender';

export interface KeymintPorts {
  store: DocumentStore;
  cipher: () => Cipher;
  fetch: FetchPort;
  clipboard: ClipboardPort;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
}

export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Keymint {
  router(isTrustedSender: (sender: IpcSender) => boolean): IpcRouter;
  /** Where pushed events go (the window's webContents, or the browser host's page). */
  setEventSink(sink: EventSink | undefined): void;
}

/** The Electron-free composition: services from ports, handlers for every channel. */
export function createKeymint(ports: KeymintPorts): Keymint {
  const secrets = new SecretRegistry();
  const repository = new DocumentRepository(ports.store);
  let sink: EventSink | undefined;
  const views = (): ProviderView[] => providers.all().map((p) => toProviderView(p, tokens.status(p.id)));
  const changed = () => sink?.('providers:changed', views());

  const providers = new ProviderService({ repository, cipher: ports.cipher, clock: ports.clock, secrets, changed });
  const engine = new TokenEngine({ fetch: ports.fetch, clock: ports.clock, sleep: ports.sleep });
  const tokens = new TokenService({
    repository,
    providers,
    engine,
    cipher: ports.cipher,
    clipboard: ports.clipboard,
    clock: ports.clock,
    secrets,
    log: ports.log,
    changed,
  });
  const view = (id: string) => toProviderView(providers.get(id), tokens.status(id));

  const handlers: Handlers = {
    'providers:list': () => views(),
    'providers:create': (input) => view(providers.create(input).id),
    'providers:update': (input) => view(providers.update(input).id),
    'providers:remove': ({ id }) => {
      providers.remove(id);
      return null;
    },
    'tokens:generate': async ({ id }) => {
      await tokens.generate(id);
      return view(id);
    },
    'tokens:copy-header': async ({ id }) => ({ copied: true as const, headerName: await tokens.copyHeader(id) }),
  };

  return {
    router: (isTrustedSender) => createRouter({ handlers, isTrustedSender, redact: (t) => secrets.redact(t), log: ports.log }),
    setEventSink: (next) => {
      sink = next;
    },
  };
}
