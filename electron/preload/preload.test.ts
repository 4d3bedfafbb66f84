import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, EVENT_NAMES, IPC_PREFIX, channels, events } from '../../shared/ipc/contract';

const electron = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const exposed = new Map<string, unknown>();
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
  });
  const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) };
  return { exposed, ipcRenderer, contextBridge };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

await import('./preload');
const api = electron.exposed.get('keymint') as Record<string, (...args: unknown[]) => unknown>;

describe('preload', () => {
  it('exposes only window.keymint', () => {
    expect([...electron.exposed.keys()]).toEqual(['keymint']);
  });

  it("exposes exactly the contract's methods, each a plain function: no generic invoke or send", () => {
    const expected = [...CHANNEL_NAMES.map((c) => channels[c].method), ...EVENT_NAMES.map((e) => events[e].method)];
    expect(Object.keys(api).sort()).toEqual(expected.sort());
    for (const name of expected) expect(typeof api[name], name).toBe('function');
  });

  it.each(CHANNEL_NAMES)('%s: invokes the prefixed channel with the input', async (channel) => {
    electron.ipcRenderer.invoke.mockClear();
    const input = { probe: channel };
    await expect(api[channels[channel].method]!(input)).resolves.toEqual({ ok: true, value: { channel: IPC_PREFIX + channel, input } });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_PREFIX + channel, input);
  });

  it('onProvidersChanged passes only the payload and its unsubscribe removes the listener', () => {
    const channel = `${IPC_PREFIX}providers:changed`;
    const listener = vi.fn();
    const unsubscribe = api.onProvidersChanged!(listener) as () => void;
    expect(electron.ipcRenderer.listenerCount(channel)).toBe(1);

    const ipcEvent = { sender: electron.ipcRenderer, senderId: 0 };
    electron.ipcRenderer.emit(channel, ipcEvent, [{ id: 'acme' }]);
    expect(listener).toHaveBeenCalledExactlyOnceWith([{ id: 'acme' }]);

    unsubscribe();
    expect(electron.ipcRenderer.listenerCount(channel)).toBe(0);
    electron.ipcRenderer.emit(channel, ipcEvent, []);
    expect(listener).toHaveBeenCalledOnce();
  });
});
