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
import { clipboardClearMs } from './settings/stored-app-settings';
import { ExpiryWatch } from './tokens/expiry-watch';
import { TokenAlerts, type TokenAlert } from './tokens/token-alerts';
import type { TokenLifecycle } from './tokens/token-service';

/** Everything that lives on one readable document: its vault, providers and tokens. */
export interface KeymintSession {
  repository: DocumentRepository;
  vault: VaultService;
  providers: ProviderService;
  tokens: TokenService;
  views(): ProviderView[];
  view(id: string): ProviderView;
  /** Turns automatic renewal on or off for one provider, and plans (or drops) its renewal at once. */
  setAutoRenew(id: string, enabled: boolean): void;
  /** Stops timers and locks; resolves once Keymint's copy (if still there) is off the clipboard and the last tokens are on disk. */
  dispose(): Promise<void>;
}

export interface SessionEvents {
  providers: ProviderChanges;
  vaultChanged(): void;
  /** The app settings may differ (this host changed them, or another process wrote the document). */
  settingsChanged(): void;
  alert(alert: TokenAlert): void;
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
  // Read at each copy: a delay changed in Settings (here or in another Keymint process) applies to the next copy.
  const clipboard = guardedClipboard(ports.clipboard, schedule, () => clipboardClearMs(repository.current.settings));
  const alerts = new TokenAlerts({
    name: (id) => repository.provider(id)?.name,
    expiresAt: (id) => tokens.times(id)?.expiresAt,
    report: (alert) => events.alert(alert),
  });
  const expiry = new ExpiryWatch({ clock: ports.clock, schedule, expired: (id, at) => alerts.expired(id, at) });
  const renewal: RenewalScheduler = new RenewalScheduler({
    clock: ports.clock,
    schedule,
    random: ports.random,
    canRenew: unlocked,
    autoRenew: (id) => repository.provider(id)?.autoRenew !== false,
    stopped: (id) => alerts.renewalStopped(id),
    token: (id) => tokens.times(id),
    providersWithTokens: () => repository.tokenHolders(),
    renew: (id) => tokens.generate(id, 'renewal'),
    changed,
  });
  // Request outcomes go to renewal, and every new token's expiry to the watch that notices it running out.
  const lifecycle: TokenLifecycle = {
    attempting: (id) => renewal.attempting(id),
    succeeded: (id, token, trigger) => {
      expiry.watch(id, token.expiresAt);
      renewal.succeeded(id, token, trigger);
    },
    failed: (id, error, trigger) => renewal.failed(id, error, trigger),
    forget: (id) => {
      renewal.forget(id);
      expiry.forget(id);
    },
    view: (id) => renewal.view(id),
  };
  const tokens: TokenService = new TokenService({ repository, providers, engine, cipher, clipboard, clock: ports.clock, secrets, log: ports.log, lifecycle, journal, changed: (id) => changed([id]) });
  const viewOf = (provider: StoredProvider) => containedView(provider, () => tokens.status(provider.id));
  // Another Keymint process (a second window's host, the CLI) wrote the vault: show it, and use its key slots, settings and tokens.
  const stopFollowing = repository.follow(
    (change) => {
      if (change.file === 'document') {
        vault.reloaded();
        // Renewal turned back on there is planned here too (turned off, it is refused when due).
        if (unlocked()) renewal.resume();
        events.providers.all();
        events.settingsChanged();
      } else {
        renewal.tokensReplaced();
        for (const id of change.providerIds) expiry.watch(id, tokens.times(id)?.expiresAt);
        events.providers.touch(...change.providerIds);
      }
    },
    (error) => ports.log.warn(`another Keymint process changed the data, which could not be read again: ${error instanceof Error ? error.message : String(error)}`),
  );
  renewal.resume();
  for (const id of repository.tokenHolders()) expiry.watch(id, tokens.times(id)?.expiresAt);
  return {
    repository,
    vault,
    providers,
    tokens,
    view: (id) => viewOf(providers.get(id)),
    views: () => providers.all().map(viewOf),
    setAutoRenew: (id, enabled) => {
      providers.setAutoRenew(id, enabled);
      renewal.reconsider(id);
    },
    dispose: () => {
      // Quitting: a copied token must not outlive the app on the clipboard (the host waits for this).
      const cleared = clipboard.clearOwn();
      stopFollowing();
      renewal.stop();
      expiry.stop();
      vault.dispose();
      // Tokens minted in the last moment are written before the host exits (a cache: a failure is only logged).
      const flushed = repository.flush().catch((error: unknown) => ports.log.warn(`tokens were not saved: ${error instanceof Error ? error.message : String(error)}`));
      return Promise.all([cleared, flushed]).then(() => undefined);
    },
  };
}
