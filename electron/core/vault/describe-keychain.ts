import type { KeychainStatus } from './keychain-slot';

/**
 * Reasons the Electron adapter reports when safeStorage is not offered. Plain
 * strings so other adapters (browser test host) can report their own.
 */
export const KEYCHAIN_UNAVAILABLE = {
  /** Linux with no keyring: safeStorage falls back to a hard-coded password. */
  basicText: 'basic_text',
  /** safeStorage.isEncryptionAvailable() returned false. */
  encryptionUnavailable: 'encryption-unavailable',
  /** Asked before Electron's `ready` event, when safeStorage cannot answer yet. */
  notReady: 'not-ready',
} as const;

const PASSPHRASE_INSTEAD = 'so Keymint asks for a passphrase instead.';

/** One plain-words sentence for the UI explaining the keychain choice. */
export function describeKeychain(status: KeychainStatus): string {
  if (status.available) {
    return "Keymint keeps its vault key in your system keychain, so you won't need a passphrase to unlock.";
  }
  switch (status.reason) {
    case KEYCHAIN_UNAVAILABLE.basicText:
      return `No system keyring was found (Electron's safeStorage would use a hard-coded password), ${PASSPHRASE_INSTEAD}`;
    case KEYCHAIN_UNAVAILABLE.encryptionUnavailable:
      return `Your system keychain did not let Keymint encrypt data, ${PASSPHRASE_INSTEAD}`;
    case KEYCHAIN_UNAVAILABLE.notReady:
      return 'The system keychain is not ready yet; try again once Keymint has finished starting.';
    default:
      return `The system keychain is not available (${status.reason}), ${PASSPHRASE_INSTEAD}`;
  }
}

/** The keychain as the renderer sees it: available, or why not in words. */
export function keychainView(status: KeychainStatus): { available: boolean; reason: string | null } {
  return { available: status.available, reason: status.available ? null : describeKeychain(status) };
}
