import {
  CHANNEL_NAMES,
  EVENT_NAMES,
  channels,
  events,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type Channels,
  type EventName,
  type EventPayload,
  type Events,
} from './contract';
import type { IpcResult } from './ipc-result';

/** A channel's call arguments: none when its input is `undefined`. */
export type Args<C extends ChannelName> = undefined extends ChannelInput<C> ? [] : [input: ChannelInput<C>];

/** `window.keymint`: one plain function per channel and one subscription per event. */
export type KeymintApi = {
  readonly [C in ChannelName as Channels[C]['method']]: (...args: Args<C>) => Promise<IpcResult<ChannelOutput<C>>>;
} & {
  readonly [E in EventName as Events[E]['method']]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

export type Invoke = (channel: ChannelName, input: unknown) => Promise<IpcResult<unknown>>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/**
 * Builds the API from the contract over a transport (Electron's ipcRenderer in the preload,
 * Playwright bindings in the browser host), so both expose exactly the same functions.
 */
export function buildKeymintApi(invoke: Invoke, subscribe: Subscribe): KeymintApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNEL_NAMES) {
    api[channels[channel].method] = (input?: unknown) => invoke(channel, input);
  }
  for (const event of EVENT_NAMES) {
    api[events[event].method] = (listener: (payload: unknown) => void) => subscribe(event, listener);
  }
  return Object.freeze(api) as KeymintApi;
}
