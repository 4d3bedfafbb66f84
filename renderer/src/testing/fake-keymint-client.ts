import { CHANNEL_NAMES, EVENT_NAMES, channels, events, type EventName, type EventPayload, type Events } from '../../../shared/ipc/contract';
import type { KeymintClient } from '../keymint-client';

/** The request/response half of the client; the event half is always faked (see `emit`). */
export type FakeCalls = Partial<Omit<KeymintClient, Events[EventName]['method']>>;

export interface FakeKeymint {
  /** Typed as the real client, so it goes wherever the app's does (KeymintClientProvider). */
  readonly client: KeymintClient;
  /** Pushes an event to whoever subscribed, as main does. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

const CHANNEL_METHODS: ReadonlySet<string> = new Set(CHANNEL_NAMES.map((channel) => channels[channel].method));

/**
 * A test double of the IPC boundary: only the calls a test gives it, plus every event
 * subscription. A call the test did not give rejects, naming the method, so a test that
 * reaches further than it says fails loudly instead of hanging. Test code only: production
 * code takes the client from context and never imports this.
 */
export function fakeKeymintClient(calls: FakeCalls = {}): FakeKeymint {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const subscriptions: Record<string, unknown> = {};
  for (const event of EVENT_NAMES) {
    subscriptions[events[event].method] = (listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => void set.delete(listener);
    };
  }
  const given: Record<string, unknown> = { ...calls, ...subscriptions };
  const client = new Proxy(given, {
    get(target, property) {
      if (typeof property === 'string' && Object.hasOwn(target, property)) return target[property];
      // Only contract methods get the stand-in: `then`, `$$typeof` and the like stay undefined.
      if (typeof property === 'string' && CHANNEL_METHODS.has(property)) {
        return () => Promise.reject(new Error(`This test's fake KeymintClient has no ${property}(): give it one.`));
      }
      return undefined;
    },
  });
  return {
    client: client as unknown as KeymintClient,
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
  };
}
