import type { VaultStatus } from '../../shared/ipc/vault-view';
import { AppError } from './app-error';
import { openSession, type KeymintSession, type SessionEvents } from './keymint-session';
import type { KeymintPorts } from './ports';
import type { SecretRegistry } from './redaction/secret-registry';
import { keychainView } from './vault/describe-keychain';

/**
 * The open data file and the policy every facade applies before acting: which actions need the
 * file readable, which need the vault unlocked, and the first use that sets up the vault with the
 * system keychain. An unreadable file leaves Keymint running, saying why, with the file untouched.
 */
export class SessionHolder {
  private current: KeymintSession | undefined;
  private problem: string | undefined;

  constructor(
    private readonly ports: KeymintPorts,
    private readonly secrets: SecretRegistry,
    private readonly events: SessionEvents,
  ) {
    this.open();
  }

  /** The open session, or undefined while the data file is unreadable. */
  get maybe(): KeymintSession | undefined {
    return this.current;
  }

  /** The open session; throws a plain-words error while the data file is unreadable. */
  session(): KeymintSession {
    if (!this.current) throw new AppError('vault', this.problem ?? 'Keymint data is unavailable.');
    return this.current;
  }

  /** The session, refusing while the vault is locked (it may be not set up yet): for changes that need no key. */
  notLocked(): KeymintSession {
    const current = this.session();
    if (current.vault.vault.state() === 'locked') throw new AppError('locked', 'The vault is locked. Unlock it first.');
    return current;
  }

  /** Makes the vault usable (default keychain setup on first use), or says why it is not. */
  async ready(): Promise<KeymintSession> {
    const current = this.session();
    const vault = current.vault.vault;
    // A set-up or unlock already under way decides what this action finds.
    await vault.settled();
    this.notLocked();
    if (vault.state() === 'uninitialized') {
      // Only with no other choice made: a passphrase picked in the set-up panel is never overridden.
      if (current.vault.pendingSetup() === 'passphrase') {
        throw new AppError('setup-required', 'Finish setting up the vault first: press “Set up vault” with your passphrase. Nothing was saved.');
      }
      if (!this.ports.keychain.status().available) throw new AppError('setup-required', 'Set up the vault with a passphrase first.');
      await vault.setup({ method: 'keychain' });
    }
    vault.touch();
    return current;
  }

  status(): VaultStatus {
    if (this.current) return this.current.vault.status();
    return {
      state: 'unreadable',
      slots: [],
      keychain: keychainView(this.ports.keychain.status()),
      autoLockMinutes: null,
      lockOnSleep: true,
      setupMethod: null,
      problem: this.problem ?? null,
    };
  }

  /** Moves an unreadable data file aside and opens a new, empty one; says where the old one went. */
  startFresh(): VaultStatus & { movedTo: string } {
    if (this.current) throw new AppError('vault', 'The data file is readable; there is nothing to set aside.');
    const movedTo = this.ports.store.moveAside();
    this.ports.log.warn(`unreadable data file moved to ${movedTo}`);
    this.open();
    this.events.vaultChanged();
    this.events.providers.all();
    return { ...this.status(), movedTo };
  }

  /** The vault's idle check, run before every facade call. */
  checkIdle(): void {
    this.current?.vault.vault.checkIdle();
  }

  private open(): void {
    try {
      this.current = openSession(this.ports, this.secrets, this.events);
      this.problem = undefined;
    } catch (error) {
      this.current = undefined;
      this.problem = error instanceof Error ? error.message : String(error);
      this.ports.log.warn(`data file unreadable: ${this.problem}`);
    }
  }
}
