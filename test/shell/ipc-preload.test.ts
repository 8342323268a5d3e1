import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { IpcMain } from 'electron';
import { IPC_INVOKE_CHANNEL } from '../../shared/api/bridge';
import { createCore } from '../../electron/core';
import { registerIpc } from '../../electron/main/ipc';
import { handleAppRequest } from '../../electron/main/protocol';
import { makeTempDir } from '../helpers/tmp';
import { createElectronMock } from './electron-mock';

const electron = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('electron', async () => {
  const { createElectronMock: make } = await import('./electron-mock');
  const mock = make();
  electron.current = mock;
  return mock.module;
});

describe('IPC and preload', () => {
  const tmp = makeTempDir();
  const core = createCore({ dataDir: tmp.dir });
  afterAll(() => {
    core.close();
    tmp.cleanup();
  });

  it('answers the trusted window through the real core and refuses anyone else', async () => {
    const mock = createElectronMock();
    registerIpc(mock.module.ipcMain as unknown as IpcMain, { core, trustedWebContentsId: () => 1 });
    const handler = mock.handlers.get(IPC_INVOKE_CHANNEL);
    const trusted = { sender: { id: 1 }, senderFrame: { url: 'app://chasqui/index.html' } };
    expect(await handler?.(trusted, 'settings.get', {})).toMatchObject({ ok: true, value: { currency: 'PEN' } });
    expect(await handler?.(trusted, 'catalog.createProduct', { name: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await handler?.({ sender: { id: 2 }, senderFrame: { url: 'app://chasqui/' } }, 'settings.get', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await handler?.({ sender: { id: 1 }, senderFrame: { url: 'https://evil.example/' } }, 'settings.get', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await handler?.(trusted, 42, {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('opens and shows only files Chasqui wrote to its exports folder', async () => {
    const mock = createElectronMock();
    const opened: string[] = [];
    const shown: string[] = [];
    registerIpc(mock.module.ipcMain as unknown as IpcMain, { core, trustedWebContentsId: () => 1, openPath: (f) => opened.push(f), showInFolder: (f) => shown.push(f) });
    const handler = mock.handlers.get(IPC_INVOKE_CHANNEL);
    const trusted = { sender: { id: 1 }, senderFrame: { url: 'app://chasqui/index.html' } };
    const exported = path.join(core.dataDir, 'exports', 'catalogo.pdf');
    fs.mkdirSync(path.dirname(exported), { recursive: true });
    fs.writeFileSync(exported, '%PDF-1.4');
    expect(await handler?.(trusted, 'desktop.openFile', { path: exported })).toEqual({ ok: true, value: { isDone: true } });
    expect(await handler?.(trusted, 'desktop.showInFolder', { path: exported })).toEqual({ ok: true, value: { isDone: true } });
    expect(await handler?.(trusted, 'desktop.openFile', { path: path.join(core.dataDir, 'chasqui.db') })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler?.(trusted, 'desktop.openFile', { path: path.join(core.dataDir, 'exports', '..', 'chasqui.db') })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler?.(trusted, 'desktop.openFile', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(opened).toEqual([exported]);
    expect(shown).toEqual([exported]);
  });

  it('exposes exactly invoke and onEvent to the page', async () => {
    await import('../../electron/preload/index');
    const mock = electron.current as ReturnType<typeof createElectronMock>;
    const exposed = mock.exposed.get('chasqui');
    expect(Object.keys(exposed as object).sort()).toEqual(['invoke', 'onEvent']);
    expect([...mock.exposed.keys()]).toEqual(['chasqui']);
  });

  it('serves app:// files only from inside their folders', async () => {
    const rendererDir = path.resolve(__dirname, '../../renderer');
    const files = { rendererDir, mediaDir: core.mediaDir, dataDir: core.dataDir };
    const index = handleAppRequest({ url: 'app://chasqui/index.html' }, files);
    expect(index.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<div id="root">');
    const escape = handleAppRequest({ url: 'app://chasqui/../../package.json' }, files);
    expect(await escape.text()).toContain('<div id="root">');
    expect(handleAppRequest({ url: 'app://chasqui/media/..%2F..%2Fchasqui.db' }, files).status).toBe(404);
    expect(handleAppRequest({ url: 'app://chasqui/%E0%A4%A' }, files).status).toBe(400);
    expect(handleAppRequest({ url: 'app://chasqui/exports/%E0%A4%A' }, files).status).toBe(404);
  });
});
