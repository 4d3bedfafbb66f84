import type { KeychainStatus } from './keychain-slot';

/**
 * Reasons the OS keyring adapter (platform/os-keyring-keychain) reports when the keychain slot
 * is not offered. Plain strings so other adapters can report their own.
 */
export const KEYCHAIN_UNAVAILABLE = {
  /** Linux: no D-Bus session bus to reach a keyring through (headless, SSH, a bare container). */
  noDbusSession: 'no-dbus-session',
  /** Linux: a session bus, but nothing there provides the Secret Service (no GNOME Keyring, KWallet…). */
  noSecretService: 'no-secret-service',
  /** Linux: the Secret Service has no default collection to create Keymint's entry in. */
  noDefaultCollection: 'no-default-collection',
  /** The collection or keychain is locked and its unlock prompt was dismissed or could not be shown. */
  keyringLocked: 'keyring-locked',
  /** The OS refused access (macOS: access denied or cancelled; Windows: access denied). */
  keyringDenied: 'keyring-denied',
  /** Keymint's entry exists but does not hold a key Keymint wrote; it is never replaced. */
  keyUnreadable: 'key-unreadable',
  /** The native keyring binding could not be loaded (unsupported platform, broken package). */
  bindingMissing: 'keyring-binding-missing',
  /** Any other failure of the credential store. */
  keyringFailed: 'keyring-failed',
} as const;

const PASSPHRASE_INSTEAD = 'so Keymint asks for a passphrase instead.';

/** One plain-words sentence for the UI explaining the keychain choice. */
export function describeKeychain(status: KeychainStatus): string {
  if (status.available) {
    return "Keymint keeps its vault key in your system keychain, so you won't need a passphrase to unlock.";
  }
  switch (status.reason) {
    case KEYCHAIN_UNAVAILABLE.noDbusSession:
      return `There is no D-Bus session to reach a system keyring through (as in a headless or remote session), ${PASSPHRASE_INSTEAD}`;
    case KEYCHAIN_UNAVAILABLE.noSecretService:
      return `No system keyring is running (nothing provides the Secret Service on D-Bus, such as GNOME Keyring or KWallet), ${PASSPHRASE_INSTEAD}`;
    case KEYCHAIN_UNAVAILABLE.noDefaultCollection:
      return `Your system keyring has no default collection to keep Keymint's key in (it has not been set up), ${PASSPHRASE_INSTEAD}`;
    case KEYCHAIN_UNAVAILABLE.keyringLocked:
      return `Your system keyring is locked and was not unlocked, ${PASSPHRASE_INSTEAD}`;
    case KEYCHAIN_UNAVAILABLE.keyringDenied:
      return `Your system keychain did not let Keymint use it, ${PASSPHRASE_INSTEAD}`;
    case KEYCHAIN_UNAVAILABLE.keyUnreadable:
      return `Keymint's entry in your system keyring does not hold a key Keymint wrote, and Keymint will not overwrite it, ${PASSPHRASE_INSTEAD}`;
    case KEYCHAIN_UNAVAILABLE.bindingMissing:
      return `Keymint could not load its connection to the system keyring on this computer, ${PASSPHRASE_INSTEAD}`;
    case KEYCHAIN_UNAVAILABLE.keyringFailed:
      return `Your system keyring did not answer as expected, ${PASSPHRASE_INSTEAD}`;
    default:
      return `The system keychain is not available (${status.reason}), ${PASSPHRASE_INSTEAD}`;
  }
}

/** The keychain as the renderer sees it: available, or why not in words. */
export function keychainView(status: KeychainStatus): { available: boolean; reason: string | null } {
  return { available: status.available, reason: status.available ? null : describeKeychain(status) };
}
