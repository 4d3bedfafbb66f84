/**
 * The one error type the vault throws for expected failures. Callers (IPC
 * handlers, the UI) branch on `code`; messages are written for people and never
 * contain key material, passphrases or plaintext.
 */
export type VaultErrorCode =
  | 'locked'
  | 'wrong-passphrase'
  | 'decrypt-failed'
  | 'corrupt'
  | 'keychain-unavailable'
  | 'not-initialized'
  | 'already-initialized'
  | 'no-such-slot'
  // Removing the only remaining unlock method would make the data unrecoverable.
  | 'last-slot';

export class VaultError extends Error {
  readonly code: VaultErrorCode;

  constructor(code: VaultErrorCode, message: string) {
    // Deliberately no `cause`: underlying crypto errors are not passed along, so
    // nothing beyond this hand-written message can leak into logs or IPC replies.
    super(message);
    this.name = 'VaultError';
    this.code = code;
  }
}

export function isVaultError(error: unknown, code?: VaultErrorCode): error is VaultError {
  return error instanceof VaultError && (code === undefined || error.code === code);
}
