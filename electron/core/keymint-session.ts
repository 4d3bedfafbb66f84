import type { ProviderView } from '../../shared/ipc/provider-view';
import type { KeymintPorts } from './ports';
import type { ProviderChanges } from './provider-changes';
import { guardedClipboard } from './clipboard/clipboard-guard';
import { ProviderJournal } from './exchange-log/provider-journal';
import { ProviderService } from './providers/provider-service';
import { containedView } from './providers/view-of-provider';
import type { SecretRegistry } from './redaction/secret-registry';
import { DocumentRepository } from './store/document-repository';
import type { StoredProvider } from './store/keymint-document';
import { timeoutSchedule } from './timeout-schedule';
import { RenewalScheduler } from './tokens/renewal-scheduler';
import { TokenEngine } from './tokens/token-engine';
import { TokenService } from './tokens/token-service';
import { VaultService } from './vault/vault-service';

/** Everything that lives on one readable document: its vault, providers and tokens. */
export interface KeymintSession {
  repository: DocumentRepository;
  vault: VaultService;
  providers: ProviderService;
  tokens: TokenService;
  views(): ProviderView[];
  view(id: string): ProviderView;
  /** Stops timers and locks; resolves once Keymint's copy (if still there) is off the clipboard and the last tokens are on disk. */
  dispose(): Promise<void>;
}

export interface SessionEvents {
  providers: ProviderChanges;
  vaultChanged(): void;
}

/** Throws when the document cannot be read; the caller reports that and leaves the file alone. */
export function openSession(ports: KeymintPorts, secrets: SecretRegistry, events: SessionEvents): KeymintSession {
  const repository = new DocumentRepository(ports.store);
  // The callbacks below run only after construction, once `tokens` and `renewal` exist.
  const unlocked = () => vault.vault.state() === 'unlocked';
  const vaultChanged = () => {
    if (unlocked()) {
      renewal.resume();
    } else {
      // Nothing in flight may land or be listed once the key is gone, and no token stays on the clipboard.
      tokens.cancelAll();
      journal.clear();
      providers.forgetDecrypted();
      secrets.clear();
      void clipboard.clearOwn();
      renewal.plan();
    }
    events.vaultChanged();
    // Claims show only while unlocked, and planned renewals now read "paused" (or planned again).
    events.providers.all();
  };
  const vault = new VaultService({ repository, keychain: ports.keychain, clock: ports.clock, sleep: ports.sleep, changed: vaultChanged, kdf: ports.kdf });
  const cipher = () => vault.vault.cipher();
  const changed = (ids: readonly string[]) => events.providers.touch(...ids);
  // Exchanges and renewal outcomes, redacted, in memory only (see provider-journal.ts).
  const journal = new ProviderJournal();
  const providers = new ProviderService({
    repository,
    cipher,
    clock: ports.clock,
    secrets,
    changed,
    removed: (id) => {
      journal.forget(id);
      events.providers.remove(id);
    },
    invalidated: (id) => tokens.forget(id),
  });
  const engine = new TokenEngine({ fetch: ports.fetch, clock: ports.clock, sleep: ports.sleep, sensitive: (v) => secrets.add(v) });
  const schedule = ports.schedule ?? timeoutSchedule;
  const clipboard = guardedClipboard(ports.clipboard, schedule);
  const renewal: RenewalScheduler = new RenewalScheduler({
    clock: ports.clock,
    schedule,
    random: ports.random,
    canRenew: unlocked,
    token: (id) => tokens.times(id),
    providersWithTokens: () => repository.tokenHolders(),
    renew: (id) => tokens.generate(id, 'renewal'),
    changed,
  });
  const tokens: TokenService = new TokenService({ repository, providers, engine, cipher, clipboard, clock: ports.clock, secrets, log: ports.log, lifecycle: renewal, journal, changed: (id) => changed([id]) });
  const viewOf = (provider: StoredProvider) => containedView(provider, () => tokens.status(provider.id));
  // Another Keymint process (a second window's host, the CLI) wrote the vault: show it, and use its key slots, settings and tokens.
  const stopFollowing = repository.follow(
    (change) => {
      if (change.file === 'document') {
        vault.reloaded();
        events.providers.all();
      } else {
        renewal.tokensReplaced();
        events.providers.touch(...change.providerIds);
      }
    },
    (error) => ports.log.warn(`another Keymint process changed the data, which could not be read again: ${error instanceof Error ? error.message : String(error)}`),
  );
  renewal.resume();
  return {
    repository,
    vault,
    providers,
    tokens,
    view: (id) => viewOf(providers.get(id)),
    views: () => providers.all().map(viewOf),
    dispose: () => {
      // Quitting: a copied token must not outlive the app on the clipboard (the host waits for this).
      const cleared = clipboard.clearOwn();
      stopFollowing();
      renewal.stop();
      vault.dispose();
      // Tokens minted in the last moment are written before the host exits (a cache: a failure is only logged).
      const flushed = repository.flush().catch((error: unknown) => ports.log.warn(`tokens were not saved: ${error instanceof Error ? error.message : String(error)}`));
      return Promise.all([cleared, flushed]).then(() => undefined);
    },
  };
}
