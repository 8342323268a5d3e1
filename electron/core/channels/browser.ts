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

/** The file names Chrome, Chromium and Edge have on Windows, macOS and Linux. */
const BROWSER_NAMES = new Set([
  'chrome', 'chrome.exe', 'google-chrome', 'google-chrome-stable', 'google-chrome-beta', 'google-chrome-unstable', 'google chrome',
  'chromium', 'chromium.exe', 'chromium-browser',
  'msedge', 'msedge.exe', 'microsoft-edge', 'microsoft-edge-stable', 'microsoft-edge-beta', 'microsoft edge',
]);

/** The first bytes of a program: ELF (Linux), MZ (Windows), Mach-O (macOS), or a launcher script (#!). */
const looksLikeProgram = (head: Buffer): boolean =>
  head.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46])) ||
  head.subarray(0, 2).toString('latin1') === 'MZ' ||
  head.subarray(0, 2).toString('latin1') === '#!' ||
  [0xfeedfacf, 0xcffaedfe, 0xcafebabe, 0xbebafeca].includes(head.length >= 4 ? head.readUInt32BE(0) : 0);

const readHead = (file: string): Buffer => {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const read = fs.readSync(fd, head, 0, 4, 0);
    return head.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
};

/**
 * Whether a file is Chrome, Chromium or Edge, judged without running it: a program (by its first
 * bytes, executable on Unix) whose name, and the name of the file it links to, is one of theirs.
 * The places Chasqui looks in itself are trusted by place (Snap links /snap/bin/chromium to snap).
 */
export const isChromiumBrowser = (file: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): boolean => {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    if (platform !== 'win32' && (stat.mode & 0o111) === 0) return false;
    if (!looksLikeProgram(readHead(file))) return false;
    if (candidates(platform, env).includes(file)) return true;
    const nameOf = (p: string) => (platform === 'win32' ? path.win32.basename(p) : path.basename(p)).toLowerCase();
    return BROWSER_NAMES.has(nameOf(file)) && BROWSER_NAMES.has(nameOf(fs.realpathSync(file)));
  } catch {
    return false;
  }
};

const labelOf = (file: string): string => {
  const name = file.toLowerCase();
  if (name.includes('edge')) return 'Microsoft Edge';
  if (name.includes('chromium')) return 'Chromium';
  return 'Google Chrome';
};

/** The browsers installed in the usual places, for the seller to choose from (the only choice over HTTP). */
export const foundBrowsers = (platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): { path: string; name: string }[] =>
  candidates(platform, env)
    .filter((file) => isChromiumBrowser(file, platform, env))
    .map((file) => ({ path: file, name: labelOf(file) }));

export type BrowserLookup = { isFound: true; path: string } | { isFound: false; tried: string[]; isNotABrowser?: boolean };

/**
 * The seller's choice in Ajustes wins; otherwise the first installed browser. Never downloads one, and
 * never runs a file that is not Chrome, Chromium or Edge (a saved path may predate these checks).
 */
export const findBrowser = (chosen: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): BrowserLookup => {
  if (chosen) {
    if (!fs.existsSync(chosen)) return { isFound: false, tried: [chosen] };
    return isChromiumBrowser(chosen, platform, env) ? { isFound: true, path: chosen } : { isFound: false, tried: [chosen], isNotABrowser: true };
  }
  const found = candidates(platform, env).find((file) => isChromiumBrowser(file, platform, env));
  return found ? { isFound: true, path: found } : { isFound: false, tried: candidates(platform, env) };
};
