import fs from 'node:fs';
import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { contract } from '../../shared/api/contract';
import { exportsDirFor } from '../core/exports';
import { IPC_INVOKE_CHANNEL } from '../../shared/api/bridge';
import type { Envelope } from '../../shared/api/result';
import type { Core } from '../core';
import { isTrustedSender } from './security';

export interface IpcDeps {
  core: Core;
  /** Opens a file with the system's app (to print a PDF) or shows it in its folder. */
  openPath?(file: string): void;
  showInFolder?(file: string): void;
  trustedWebContentsId(): number | undefined;
  devServerUrl?: string;
  /** Opens Facebook's login window and resolves with a user token (null if the seller gave up). */
  facebookLogin?(appId: string): Promise<string | null>;
  /** The system's open-file dialog; null if the seller cancelled. */
  pickFile?(title: string): Promise<string | null>;
  /** Restarts on the demo shop or the seller's own. */
  switchShop?(to: 'demo' | 'own'): void;
}

/** Files the page may ask the OS to open: only what Chasqui itself wrote into the exports folder. */
const handleDesktop = (deps: IpcDeps, method: 'desktop.openFile' | 'desktop.showInFolder', args: unknown): Envelope<unknown> => {
  const parsed = contract[method].args.safeParse(args);
  if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: 'path: is required', field: 'path' } };
  const exportsDir = path.resolve(exportsDirFor(deps.core.dataDir));
  const file = path.resolve(parsed.data.path);
  if (!file.startsWith(exportsDir + path.sep) || !fs.existsSync(file)) {
    return { ok: false, error: { code: 'forbidden', message: 'Only files Chasqui made can be opened', field: 'path' } };
  }
  if (method === 'desktop.openFile') deps.openPath?.(file);
  else deps.showInFolder?.(file);
  return { ok: true, value: { isDone: true } };
};

const facebookLogin = async (deps: IpcDeps): Promise<Envelope<unknown>> => {
  const settings = await deps.core.dispatch('settings.get', {});
  const appId = settings.ok && typeof settings.value === 'object' && settings.value !== null && 'facebookAppId' in settings.value ? String(settings.value.facebookAppId) : '';
  if (!appId || !deps.facebookLogin) return { ok: true, value: { isDone: false, token: null } };
  const token = await deps.facebookLogin(appId);
  return { ok: true, value: { isDone: token !== null, token } };
};

/** WhatsApp's browser from the system's file dialog: a path the page typed is never run. */
const chooseBrowser = async (deps: IpcDeps): Promise<Envelope<unknown>> => {
  const file = (await deps.pickFile?.('Chrome, Chromium o Edge')) ?? null;
  if (file === null) return { ok: true, value: { isDone: false, path: null } };
  const saved = deps.core.chooseBrowser(file);
  return saved.ok ? { ok: true, value: { isDone: true, path: file } } : saved;
};

/** One channel for the whole API; the core validates the method and its arguments. */
export const registerIpc = (ipcMain: IpcMain, deps: IpcDeps): void => {
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, args: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event.sender, event.senderFrame?.url, deps.trustedWebContentsId(), deps.devServerUrl)) {
      return Promise.resolve({ ok: false, error: { code: 'unauthorized', message: 'This window may not use Chasqui' } });
    }
    if (typeof method !== 'string') {
      return Promise.resolve({ ok: false, error: { code: 'invalid_input', message: 'method: must be a text', field: 'method' } });
    }
    if (method === 'desktop.openFile' || method === 'desktop.showInFolder') return Promise.resolve(handleDesktop(deps, method, args));
    if (method === 'desktop.facebookLogin') return facebookLogin(deps);
    if (method === 'desktop.chooseBrowser') return chooseBrowser(deps);
    if (method === 'desktop.switchShop') {
      const parsed = contract['desktop.switchShop'].args.safeParse(args);
      if (!parsed.success || !deps.switchShop) return Promise.resolve({ ok: false, error: { code: 'invalid_input', message: 'to: must be demo or own', field: 'to' } });
      // Answer first; the restart follows a moment later.
      const switchShop = deps.switchShop;
      setTimeout(() => switchShop(parsed.data.to), 100);
      return Promise.resolve({ ok: true, value: { isDone: true } });
    }
    return deps.core.dispatch(method, args);
  });
};
