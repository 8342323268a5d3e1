import fs from 'node:fs';
import path from 'node:path';

/** Where Chrome, Chromium and Edge usually live; the first one that exists is used. */
const candidates = (platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] => {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => Boolean(root));
    return roots.flatMap((root) => [
      path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
  }
  return ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/microsoft-edge', '/snap/bin/chromium'];
};

export type BrowserLookup = { isFound: true; path: string } | { isFound: false; tried: string[] };

/** The seller's choice in Ajustes wins; otherwise the first installed browser. Never downloads one. */
export const findBrowser = (chosen: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): BrowserLookup => {
  const list = chosen ? [chosen] : candidates(platform, env);
  const found = list.find((file) => {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  });
  return found ? { isFound: true, path: found } : { isFound: false, tried: list };
};
