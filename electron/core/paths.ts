import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Chasqui';

/**
 * The per-user folder Electron's app.getPath('userData') gives the desktop app,
 * computed without Electron so the headless shell opens the same shop by default.
 */
export const defaultDataDir = (
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string => {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_NAME);
};
