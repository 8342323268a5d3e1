import { BrowserWindow } from 'electron';

/**
 * The main window. The options stay written out in the constructor call, where Electronegativity
 * (a static checker) can see that page code is kept away from Node and the OS.
 */
export const createMainWindow = (preloadPath: string, bounds: { x?: number; y?: number; width: number; height: number } = { width: 1280, height: 820 }): BrowserWindow =>
  new BrowserWindow({
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Chasqui',
    backgroundColor: '#faf7f5',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
