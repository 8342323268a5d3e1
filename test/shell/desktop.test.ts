import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { createCore } from '../../electron/core';
import { coreClient } from '../../electron/core/client';
import { installLogFile, logFileFor } from '../../electron/core/logFile';
import { buildMenuTemplate } from '../../electron/main/menu';
import { followNotifications } from '../../electron/main/notifications';
import { claimSingleInstance } from '../../electron/main/singleInstance';
import { loadWindowState, saveWindowState } from '../../electron/main/windowState';
import { startAutoUpdate } from '../../electron/main/updater';
import type { EventMap } from '../../shared/api/contract';
import { makeTempDir } from '../helpers/tmp';
import { waitFor } from '../helpers/waitFor';

const updater = vi.hoisted(() => ({ checks: 0, autoDownload: false, autoInstallOnAppQuit: false }));
vi.mock('electron-updater', () => ({
  autoUpdater: {
    set autoDownload(v: boolean) {
      updater.autoDownload = v;
    },
    set autoInstallOnAppQuit(v: boolean) {
      updater.autoInstallOnAppQuit = v;
    },
    checkForUpdatesAndNotify: async () => {
      updater.checks += 1;
      return null;
    },
  },
}));

const items = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);

describe('the desktop shell', () => {
  it('builds the app menu in the shop language, with the page shortcuts', () => {
    const sent: EventMap['app.command'][] = [];
    const actions = { send: (c: EventMap['app.command']) => sent.push(c), openDataFolder: vi.fn(), openLogFolder: vi.fn() };
    const es = buildMenuTemplate('es', 'win32', actions);
    expect(es.map((m) => m.label)).toEqual(['Archivo', 'Edición', 'Ir a', 'Ver', 'Ayuda']);
    const newOrder = items(es).find((m) => m.label === 'Nuevo pedido');
    expect(newOrder?.accelerator).toBe('CmdOrCtrl+Shift+O');
    newOrder?.click?.({} as never, undefined, {} as never);
    items(es).find((m) => m.label === 'Pedidos')?.click?.({} as never, undefined, {} as never);
    expect(sent).toEqual([{ command: 'new-order' }, { command: 'open', hash: '#/pedidos' }]);
    items(es).find((m) => m.label === 'Abrir carpeta de datos')?.click?.({} as never, undefined, {} as never);
    expect(actions.openDataFolder).toHaveBeenCalled();
    const en = buildMenuTemplate('en', 'darwin', actions);
    expect(en[0]).toEqual({ role: 'appMenu' });
    expect(items(en).some((m) => m.label === 'Search…' && m.accelerator === 'CmdOrCtrl+K')).toBe(true);
  });

  it('keeps one running instance and brings it forward when started again', () => {
    const handlers = new Map<string, () => void>();
    const window = { isMinimized: vi.fn(() => true), restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
    const first = { requestSingleInstanceLock: () => true, quit: vi.fn(), on: vi.fn((name: string, fn: () => void) => handlers.set(name, fn)) };
    expect(claimSingleInstance(first as never, () => window as never)).toBe(true);
    handlers.get('second-instance')?.();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    const second = { requestSingleInstanceLock: () => false, quit: vi.fn(), on: vi.fn() };
    expect(claimSingleInstance(second as never, () => null)).toBe(false);
    expect(second.quit).toHaveBeenCalled();
  });

  it('notifies a new customer message while the window is in the background, and opens it on click', async () => {
    const tmp = makeTempDir();
    const core = createCore({ dataDir: tmp.dir, isOutboxTimerEnabled: false });
    const api = coreClient(core);
    const shown: { title: string; body: string; onClick(): void }[] = [];
    const sent: EventMap['app.command'][] = [];
    let isFocused = true;
    const focusWindow = vi.fn();
    followNotifications(core, { isWindowFocused: () => isFocused, show: (n) => shown.push(n), focusWindow, send: (c) => sent.push(c), now: Date.now });
    const message = (id: string, text: string) =>
      api.call('inbox.ingestMessage', { channel: 'whatsapp', conversationExternalId: '51933221100@c.us', messageExternalId: id, direction: 'in', author: 'Patty', senderExternalId: '51933221100', text, sentAt: Date.now() });
    await message('m1', 'hola, tienes el serum?');
    isFocused = false;
    const { conversationId } = await message('m2', 'me separas uno xfa');
    await waitFor(() => shown.length === 1);
    expect(shown[0]).toMatchObject({ title: 'Patty', body: 'me separas uno xfa' });
    shown[0]?.onClick();
    expect(focusWindow).toHaveBeenCalled();
    expect(sent).toEqual([{ command: 'open', hash: `#/chats/${conversationId}` }]);
    core.close();
    tmp.cleanup();
  });

  it('remembers the window size and place, unless that screen is gone', () => {
    const tmp = makeTempDir();
    const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(loadWindowState(tmp.dir, screen)).toBeNull();
    saveWindowState(tmp.dir, { x: 100, y: 80, width: 1200, height: 800, isMaximized: true });
    expect(loadWindowState(tmp.dir, screen)).toEqual({ x: 100, y: 80, width: 1200, height: 800, isMaximized: true });
    saveWindowState(tmp.dir, { x: 2500, y: 80, width: 1200, height: 800, isMaximized: false });
    expect(loadWindowState(tmp.dir, screen)).toBeNull();
    fs.writeFileSync(path.join(tmp.dir, 'window-state.json'), '{ not json');
    expect(loadWindowState(tmp.dir, screen)).toBeNull();
    tmp.cleanup();
  });

  it('checks for updates only in an installed app and only while the seller allows it', () => {
    let isEnabled = true;
    startAutoUpdate({ isPackaged: false, isEnabled: () => isEnabled, log: vi.fn() })();
    expect(updater.checks).toBe(0);
    const stop = startAutoUpdate({ isPackaged: true, isEnabled: () => isEnabled, log: vi.fn() });
    expect(updater).toMatchObject({ checks: 1, autoDownload: true, autoInstallOnAppQuit: true });
    stop();
    isEnabled = false;
    startAutoUpdate({ isPackaged: true, isEnabled: () => isEnabled, log: vi.fn() })();
    expect(updater.checks).toBe(1);
  });

  it('writes errors to a log file in the data folder with secrets taken out', async () => {
    const tmp = makeTempDir();
    const original = { error: console.error, warn: console.warn };
    console.error = vi.fn();
    console.warn = vi.fn();
    try {
      installLogFile(tmp.dir);
      console.error('[chasqui] instagram failed', 'password=hunter2 access_token=EAAbcdefghijklmnopqrstuvwxyz123 for +51987654321');
    } finally {
      console.error = original.error;
      console.warn = original.warn;
    }
    const log = fs.readFileSync(logFileFor(tmp.dir), 'utf8');
    expect(log).toContain('ERROR [chasqui] instagram failed');
    expect(log).not.toMatch(/hunter2|EAAbcdefghij|987654321/);
    // Ajustes › Registro de errores: a copy to send, in exports/.
    const core = createCore({ dataDir: tmp.dir, isOutboxTimerEnabled: false });
    const exported = await coreClient(core).call('app.exportLog', {});
    expect(fs.readFileSync(exported.path, 'utf8')).toContain('instagram failed');
    expect(exported.fileName).toMatch(/^chasqui-registro-\d{4}-\d{2}-\d{2}\.txt$/);
    core.close();
    tmp.cleanup();
  });
});
