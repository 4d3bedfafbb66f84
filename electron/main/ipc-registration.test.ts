import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, IPC_PREFIX } from '../../shared/ipc/contract';
import { createRouter, type Handlers, type IpcRouter } from '../ipc/router';
import { trustOnly } from '../ipc/sender';
import { registerIpc } from './ipc-registration';

const PAGE = 'file:///opt/keymint/dist/renderer/index.html';

type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((name: string, handler: Handler) => {
      if (handlers.has(name)) throw new Error(`second handler for ${name}`);
      handlers.set(name, handler);
    }),
    removeHandler: vi.fn((name: string) => handlers.delete(name)),
  };
  return { ipcMain, handlers, asIpcMain: ipcMain as unknown as IpcMain };
}

/** An invoke event from a page: its main frame, or an iframe inside it. */
function eventFrom(url: string, frame: 'main' | 'sub' | 'gone'): IpcMainInvokeEvent {
  const mainFrame = { url: frame === 'main' ? url : PAGE };
  const senderFrame = frame === 'main' ? mainFrame : frame === 'sub' ? { url } : null;
  return { senderFrame, sender: { mainFrame } } as unknown as IpcMainInvokeEvent;
}

describe('registerIpc', () => {
  it('registers exactly one prefixed handler per contract channel, and removes them all', () => {
    const { ipcMain, handlers, asIpcMain } = fakeIpcMain();
    const dispose = registerIpc(asIpcMain, vi.fn());
    expect([...handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map((channel) => IPC_PREFIX + channel).sort());
    expect(ipcMain.handle).toHaveBeenCalledTimes(CHANNEL_NAMES.length);
    dispose();
    expect(handlers.size).toBe(0);
  });

  it('hands the router the sender frame, the bare channel name and the input', async () => {
    const { handlers, asIpcMain } = fakeIpcMain();
    const router = vi.fn<IpcRouter>(async () => ({ ok: true, value: 'done' }));
    registerIpc(asIpcMain, router);
    const input = { id: 'acme' };
    const reply = await handlers.get(`${IPC_PREFIX}tokens:generate`)!(eventFrom(PAGE, 'main'), input);
    expect(reply).toEqual({ ok: true, value: 'done' });
    expect(router).toHaveBeenCalledExactlyOnceWith({ url: PAGE, isMainFrame: true }, 'tokens:generate', input);
  });

  it('marks an iframe, or a frame that is gone, as not the main frame', async () => {
    const { handlers, asIpcMain } = fakeIpcMain();
    const router = vi.fn<IpcRouter>(async () => ({ ok: true, value: null }));
    registerIpc(asIpcMain, router);
    const list = handlers.get(`${IPC_PREFIX}providers:list`)!;
    await list(eventFrom(PAGE, 'sub'), undefined);
    await list(eventFrom(PAGE, 'gone'), undefined);
    const throwing = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    await list(throwing as unknown as IpcMainInvokeEvent, undefined);
    expect(router.mock.calls.map(([sender]) => sender)).toEqual([
      { url: PAGE, isMainFrame: false },
      { url: '', isMainFrame: false },
      { url: '', isMainFrame: false },
    ]);
  });

  it('with the real router, our page is served and an iframe or another page is forbidden', async () => {
    const { handlers, asIpcMain } = fakeIpcMain();
    const list = vi.fn(() => []);
    const router = createRouter({
      handlers: { 'providers:list': list } as unknown as Handlers,
      isTrustedSender: trustOnly(PAGE),
      redact: (text) => text,
      log: { warn: () => {} },
    });
    registerIpc(asIpcMain, router);
    const invoke = handlers.get(`${IPC_PREFIX}providers:list`)!;
    expect(await invoke(eventFrom(PAGE, 'main'), undefined)).toEqual({ ok: true, value: [] });
    expect(await invoke(eventFrom(PAGE, 'sub'), undefined)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await invoke(eventFrom('https://evil.example/', 'main'), undefined)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(list).toHaveBeenCalledOnce();
  });
});
