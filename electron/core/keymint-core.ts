import { deadlineFirst } from './deadline-first';
import { providersFacade, type ProvidersFacade } from './facades/providers-facade';
import { settingsFacade, type SettingsFacade } from './facades/settings-facade';
import { tokensFacade, type TokensFacade } from './facades/tokens-facade';
import { transferFacade, type TransferFacade } from './facades/transfer-facade';
import { vaultFacade, type VaultFacade } from './facades/vault-facade';
import type { KeymintPorts } from './ports';
import { ProviderChanges, type ProvidersChange } from './provider-changes';
import { SecretRegistry } from './redaction/secret-registry';
import { SessionHolder } from './session-holder';
import type { TokenAlert } from './tokens/token-alerts';

/**
 * What changed, for a host to pass on: the providers to show again, the vault's status, the app
 * settings; or an alert (a renewal gave up, a token ran out) for a host that can notify.
 */
export type CoreChange =
  | { kind: 'providers'; change: ProvidersChange }
  | { kind: 'vault' }
  | { kind: 'settings' }
  | { kind: 'alert'; alert: TokenAlert };
export type CoreListener = (change: CoreChange) => void;

/** Keymint without a host: every host (the Electron app, the served host, the CLI) calls these facades directly. */
export interface KeymintCore {
  readonly vault: VaultFacade;
  readonly settings: SettingsFacade;
  readonly providers: ProvidersFacade;
  readonly tokens: TokensFacade;
  readonly transfer: TransferFacade;
  /** Hears every change, whoever caused it (a host, a renewal, the auto-lock); returns an unsubscribe. */
  subscribe(listener: CoreListener): () => void;
  /** Scrubs every secret and token the core knows from text about to leave it. */
  redact(text: string): string;
  /** Opens the vault with the keychain when that slot exists (no prompt needed). */
  start(): Promise<void>;
  /** Stops timers and locks; resolves once Keymint's copy (if still there) is off the clipboard. */
  dispose(): Promise<void>;
}

export function createKeymintCore(ports: KeymintPorts): KeymintCore {
  const secrets = new SecretRegistry();
  const listeners = new Set<CoreListener>();
  const emit = (change: CoreChange) => {
    for (const listener of listeners) listener(change);
  };
  const holder = new SessionHolder(ports, secrets, {
    providers: new ProviderChanges((change) => emit({ kind: 'providers', change })),
    vaultChanged: () => emit({ kind: 'vault' }),
    settingsChanged: () => emit({ kind: 'settings' }),
    alert: (alert) => emit({ kind: 'alert', alert }),
  });
  const checked = <T extends object>(facade: T) => deadlineFirst(facade, () => holder.checkIdle());
  const stopSystemLock = ports.onSystemLock?.(() => holder.maybe?.vault.systemLocking());

  return {
    vault: checked(vaultFacade(holder, ports.askOwner)),
    settings: checked(settingsFacade(holder, () => emit({ kind: 'settings' }))),
    providers: checked(providersFacade(holder)),
    tokens: checked(tokensFacade(holder)),
    transfer: checked(transferFacade(holder, ports)),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    redact: (text) => secrets.redact(text),
    start: async () => {
      await holder.maybe?.vault.unlockQuietly();
    },
    dispose: async () => {
      stopSystemLock?.();
      // Nobody is left to tell: the host is going away, and locking would push the whole board.
      listeners.clear();
      await holder.maybe?.dispose();
    },
  };
}
