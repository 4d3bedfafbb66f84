/** What every IPC call resolves to. Failures carry a code and plain words, never a stack or a secret. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; code: IpcErrorCode; message: string };

export type IpcErrorCode =
  | 'invalid-input'
  | 'forbidden'
  | 'unknown-channel'
  | 'not-found'
  | 'locked'
  | 'vault'
  | 'wrong-passphrase'
  | 'token-unavailable'
  | 'internal';
