import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { redact } from './channels/redact';
import { PRIVATE_DIR_MODE } from './privateFiles';

const MAX_BYTES = 1024 * 1024;
const KEEP = 3;

export const logsDirFor = (dataDir: string): string => path.join(dataDir, 'logs');
export const logFileFor = (dataDir: string): string => path.join(logsDirFor(dataDir), 'chasqui.log');

/** chasqui.log → chasqui.log.1 → … so the folder never grows past a few megabytes. */
const rotate = (file: string): void => {
  for (let n = KEEP - 1; n >= 1; n -= 1) {
    const from = n === 1 ? file : `${file}.${n - 1}`;
    if (fs.existsSync(from)) fs.renameSync(from, `${file}.${n}`);
  }
};

/**
 * Errors and warnings also go to <dataDir>/logs/chasqui.log, with tokens, passwords, cookies and
 * phone numbers taken out, so the seller can send the file when something goes wrong.
 */
export const installLogFile = (dataDir: string, now: () => number = Date.now): string => {
  const file = logFileFor(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  const write = (level: string, args: unknown[]): void => {
    try {
      if (fs.existsSync(file) && fs.statSync(file).size > MAX_BYTES) rotate(file);
      fs.appendFileSync(file, `${new Date(now()).toISOString()} ${level} ${redact(format(...args))}\n`);
    } catch {
      // A full or read-only disk must not turn a logged error into a crash.
    }
  };
  for (const level of ['error', 'warn'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      original(...args);
      write(level.toUpperCase(), args);
    };
  }
  return file;
};
