import type { ChannelName, ChannelOutput, Channels, EventName, EventPayload, Events } from '../../shared/ipc/contract';
import type { IpcErrorCode } from '../../shared/ipc/ipc-result';
import type { Args } from '../../shared/ipc/keymint-api';

/** A failed IPC call: the code says what kind of failure, the message is safe to show as is. */
export class IpcError extends Error {
  override readonly name = 'IpcError';

  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The renderer's one view of main: `window.keymint` with failures turned into thrown IpcErrors,
 * so react-query sees them as errors. Derived from the contract, so a new channel appears here by
 * itself. Components and hooks get it from context (keymint-client-context), never build one, so
 * tests can hand them a fake.
 */
export type KeymintClient = {
  readonly [C in ChannelName as Channels[C]['method']]: (...args: Args<C>) => Promise<ChannelOutput<C>>;
} & {
  readonly [E in EventName as Events[E]['method']]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}

/** True for the refusal that belongs under a "Current passphrase" field rather than the form. */
export function isWrongPassphrase(error: unknown): boolean {
  return error instanceof IpcError && error.code === 'wrong-passphrase';
}
