import fs from 'node:fs';
import path from 'node:path';

/** Printable files and exports live in <dataDir>/exports, where the seller can find them. */
export const exportsDirFor = (dataDir: string): string => path.join(dataDir, 'exports');

const EXPORT_NAME = /^[\w.-]{1,160}\.(pdf|png|jpg|csv|zip)$/;

const mimes: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  csv: 'text/csv; charset=utf-8',
  zip: 'application/zip',
};

/** Maps /exports/<name> to a file in the exports folder; anything else (../, subfolders) is null. */
export const resolveExportPath = (dataDir: string, requestPath: string): string | null => {
  let name: string;
  try {
    name = decodeURIComponent(requestPath.slice('/exports/'.length));
  } catch {
    return null;
  }
  if (!EXPORT_NAME.test(name) || name.startsWith('.')) return null;
  const file = path.join(exportsDirFor(dataDir), name);
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
};

export const exportMime = (file: string): string => mimes[path.extname(file).slice(1)] ?? 'application/octet-stream';

export const exportUrl = (fileName: string): string => `/exports/${encodeURIComponent(fileName)}`;
