import type { ProviderView } from '../../shared/ipc/provider-view';
import type { KeymintPorts } from './create-keymint';
import { guardedClipboard } from '../services/clipboard/clipboard-guard';
import { ProviderService } from '../services/providers/provider-service';
import { toProviderView } from '../services/providers/provider-view';
import type { SecretRegistry } from '../services/redaction/secret-registry';
import { DocumentRepository } from '../services/store/document-repository';
import { RefreshScheduler, timeoutSchedule } from '../services/tokens/refresh-scheduler';
import { TokenEngine } from '../services/tokens/token-engine';
import { TokenService } from '../services/tokens/token-service';
import { VaultService } from '../services/vault/vault-service';

/** Everything that lives on one readable document: its vault, providers and tokens. */
export interface KeymintSession {
  repository: DocumentRepository;
  vault: VaultService;
  providers: ProviderService;
  tokens: TokenService;
  views(): ProviderView[];
  view(id: string): ProviderView;
  dispose(): void;
}

export interface SessionEvents {
  providersChanged(): void;
  vaultChanged(): void;
}

/** Throws when the document cannot be read; the caller reports that and leaves the file alone. */
export function openSession(ports: KeymintPorts, secrets: SecretRegistry, events: SessionEvents): KeymintSession {
  const repository = new DocumentRepository(ports.store);
  // The callbacks below run only after construction, once `scheduler` exists.
  const vaultChanged = () => {
    if (vault.vault.state() !== 'unlocked') secrets.clear();
    scheduler.plan();
    events.vaultChanged();
  };
  const vault = new VaultService({ repository, keychain: ports.keychain, clock: ports.clock, changed: vaultChanged, kdf: ports.kdf });
  const cipher = () => vault.vault.cipher();
  const changed = () => {
    scheduler.plan();
    events.providersChanged();
  };
  const providers = new ProviderService({ repository, cipher, clock: ports.clock, secrets, changed });
  const engine = new TokenEngine({ fetch: ports.fetch, clock: ports.clock, sleep: ports.sleep, sensitive: (v) => secrets.add(v) });
  const schedule = ports.schedule ?? timeoutSchedule;
  const clipboard = guardedClipboard(ports.clipboard, schedule);
  const tokens = new TokenService({ repository, providers, engine, cipher, clipboard, clock: ports.clock, secrets, log: ports.log, changed });
  const view = (id: string) => toProviderView(providers.get(id), tokens.status(id));
  const scheduler = new RefreshScheduler({
    clock: ports.clock,
    schedule,
    tokens: () => Object.entries(repository.current.tokens).map(([providerId, t]) => ({ providerId, obtainedAt: t.obtainedAt, expiresAt: t.expiresAt })),
    canRefresh: () => vault.vault.state() === 'unlocked',
    refresh: (id) => tokens.generate(id),
  });
  scheduler.plan();
  return {
    repository,
    vault,
    providers,
    tokens,
    view,
    views: () => providers.all().map((p) => view(p.id)),
    dispose: () => {
      scheduler.stop();
      vault.dispose();
    },
  };
}
