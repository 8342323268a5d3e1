import type { App, BrowserWindow } from 'electron';

/**
 * One Chasqui at a time: two processes writing one shop would fight over the database. A second
 * start hands over to the first, which comes to the front. Returns false in the process that must quit.
 */
export const claimSingleInstance = (app: Pick<App, 'requestSingleInstanceLock' | 'on' | 'quit'>, currentWindow: () => BrowserWindow | null): boolean => {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = currentWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
};
