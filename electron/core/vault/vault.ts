import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { KEY_BYTES } from './aead';
import { createEnvelopeCipher, type EnvelopeCipher } from './envelope-cipher';
import { GuessDelay } from './guess-delay';
import { unwrapWithKeychain, wrapWithKeychain, type Keychain } from './keychain-slot';
import { unwrapWithPassphrase, wrapWithPassphrase, type PassphraseSlotOptions } from './passphrase-slot';
import { VaultError } from './vault-error';
import { slotKinds, type SlotKind, type VaultSlots } from './vault-slots';


export type VaultState = 'uninitialized' | 'locked' | 'unlocked';

export type SetupRequest = { readonly method: 'keychain' } | { readonly method: 'passphrase'; readonly passphrase: string };

export interface VaultSnapshot {
  readonly state: VaultState;
  readonly slots: readonly SlotKind[];
}

export type VaultListener = (snapshot: VaultSnapshot) => void;

export interface VaultOptions {
  /**
   * The slots as persisted now (see parseVaultSlots); undefined or {} means not set up. Read at
   * every use, not once: another Keymint process may set the vault up or change its passphrase.
   */
  slots(): VaultSlots | undefined;
  readonly keychain: Keychain;
  /**
   * Persists synchronously: `change` gets the slots persisted at that moment (another process
   * may have written since they were last read) and returns the next ones. If it throws,
   * nothing is saved.
   */
  saveSlots(change: (latest: VaultSlots) => VaultSlots): void;
  now(): number;
  /** Waits out the delay between wrong passphrases (setTimeout in the app, recorded in tests). */
  sleep(ms: number): Promise<void>;
  /** Idle time after which checkIdle() locks; undefined or 0 disables auto-lock. */
  readonly autoLockMs?: number;
  /** TESTS ONLY: weaker scrypt cost (see PassphraseSlotOptions). Never set in the app. */
  readonly kdf?: PassphraseSlotOptions['kdf'];
}

interface Unlocked {
  readonly dataKey: Buffer;
  readonly cipher: EnvelopeCipher;
}

/**
 * Holds the data key while unlocked and nothing secret while locked. The data
 * key is random and never changes; unlock methods ("slots") only wrap it, so
 * adding or changing a passphrase never re-encrypts stored secrets.
 *
 * Async operations are serialised; lock() is synchronous and always wins: an
 * operation that was in flight when the vault locked fails with 'locked' and
 * persists nothing.
 */
export class Vault {
  private unlocked: Unlocked | undefined;
  /** Bumped on every lock/unlock so in-flight operations can tell the key they started with is gone. */
  private generation = 0;
  private lastActivity = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<VaultListener>();
  private readonly guardedCipher: EnvelopeCipher;
  private readonly guesses: GuessDelay;

  private autoLockMs: number | undefined;

  constructor(private readonly options: VaultOptions) {
    this.autoLockMs = options.autoLockMs;
    this.guesses = new GuessDelay(options.now, options.sleep);
    // Handed out by cipher(): delegates to the live key, so a reference kept
    // by some service stops working the moment the vault locks.
    this.guardedCipher = {
      encrypt: (plaintext, place) => this.liveCipher().encrypt(plaintext, place),
      decrypt: (ciphertext, place) => this.liveCipher().decrypt(ciphertext, place),
    };
  }

  state(): VaultState {
    if (this.unlocked) return 'unlocked';
    return slotKinds(this.slots).length === 0 ? 'uninitialized' : 'locked';
  }

  snapshot(): VaultSnapshot {
    return { state: this.state(), slots: slotKinds(this.slots) };
  }

  onChange(listener: VaultListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  setup(request: SetupRequest): Promise<void> {
    return this.exclusive(async () => {
      // A first Save already set the keychain up by default: that is what this asks for, not an error.
      if (request.method === 'keychain' && this.unlocked && slotKinds(this.slots).join() === 'keychain') return;
      if (this.state() !== 'uninitialized') throw new VaultError('already-initialized', 'The vault is already set up.');
      const dataKey = randomBytes(KEY_BYTES);
      try {
        const slots: VaultSlots =
          request.method === 'keychain'
            ? { keychain: await wrapWithKeychain(dataKey, this.options.keychain) }
            : { passphrase: await wrapWithPassphrase(dataKey, request.passphrase, this.kdfOptions()) };
        // Another process may have set the vault up meanwhile: two data keys must never compete.
        this.options.saveSlots((latest) => {
          if (slotKinds(latest).length > 0) throw new VaultError('already-initialized', 'The vault was set up meanwhile by another Keymint window or the command line; unlock it instead.');
          return slots;
        });
      } catch (error) {
        dataKey.fill(0);
        throw error;
      }
      this.becomeUnlocked(dataKey);
    });
  }

  unlockWithPassphrase(passphrase: string): Promise<void> {
    return this.exclusive(async () => {
      const slot = this.requireSlot('passphrase');
      this.acceptKey(await this.guesses.attempt(() => unwrapWithPassphrase(slot, passphrase, this.kdfOptions())));
    });
  }

  unlockWithKeychain(): Promise<void> {
    return this.exclusive(async () => {
      const slot = this.requireSlot('keychain');
      this.acceptKey(await unwrapWithKeychain(slot, this.options.keychain));
    });
  }

  /**
   * CORE ONLY, for a host that keeps a short-lived copy of the key of its own (the CLI's
   * `keymint unlock` session, sealed under a random secret): a copy of the data key and a
   * binding to the slots as they are now. The caller owns and zeroes the copy.
   */
  shareKey(): Promise<{ dataKey: Buffer; binding: Buffer }> {
    return this.exclusive(async () => {
      const dataKey = Buffer.from(this.requireUnlocked().dataKey);
      return { dataKey, binding: this.bindingOf(dataKey) };
    });
  }

  /**
   * Opens with a key from shareKey, only while the slots are still those it was bound to: a
   * changed passphrase, a removed slot or a vault set up afresh refuses every key shared before.
   */
  unlockWithSharedKey(dataKey: Buffer, binding: Buffer): Promise<void> {
    return this.exclusive(async () => {
      if (this.state() === 'uninitialized') throw new VaultError('not-initialized', 'The vault has not been set up yet.');
      const key = Buffer.from(dataKey);
      const expected = key.length === KEY_BYTES ? this.bindingOf(key) : Buffer.alloc(0);
      if (expected.length !== binding.length || !timingSafeEqual(expected, binding)) {
        key.fill(0);
        throw new VaultError('decrypt-failed', 'That key no longer opens this vault: its unlock methods changed since.');
      }
      this.acceptKey(key);
    });
  }

  /** HMAC of the persisted slots under the data key: only the right key, over unchanged slots, gives it. */
  private bindingOf(dataKey: Buffer): Buffer {
    return createHmac('sha256', dataKey).update('keymint:shared-key:v1\n').update(JSON.stringify(this.slots)).digest();
  }

  /** Resolves once every operation queued so far (a set-up, an unlock) has finished, however it ended. */
  async settled(): Promise<void> {
    await this.queue;
  }

  lock(): void {
    if (!this.unlocked) return;
    // Zero the only copy of the key; the envelope cipher shares this buffer.
    this.unlocked.dataKey.fill(0);
    this.unlocked = undefined;
    this.generation += 1;
    this.emit();
  }

  /** Adds a passphrase slot to a vault that has none (changing one needs the current passphrase). */
  addPassphrase(passphrase: string): Promise<void> {
    return this.rewrap(
      (dataKey) => wrapWithPassphrase(dataKey, passphrase, this.kdfOptions()).then((passphrase) => ({ passphrase })),
      () => {
        if (this.slots.passphrase) throw new VaultError('already-initialized', 'The vault already has a passphrase; change it instead.');
      },
    );
  }

  /**
   * Replaces the passphrase slot. The current passphrase must open the existing slot: an
   * unlocked, unattended screen is not enough to lock the owner out.
   */
  changePassphrase(current: string, next: string): Promise<void> {
    return this.rewrap(
      (dataKey) => wrapWithPassphrase(dataKey, next, this.kdfOptions()).then((passphrase) => ({ passphrase })),
      (dataKey) => this.confirmPassphrase(dataKey, current),
    );
  }

  /** Proves the owner is present before a change that weakens or replaces how the vault opens. */
  verifyPassphrase(current: string): Promise<void> {
    return this.exclusive(async () => {
      const copy = Buffer.from(this.requireUnlocked().dataKey);
      try {
        await this.confirmPassphrase(copy, current);
      } finally {
        copy.fill(0);
      }
    });
  }

  private async confirmPassphrase(dataKey: Buffer, current: string): Promise<void> {
    const slot = this.slots.passphrase;
    if (!slot) throw new VaultError('no-such-slot', 'The vault has no passphrase.');
    await this.guesses.attempt(async () => {
      const opened = await unwrapWithPassphrase(slot, current, this.kdfOptions());
      const same = opened.length === dataKey.length && timingSafeEqual(opened, dataKey);
      opened.fill(0);
      if (!same) throw new VaultError('wrong-passphrase', 'That passphrase does not unlock this vault.');
    });
  }

  addKeychain(): Promise<void> {
    return this.rewrap((dataKey) => wrapWithKeychain(dataKey, this.options.keychain).then((keychain) => ({ keychain })));
  }

  removeSlot(kind: SlotKind): Promise<void> {
    return this.exclusive(async () => {
      this.requireUnlocked();
      if (!this.slots[kind]) throw new VaultError('no-such-slot', `The vault has no ${kind} unlock method.`);
      this.options.saveSlots((latest) => {
        const rest: { -readonly [K in SlotKind]?: VaultSlots[K] } = { ...latest };
        delete rest[kind];
        if (slotKinds(rest).length === 0) {
          throw new VaultError('last-slot', 'This is the only way to unlock the vault, so it cannot be removed.');
        }
        return rest;
      });
      this.emit();
    });
  }

  /** The cipher for stored secrets; throws VaultError 'locked' unless unlocked. */
  cipher(): EnvelopeCipher {
    this.liveCipher();
    return this.guardedCipher;
  }

  /** Records user activity, postponing auto-lock; past the idle deadline it locks instead of reviving. */
  touch(): void {
    if (this.checkIdle()) return;
    if (this.unlocked) this.lastActivity = this.options.now();
  }

  /**
   * Locks if idle for autoLockMs; returns whether it locked. The app polls this;
   * cipher() and every IPC action check it too, so a late poll (e.g. across
   * system sleep) cannot extend the unlocked window.
   */
  checkIdle(): boolean {
    const deadline = this.idleDeadline();
    if (deadline === undefined || this.options.now() < deadline) return false;
    this.lock();
    return true;
  }

  /** When the vault will auto-lock if nothing touches it, or undefined. */
  idleDeadline(): number | undefined {
    const autoLockMs = this.autoLockMs;
    if (!this.unlocked || !autoLockMs) return undefined;
    return this.lastActivity + autoLockMs;
  }

  /** Changes the idle time (a user setting); undefined or 0 disables auto-lock. */
  setAutoLock(ms: number | undefined): void {
    this.autoLockMs = ms;
  }

  private liveCipher(): EnvelopeCipher {
    this.checkIdle();
    return this.requireUnlocked().cipher;
  }

  private requireUnlocked(): Unlocked {
    if (!this.unlocked) {
      if (this.state() === 'uninitialized') throw new VaultError('not-initialized', 'The vault has not been set up yet.');
      throw new VaultError('locked', 'The vault is locked.');
    }
    return this.unlocked;
  }

  private requireSlot<K extends SlotKind>(kind: K): NonNullable<VaultSlots[K]> {
    if (this.state() === 'uninitialized') throw new VaultError('not-initialized', 'The vault has not been set up yet.');
    const slot = this.slots[kind];
    if (!slot) throw new VaultError('no-such-slot', `The vault has no ${kind} unlock method.`);
    return slot as NonNullable<VaultSlots[K]>;
  }

  /** Takes ownership of an unwrapped key. */
  private acceptKey(dataKey: Buffer): void {
    if (this.unlocked) {
      // Already unlocked (e.g. a double submit): the key was verified, keep the current one.
      dataKey.fill(0);
      return;
    }
    this.becomeUnlocked(dataKey);
  }

  private becomeUnlocked(dataKey: Buffer): void {
    this.unlocked = { dataKey, cipher: createEnvelopeCipher(dataKey) };
    this.generation += 1;
    this.lastActivity = this.options.now();
    this.emit();
  }

  /** Wraps the (unchanged) data key into one more slot and persists it. */
  private rewrap(wrap: (dataKey: Buffer) => Promise<VaultSlots>, precondition?: (dataKey: Buffer) => void | Promise<void>): Promise<void> {
    return this.exclusive(async () => {
      const started = this.generation;
      const { dataKey } = this.requireUnlocked();
      // Work on a copy: lock() may zero the live key while we await the KDF or keychain.
      const copy = Buffer.from(dataKey);
      let added: VaultSlots;
      try {
        await precondition?.(copy);
        added = await wrap(copy);
      } finally {
        copy.fill(0);
      }
      if (this.generation !== started || !this.unlocked) {
        throw new VaultError('locked', 'The vault locked before the change was saved; nothing was changed.');
      }
      this.options.saveSlots((latest) => ({ ...latest, ...added }));
      this.emit();
    });
  }

  private get slots(): VaultSlots {
    return this.options.slots() ?? {};
  }

  private kdfOptions(): PassphraseSlotOptions {
    return this.options.kdf ? { kdf: this.options.kdf } : {};
  }

  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Listeners run after the state change is complete. One that throws does not
   * stop the others or undo the change; its error is rethrown afterwards so the
   * bug still surfaces.
   */
  private emit(): void {
    const snapshot = this.snapshot();
    const errors: unknown[] = [];
    for (const listener of [...this.listeners]) {
      try {
        listener(snapshot);
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, 'Vault change listeners failed');
  }
}
