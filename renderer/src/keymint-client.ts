import {
  CHANNEL_NAMES,
  EVENT_NAMES,
  channels,
  events,
  type ChannelName,
  type ChannelOutput,
  type Channels,
  type EventName,
  type EventPayload,
  type Events,
} from '../../shared/ipc/contract';
import type { IpcErrorCode, IpcResult } from '../../shared/ipc/ipc-result';
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


/** `window.keymint` with failures turned into thrown IpcErrors, so react-query sees them as errors. */
export type KeymintClient = {
  readonly [C in ChannelName as Channels[C]['method']]: (...args: Args<C>) => Promise<ChannelOutput<C>>;
} & {
  readonly [E in EventName as Events[E]['method']]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

type Bridge = Record<string, (argument?: unknown) => unknown>;

function bridge(): Bridge {
  const api = window.keymint;
  if (!api) throw new IpcError('internal', 'Keymint’s bridge to the app is missing. Open Keymint from the app, not in a browser.');
  return api as unknown as Bridge;
}

/** One place where `{ ok: false }` becomes a thrown IpcError. */
async function unwrap(method: string, input: unknown): Promise<unknown> {
  const call = bridge()[method];
  if (!call) throw new IpcError('unknown-channel', 'This version of Keymint’s app does not offer that action.');
  const result = (await call(input)) as IpcResult<unknown>;
  if (!result.ok) throw new IpcError(result.code, result.message);
  return result.value;
}

/** Built from the contract, like the preload's API, so every channel is here and typed alike. */
function buildClient(): KeymintClient {
  const client: Record<string, unknown> = {};
  for (const channel of CHANNEL_NAMES) {
    const { method } = channels[channel];
    client[method] = (input?: unknown) => unwrap(method, input);
  }
  for (const event of EVENT_NAMES) {
    const { method } = events[event];
    // Without the bridge there is nothing to listen to; the first call reports the missing bridge.
    client[method] = (listener: (payload: unknown) => void) => {
      const subscribe = window.keymint ? bridge()[method] : undefined;
      return (subscribe?.(listener) as (() => void) | undefined) ?? (() => undefined);
    };
  }
  return Object.freeze(client) as KeymintClient;
}

export const keymintClient = buildClient();

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}

/** True for the refusal that belongs under a "Current passphrase" field rather than the form. */
export function isWrongPassphrase(error: unknown): boolean {
  return error instanceof IpcError && error.code === 'wrong-passphrase';
}
