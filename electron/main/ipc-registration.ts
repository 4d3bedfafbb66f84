import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, IPC_PREFIX } from '../../shared/ipc/contract';
import type { IpcRouter } from '../ipc/router';
import type { IpcSender } from '../ipc/sender';

const UNTRUSTED: IpcSender = { url: '', isMainFrame: false };

/** Who sent the message. A frame that is gone (or throws when read) is untrusted. */
function senderOf(event: IpcMainInvokeEvent): IpcSender {
  try {
    const frame = event.senderFrame;
    if (!frame) return UNTRUSTED;
    return { url: frame.url, isMainFrame: frame === event.sender.mainFrame };
  } catch {
    return UNTRUSTED;
  }
}

/** One handler per contract channel, all through the validating router. Returns a disposer. */
export function registerIpc(ipcMain: IpcMain, router: IpcRouter): () => void {
  const names = CHANNEL_NAMES.map((channel) => {
    const name = IPC_PREFIX + channel;
    ipcMain.handle(name, (event, input: unknown) => router(senderOf(event), channel, input));
    return name;
  });
  return () => {
    for (const name of names) ipcMain.removeHandler(name);
  };
}
