import type { VaultStatus } from '../../../shared/ipc/vault-view';
import type { Clock, Sleep } from '../ports';
import type { DocumentRepository } from '../store/document-repository';
import { keychainView } from './describe-keychain';
import type { Keychain } from './keychain-slot';
import type { PassphraseSlotOptions } from './passphrase-slot';
import { Vault, type SetupRequest, type VaultState } from './vault';
import { parseVaultSlots, type VaultSlots } from './vault-slots';

type SetupMethod = SetupRequest['method'];

const IDLE_CHECK_MS = 5_000;
/** Like a password manager: lock after a quarter hour without use unless the user says otherwise. */
export const DEFAULT_AUTO_LOCK_MINUTES = 15;

export interface VaultServiceDeps {
  repository: DocumentRepository;
  keychain: Keychain;
  clock: Clock;
  sleep: Sleep;
  changed: () => void;
  kdf?: PassphraseSlotOptions['kdf'];
}

/**
 * The vault bound to the document: slots and the auto-lock setting persist there, and a
 * timer enforces auto-lock (the vault also checks on every use, so a late timer cannot
 * extend the unlocked window).
 */
export class VaultService {
  readonly vault: Vault;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** What the user picked in the set-up panel before pressing "Set up vault" (kept for this run only). */
  private setupChoice: SetupMethod | null = null;
  /** The stored slots parsed, for the stored value they came from (a change to the document replaces it). */
  private parsed: { from: unknown; slots: VaultSlots | undefined } | undefined;
  /** What the board last heard about the vault, to tell it only when another process changed that. */
  private shown: { state: VaultState; summary: string };

  constructor(private readonly deps: VaultServiceDeps) {
    const minutes = this.autoLockMinutes();
    this.vault = new Vault({
      slots: () => this.storedSlots(),
      keychain: deps.keychain,
      saveSlots: (change) => deps.repository.update((doc) => ({ ...doc, vault: { ...change(parseVaultSlots(doc.vault) ?? {}) } })),
      now: () => deps.clock.now(),
      sleep: deps.sleep,
      autoLockMs: minutes === null ? undefined : minutes * 60_000,
      kdf: deps.kdf,
    });
    this.vault.onChange(() => {
      this.shown = this.summary();
      deps.changed();
    });
    // Malformed slots are reported now, when the session opens, not at the first use.
    this.shown = this.summary();
    this.timer = setInterval(() => this.vault.checkIdle(), IDLE_CHECK_MS);
    this.timer.unref?.();
  }

  /**
   * Another Keymint process changed the document: its slots and settings hold here from now
   * on. A vault it set up with the keychain opens here too, as it would at start.
   */
  reloaded(): void {
    const minutes = this.autoLockMinutes();
    this.vault.setAutoLock(minutes === null ? undefined : minutes * 60_000);
    const before = this.shown;
    this.shown = this.summary();
    if (this.shown.summary === before.summary) return;
    this.deps.changed();
    if (before.state === 'uninitialized' && this.shown.state === 'locked') void this.unlockQuietly();
  }

  private storedSlots(): VaultSlots | undefined {
    const from = this.deps.repository.current.vault;
    if (this.parsed?.from !== from) this.parsed = { from, slots: parseVaultSlots(from) };
    return this.parsed?.slots;
  }

  private summary(): { state: VaultState; summary: string } {
    const { state, slots } = this.vault.snapshot();
    return { state, summary: JSON.stringify([state, slots, this.autoLockMinutes(), this.lockOnSleep()]) };
  }

  /** Opens the vault without a prompt when a keychain slot exists and the keychain answers. */
  async unlockQuietly(): Promise<void> {
    if (this.vault.state() !== 'locked' || !this.vault.snapshot().slots.includes('keychain')) return;
    if (!this.deps.keychain.status().available) return;
    await this.vault.unlockWithKeychain().catch(() => undefined);
  }

  setAutoLock(minutes: number | null): void {
    this.deps.repository.update((doc) => ({ ...doc, settings: { ...doc.settings, autoLockMinutes: minutes } }));
    this.vault.setAutoLock(minutes === null ? undefined : minutes * 60_000);
    this.vault.touch();
    this.deps.changed();
  }

  /** Records the set-up method the user picked; a passphrase stops any default keychain set-up. */
  chooseSetup(method: SetupMethod): void {
    this.setupChoice = method;
    this.deps.changed();
  }

  /** The pending choice while the vault is not set up yet; null once it is, or when none was made. */
  pendingSetup(): SetupMethod | null {
    return this.vault.state() === 'uninitialized' ? this.setupChoice : null;
  }

  setLockOnSleep(enabled: boolean): void {
    this.deps.repository.update((doc) => ({ ...doc, settings: { ...doc.settings, lockOnSleep: enabled } }));
    this.deps.changed();
  }

  /** The screen locked or the machine is going to sleep: lock too, unless the user turned that off. */
  systemLocking(): void {
    if (this.lockOnSleep()) this.vault.lock();
  }

  status(): VaultStatus {
    const keychain = this.deps.keychain.status();
    return {
      state: this.vault.state(),
      slots: [...this.vault.snapshot().slots],
      keychain: keychainView(keychain),
      autoLockMinutes: this.autoLockMinutes(),
      lockOnSleep: this.lockOnSleep(),
      setupMethod: this.pendingSetup(),
      problem: null,
    };
  }

  private autoLockMinutes(): number | null {
    const setting = this.deps.repository.current.settings?.autoLockMinutes;
    return setting === undefined ? DEFAULT_AUTO_LOCK_MINUTES : setting;
  }

  /** Like a password manager: on unless the user turned it off. */
  private lockOnSleep(): boolean {
    return this.deps.repository.current.settings?.lockOnSleep ?? true;
  }

  dispose(): void {
    clearInterval(this.timer);
    this.vault.lock();
  }
}
