import type { IpcErrorCode } from '../../shared/ipc/ipc-result';

/** An error whose message is written for the user and is safe to send to the renderer. */
export class AppError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
