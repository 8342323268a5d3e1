import fs from 'node:fs';
import path from 'node:path';
import type { PrintResult } from '../../shared/api/methods/print';
import type { CoreContext } from './context';
import { exportsDirFor, exportUrl } from './exports';
import { logFileFor } from './logFile';
import { redact } from './channels/redact';
import { shopDate } from '../../shared/domain/time';
import { readSettings } from './settings/repo';

/** The log files, oldest first, in one text file in exports/ (redacted again, in case). */
export const exportLog = (ctx: CoreContext): PrintResult => {
  const file = logFileFor(ctx.dataDir);
  const parts = [`${file}.2`, `${file}.1`, file].filter((part) => fs.existsSync(part)).map((part) => fs.readFileSync(part, 'utf8'));
  const body = parts.length > 0 ? redact(parts.join('')) : 'No errors have been logged.\n';
  const dir = exportsDirFor(ctx.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const fileName = `chasqui-registro-${shopDate(ctx.now(), readSettings(ctx.db).timeZone)}.txt`;
  const target = path.join(dir, fileName);
  fs.writeFileSync(target, body);
  return { path: target, url: exportUrl(fileName), fileName, bytes: Buffer.byteLength(body) };
};
