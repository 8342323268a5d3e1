import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppEvent } from '../../shared/api/contract';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type ChasquiBridge } from '../../shared/api/bridge';

/** The whole surface the page gets: two functions, no Node, no ipcRenderer. */
export const bridge: ChasquiBridge = {
  invoke: (method, args) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, args),
  onEvent: (listener) => {
    const handler = (_event: IpcRendererEvent, payload: AppEvent) => listener(payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('chasqui', bridge);
