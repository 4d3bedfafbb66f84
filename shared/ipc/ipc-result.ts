/** What every IPC call resolves to. Failures carry a code and plain words, never a stack or a secret. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; code: IpcErrorCode; message: string };

export type IpcErrorCode =
  | 'invalid-input'
  | 'forbidden'
  | 'unknown-channel'
  | 'not-found'
  | 'locked'
  /** The vault is not set up and the user chose a passphrase (or there is no keychain): set it up first. */
  | 'setup-required'
  /** The owner declined (or closed) main's confirmation dialog. */
  | 'not-confirmed'
  | 'vault'
  | 'wrong-passphrase'
  | 'token-unavailable'
  | 'internal';
