import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_INVOKE_CHANNEL } from '../../shared/api/bridge';
import type { Envelope } from '../../shared/api/result';
import type { Core } from '../core';
import { isTrustedSender } from './security';

export interface IpcDeps {
  core: Core;
  trustedWebContentsId(): number | undefined;
  devServerUrl?: string;
}

/** One channel for the whole API; the core validates the method and its arguments. */
export const registerIpc = (ipcMain: IpcMain, deps: IpcDeps): void => {
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, args: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event.sender, event.senderFrame?.url, deps.trustedWebContentsId(), deps.devServerUrl)) {
      return Promise.resolve({ ok: false, error: { code: 'unauthorized', message: 'This window may not use Chasqui' } });
    }
    if (typeof method !== 'string') {
      return Promise.resolve({ ok: false, error: { code: 'invalid_input', message: 'method: must be a text', field: 'method' } });
    }
    return deps.core.dispatch(method, args);
  });
};
