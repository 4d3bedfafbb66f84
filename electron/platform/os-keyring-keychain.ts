import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as NapiKeyring from '@napi-rs/keyring';
import { describeKeychain, IV_BYTES, KEY_BYTES, KEYCHAIN_UNAVAILABLE, open, seal, TAG_BYTES, type Keychain, type KeychainStatus } from '../core';

export type KeyringBinding = Pick<typeof NapiKeyring, 'Entry' | 'AsyncEntry'>;

export interface OsKeyringOptions {
  /** Service name of Keymint's entry in the credential store. Tests use their own and remove it. */
  readonly service?: string;
  /** Account (user name) of that entry. */
  readonly account?: string;
  /** Clock for looking at an unusable keyring again; tests pass their own. */
  readonly now?: () => number;
  /** Loads the native binding; a host or test may supply another loader. */
  readonly loadBinding?: () => KeyringBinding;
}

export const DEFAULT_KEYRING_SERVICE = 'Keymint';
export const DEFAULT_KEYRING_ACCOUNT = 'vault-wrapping-key';
/** An unusable keyring is looked at again after this long: the user may unlock it or start one. */
export const KEYRING_RECHECK_MS = 60_000;

/**
 * On Linux the binding otherwise falls back, silently, to the kernel keyutils keyring when no
 * Secret Service answers. That keyring lives in memory and is empty after a reboot: a vault
 * opened only by the keychain would be lost. Pinned, the binding throws instead and Keymint
 * asks for a passphrase. Ignored on macOS and Windows.
 */
const ENTRY_OPTIONS: NapiKeyring.EntryOptions = { linux: { store: 'secret-service' } };

const FORMAT_VERSION = 1;
const AAD = Buffer.from('keymint:os-keyring:v1');

/** Loaded on first use, not at import: a missing native file must cost the keychain, not the app. */
function loadNativeBinding(): KeyringBinding {
  return createRequire(import.meta.url)('@napi-rs/keyring') as KeyringBinding;
}

/**
 * The binding reports failures as text from the platform store (D-Bus, Secret Service, macOS
 * Security, Windows Credential Manager). These are the texts seen from each; the first match wins.
 */
const FAILURES: ReadonlyArray<readonly [RegExp, string]> = [
  [/DBUS_SESSION_BUS_ADDRESS|autolaunch|Failed to connect to socket|Connection refused/i, KEYCHAIN_UNAVAILABLE.noDbusSession],
  [/org\.freedesktop\.secrets|ServiceUnknown|NameHasNoOwner/i, KEYCHAIN_UNAVAILABLE.noSecretService],
  [/prompt was dismissed|IsLocked|\blocked\b/i, KEYCHAIN_UNAVAILABLE.keyringLocked],
  [/no result found|NoSuchObject/i, KEYCHAIN_UNAVAILABLE.noDefaultCollection],
  [/user canceled|interaction is not allowed|errSecAuthFailed|access ?denied|access is denied/i, KEYCHAIN_UNAVAILABLE.keyringDenied],
];

/** Maps an error from the binding to a KEYCHAIN_UNAVAILABLE reason. */
export function keyringFailureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return FAILURES.find(([pattern]) => pattern.test(message))?.[1] ?? KEYCHAIN_UNAVAILABLE.keyringFailed;
}

/** A failure that says the keyring cannot be used now; it becomes the status until re-checked. */
class KeyringUnusable extends Error {
  constructor(readonly reason: string) {
    super(describeKeychain({ available: false, reason }));
  }
}

/**
 * The Keychain port over the OS credential store (macOS Keychain, Windows Credential Manager,
 * the Secret Service on Linux) through @napi-rs/keyring. The store holds one random 256-bit
 * wrapping key per OS user; encrypt and decrypt are AES-256-GCM under it, so every Keymint
 * process of that user opens the same vault. The key is created on the first encrypt and never
 * replaced: an entry that exists but cannot be read or is not a key makes the keychain
 * unavailable, it is not overwritten.
 *
 * status() is synchronous: the first call reads an entry Keymint never writes, which reaches
 * the store (D-Bus session, Secret Service) without touching the key and so cannot raise an
 * unlock or access prompt. A locked collection shows only when the key is used: the OS prompts
 * on a desktop; where it cannot (headless) or the prompt is dismissed, the operation fails and
 * the status says why. An unusable status is looked at again after KEYRING_RECHECK_MS.
 * Key operations use the binding's async entries, so a prompt never blocks the main process.
 */
export function createOsKeyringKeychain(options: OsKeyringOptions = {}): Keychain {
  const service = options.service ?? DEFAULT_KEYRING_SERVICE;
  const account = options.account ?? DEFAULT_KEYRING_ACCOUNT;
  const now = options.now ?? Date.now;
  const loadBinding = options.loadBinding ?? loadNativeBinding;
  let binding: KeyringBinding | undefined;
  const loaded = (): KeyringBinding => (binding ??= loadBinding());
  let known: { status: KeychainStatus; at: number } | undefined;
  let encrypting: Promise<unknown> = Promise.resolve();

  const remember = (status: KeychainStatus) => void (known = { status, at: now() });

  function probe(): KeychainStatus {
    let native: KeyringBinding;
    try {
      native = loaded();
    } catch {
      return { available: false, reason: KEYCHAIN_UNAVAILABLE.bindingMissing };
    }
    try {
      new native.Entry(service, `${account}.probe`, ENTRY_OPTIONS).getSecret();
      return { available: true };
    } catch (error) {
      return { available: false, reason: keyringFailureReason(error) };
    }
  }

  function status(): KeychainStatus {
    if (!known || (!known.status.available && now() - known.at >= KEYRING_RECHECK_MS)) {
      known = { status: probe(), at: now() };
    }
    return known.status;
  }

  /** The binding's async entry for the key; throws KeyringUnusable when the keychain is not usable. */
  function keyEntry(): NapiKeyring.AsyncEntry {
    const current = status();
    if (!current.available) throw new KeyringUnusable(current.reason);
    try {
      const { AsyncEntry } = loaded();
      return new AsyncEntry(service, account, ENTRY_OPTIONS);
    } catch (error) {
      throw new KeyringUnusable(keyringFailureReason(error));
    }
  }

  /** Runs a key operation; a store failure becomes the status (never its text: it stays out of errors). */
  async function withStore<T>(operation: (entry: NapiKeyring.AsyncEntry) => Promise<T>): Promise<T> {
    try {
      const result = await operation(keyEntry());
      remember({ available: true });
      return result;
    } catch (error) {
      const unusable = error instanceof KeyringUnusable ? error : new KeyringUnusable(keyringFailureReason(error));
      remember({ available: false, reason: unusable.reason });
      throw unusable;
    }
  }

  async function readKey(entry: NapiKeyring.AsyncEntry): Promise<Buffer | undefined> {
    const stored = await entry.getSecret();
    if (stored === null) return undefined;
    const key = Buffer.from(stored);
    stored.fill(0);
    if (key.length === KEY_BYTES) return key;
    key.fill(0);
    throw new KeyringUnusable(KEYCHAIN_UNAVAILABLE.keyUnreadable);
  }

  async function createKey(entry: NapiKeyring.AsyncEntry): Promise<void> {
    const fresh = randomBytes(KEY_BYTES);
    try {
      await entry.setSecret(fresh);
    } finally {
      fresh.fill(0);
    }
  }

  /**
   * The key, created on first use. One at a time in this process, so two first encrypts cannot
   * each create one. The key is read back after creating it rather than taken from our copy:
   * another Keymint process creating it at the same moment may have written last.
   */
  function keyForEncrypt(entry: NapiKeyring.AsyncEntry): Promise<Buffer> {
    const run = encrypting.then(async () => {
      const existing = await readKey(entry);
      if (existing) return existing;
      await createKey(entry);
      const created = await readKey(entry);
      if (!created) throw new KeyringUnusable(KEYCHAIN_UNAVAILABLE.keyringFailed);
      return created;
    });
    encrypting = run.catch(() => undefined);
    return run;
  }

  return {
    status,
    async encrypt(data) {
      const key = await withStore(keyForEncrypt);
      try {
        const { iv, body } = seal(key, data, AAD);
        return Buffer.concat([Buffer.of(FORMAT_VERSION), iv, body]);
      } finally {
        key.fill(0);
      }
    },
    async decrypt(blob) {
      if (blob.length < 1 + IV_BYTES + TAG_BYTES || blob[0] !== FORMAT_VERSION) {
        throw new Error('This data was not encrypted by the system keyring adapter.');
      }
      const key = await withStore(readKey);
      if (!key) throw new Error("The system keyring holds no Keymint key: it was removed or the keyring was reset.");
      try {
        const plain = open(key, blob.subarray(1, 1 + IV_BYTES), blob.subarray(1 + IV_BYTES), AAD);
        if (!plain) throw new Error("The system keyring's key does not open this data: it was altered or encrypted under another key.");
        return plain;
      } finally {
        key.fill(0);
      }
    },
  };
}
