import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_PREFIX } from '../../shared/ipc/contract';
import { buildKeymintApi, type Invoke, type Subscribe } from '../../shared/ipc/keymint-api';

const invoke: Invoke = (channel, input) => ipcRenderer.invoke(IPC_PREFIX + channel, input);

const subscribe: Subscribe = (event, listener) => {
  const channel = IPC_PREFIX + event;
  // Only the payload crosses: the IpcRendererEvent carries `sender`, i.e. ipcRenderer itself.
  const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
};

contextBridge.exposeInMainWorld('keymint', buildKeymintApi(invoke, subscribe));
