import { CHANNEL_NAMES, EVENT_NAMES, channels, events } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/ipc-result';
import { IpcError, type KeymintClient } from './keymint-client';

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

/**
 * The real client, over the preload's `window.keymint`. Built from the contract, like the
 * preload's API, so every channel is here and typed alike. Only main.tsx calls this: everything
 * else takes the client from context, so it can be tested without a preload.
 */
export function createWindowKeymintClient(): KeymintClient {
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
