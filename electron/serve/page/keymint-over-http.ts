import type { EventName } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/ipc-result';
import { buildKeymintApi } from '../../../shared/ipc/keymint-api';

/**
 * The served page's preload: the same `buildKeymintApi` the Electron preload uses, over HTTP.
 * Calls are `POST /api/<channel>` with `{"input": …}`; pushed events arrive on one
 * Server-Sent Events stream read with fetch (a POST, so it carries Origin like every call).
 * The session cookie is HttpOnly: this script never sees it, the browser sends it.
 */

const listeners = new Map<string, Set<(payload: unknown) => void>>();
const JSON_HEADERS = { 'Content-Type': 'application/json' };
const GONE = 'Keymint is not running any more: start it again and open its new link.';

function dispatch(frame: string): void {
  let event = 'message';
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  if (data.length === 0) return;
  let payload: unknown;
  try {
    payload = JSON.parse(data.join('\n'));
  } catch {
    return;
  }
  listeners.get(event)?.forEach((listener) => listener(payload));
}

/** Resolves once the stream is open (or has failed), so no call's answer predates the subscription. */
function openEvents(): Promise<void> {
  return new Promise((subscribed) => {
    let connections = 0;
    const connect = async (delayMs: number): Promise<void> => {
      let response: Response;
      try {
        response = await fetch('/api/events', { method: 'POST', headers: JSON_HEADERS, body: '{}', cache: 'no-store' });
      } catch {
        subscribed();
        setTimeout(() => void connect(Math.min(delayMs * 2, 30_000)), delayMs);
        return;
      }
      subscribed();
      // Refused (signed out, a restarted Keymint): retrying cannot help; calls will say why.
      if (!response.ok || !response.body) return;
      if (connections++ > 0) void catchUp();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffered += value;
          let end: number;
          while ((end = buffered.indexOf('\n\n')) >= 0) {
            dispatch(buffered.slice(0, end));
            buffered = buffered.slice(end + 2);
          }
        }
      } catch {
        // The connection dropped; reconnect below.
      }
      setTimeout(() => void connect(1000), 1000);
    };
    void connect(1000);
  });
}

/** After the stream dropped and came back, events may have been missed: the board lists again, and the vault's status is sent on. */
async function catchUp(): Promise<void> {
  listeners.get('providers:changed')?.forEach((listener) => listener({ kind: 'stale' }));
  const vault = await call('vault:status', undefined);
  if (vault.ok) listeners.get('vault:changed')?.forEach((listener) => listener(vault.value));
}

const subscribed = openEvents();

async function invoke(channel: string, input: unknown): Promise<IpcResult<unknown>> {
  await subscribed;
  return call(channel, input);
}

async function call(channel: string, input: unknown): Promise<IpcResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ input }), cache: 'no-store' });
  } catch {
    return { ok: false, code: 'internal', message: GONE };
  }
  if ((response.headers.get('Content-Type') ?? '').startsWith('application/json')) return (await response.json()) as IpcResult<unknown>;
  const refusal = (await response.text()).trim();
  return { ok: false, code: 'forbidden', message: refusal || GONE };
}

const api = buildKeymintApi(invoke, (event: EventName, listener) => {
  const set = listeners.get(event) ?? new Set();
  listeners.set(event, set);
  set.add(listener);
  return () => set.delete(listener);
});
Object.defineProperty(window, 'keymint', { value: api, writable: false, configurable: false });
