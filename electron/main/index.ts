import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, protocol, screen, session, shell, type OpenDialogOptions } from 'electron';
import { IPC_EVENT_CHANNEL } from '../../shared/api/bridge';
import { ChasquiError, type ErrorCode } from '../../shared/api/errors';
import { createCore, type Core } from '../core';
import { channelsDirFor } from '../core/channels/secrets';
import { desktopSecretBox } from './secrets';
import { installSafetyNet } from '../core/safetyNet';
import { openFacebookLogin } from './facebookLogin';
import { restoreLatestGoodBackup } from '../core/backup/service';
import { followLanSetting } from '../http/lanToggle';
import { registerIpc } from './ipc';
import { handleAppRequest } from './protocol';
import { APP_ORIGIN, denyPermissions, guardWebContents } from './security';
import { createMainWindow } from './window';
import { buildMenuTemplate } from './menu';
import { followNotifications } from './notifications';
import { claimSingleInstance } from './singleInstance';
import { claimDataDirPatiently, lockHeldMessage } from '../core/dataLock';
import { startAutoUpdate } from './updater';
import { loadWindowState, saveWindowState } from './windowState';
import { installLogFile, logsDirFor } from '../core/logFile';
import { readSettings } from '../core/settings/repo';
import { seedDemoShop } from '../core/demo/seed';
import type { EventMap } from '../../shared/api/contract';

// Must run before 'ready': the scheme behaves like https (secure context, fetch, same-origin rules).
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
let mainWindow: BrowserWindow | null = null;
// The demo shop lives in a folder of its own, so exploring it never touches the seller's data.
const isDemoLaunch = process.argv.includes('--demo');
const shopDir = (): string => (isDemoLaunch ? path.join(app.getPath('userData'), 'demo-shop') : app.getPath('userData'));
const sendCommand = (command: EventMap['app.command']): void => mainWindow?.webContents.send(IPC_EVENT_CHANNEL, { type: 'app.command', payload: command });

/** Starts again on the demo shop or on her own; the single-instance lock passes to the new process. */
const switchShop = (to: 'demo' | 'own'): void => {
  const args = process.argv.slice(1).filter((arg) => arg !== '--demo');
  app.relaunch({ args: to === 'demo' ? [...args, '--demo'] : args });
  app.exit(0);
};

const startupMessages: Partial<Record<ErrorCode, string>> = {
          db_from_future: 'Estos datos son de una versión más nueva de Chasqui. Actualiza la aplicación; tus datos no se tocaron.\n\nThis data is from a newer Chasqui. Update the app; your data was not touched.',
          not_a_chasqui_db: 'El archivo de datos no es de Chasqui y no se modificó.\n\nThe data file is not a Chasqui database and was left untouched.',
          db_damaged: 'Los datos están dañados. Restaura la última copia de seguridad de la carpeta backups.\n\nThe data is damaged. Restore the last backup from the backups folder.',
};

const failAndQuit = (error: unknown): void => {
  const message = error instanceof ChasquiError ? (startupMessages[error.code] ?? error.message) : String(error);
  dialog.showErrorBox('Chasqui', message);
  app.quit();
};

/** The way back from a damaged database: with her OK, the newest good backup takes its place. */
const offerRestore = (): boolean => {
  const choice = dialog.showMessageBoxSync({
    type: 'warning',
    buttons: ['Restaurar la última copia buena', 'Salir'],
    defaultId: 0,
    cancelId: 1,
    title: 'Chasqui',
    message: 'Los datos de la tienda están dañados.',
    detail: 'Chasqui puede poner en su lugar la última copia de seguridad que está bien. El archivo dañado se guarda al lado, no se borra.',
  });
  // wall clock: no core (and so no clock) exists yet while the damaged file is set aside.
  return choice === 0 && restoreLatestGoodBackup(shopDir(), Date.now()) !== null;
};

const createWindow = (core: Core): void => {
  const saved = loadWindowState(app.getPath('userData'), screen.getAllDisplays().map((d) => d.workArea));
  const window = createMainWindow(path.join(__dirname, '../preload/index.js'), saved ?? undefined);
  mainWindow = window;
  guardWebContents(window.webContents, { openExternal: (url) => void shell.openExternal(url), devServerUrl });
  window.once('ready-to-show', () => {
    if (saved?.isMaximized) window.maximize();
    window.show();
  });
  // Remember size and place for next time (the size before maximizing, like other apps).
  window.on('close', () => saveWindowState(app.getPath('userData'), { ...window.getNormalBounds(), isMaximized: window.isMaximized() }));
  window.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  const stop = core.events.subscribe((event) => mainWindow?.webContents.send(IPC_EVENT_CHANNEL, event));
  mainWindow.on('closed', stop);
};

const start = async (): Promise<void> => {
  // `npm run serve` on the same folder is another process the single-instance lock does not see.
  fs.mkdirSync(shopDir(), { recursive: true, mode: 0o700 });
  const lock = await claimDataDirPatiently(shopDir(), 5000);
  if (!lock.isHeld) {
    dialog.showErrorBox('Chasqui', `Otro Chasqui ya está usando estos datos (por ejemplo \`npm run serve\`). Ciérralo y vuelve a abrir Chasqui.\n\n${lockHeldMessage(lock, shopDir())}`);
    app.quit();
    return;
  }
  app.on('will-quit', lock.release);
  let core: Core;
  try {
    core = createCore({
      dataDir: shopDir(),
      nativeBinding: process.env.CHASQUI_NATIVE_BINDING || undefined,
      isAutoBackupEnabled: true,
      // Installed, fonts and demo photos sit in the app's resources folder (electron-builder extraResources).
      resourcesDir: app.isPackaged ? process.resourcesPath : undefined,
      secretBox: desktopSecretBox(channelsDirFor(shopDir())),
    });
  } catch (error) {
    if (error instanceof ChasquiError && error.code === 'db_damaged' && offerRestore()) {
      lock.release();
      void start();
      return;
    }
    failAndQuit(error);
    return;
  }
  denyPermissions(session.defaultSession);
  protocol.handle('app', (request) =>
    handleAppRequest(request, { rendererDir: path.join(__dirname, '../renderer'), mediaDir: core.mediaDir, dataDir: core.dataDir }),
  );
  registerIpc(ipcMain, {
    core,
    trustedWebContentsId: () => mainWindow?.webContents.id,
    devServerUrl,
    openPath: (file) => void shell.openPath(file),
    showInFolder: (file) => shell.showItemInFolder(file),
    facebookLogin: (appId) => openFacebookLogin(mainWindow, appId),
    pickFile: async (title) => {
      const options: OpenDialogOptions = { title, properties: ['openFile'] };
      const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    switchShop,
  });
  const applyMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate(readSettings(core.db).language, process.platform, {
          send: sendCommand,
          openDataFolder: () => void shell.openPath(core.dataDir),
          openLogFolder: () => void shell.openPath(logsDirFor(core.dataDir)),
        }),
      ),
    );
  applyMenu();
  core.events.subscribe((event) => (event.type === 'settings.changed' ? applyMenu() : undefined));
  if (Notification.isSupported()) {
    followNotifications(core, {
      isWindowFocused: () => mainWindow?.isFocused() ?? false,
      show: ({ title, body, onClick }) => {
        const notice = new Notification({ title, body, silent: false });
        notice.on('click', onClick);
        notice.show();
      },
      focusWindow: () => {
        if (mainWindow?.isMinimized()) mainWindow.restore();
        mainWindow?.show();
        mainWindow?.focus();
      },
      send: sendCommand,
      now: Date.now,
    });
  }
  const stopUpdates = startAutoUpdate({ isPackaged: app.isPackaged, isEnabled: () => readSettings(core.db).isAutoUpdateEnabled, log: (line) => console.error(line) });
  app.on('will-quit', stopUpdates);

  // Phones on the home network, only while the seller has them turned on in Ajustes.
  void followLanSetting(core, { host: '0.0.0.0', port: 4818, rendererDir: path.join(__dirname, '../renderer') }).then((stop) => app.on('will-quit', () => void stop()));
  // The demo shop is filled (once) before its window opens, so it never shows the welcome.
  const seeded = isDemoLaunch
    ? seedDemoShop(core, { resourcesDir: app.isPackaged ? process.resourcesPath : path.join(__dirname, '../../resources') }).catch((error: unknown) => console.error('[chasqui] demo:', error))
    : Promise.resolve();
  void seeded.then(() => createWindow(core));
  app.on('activate', () => (BrowserWindow.getAllWindows().length === 0 ? createWindow(core) : undefined));
  app.on('will-quit', () => core.close());
};

installSafetyNet();
// The shop's files are the seller's alone: the database, backups, sessions, logs (0600 files, 0700 folders).
process.umask(0o077);
if (claimSingleInstance(app, () => mainWindow)) {
  app.setName('Chasqui');
  installLogFile(shopDir());
  app.on('window-all-closed', () => (process.platform === 'darwin' ? undefined : app.quit()));
  void app.whenReady().then(start);
}
