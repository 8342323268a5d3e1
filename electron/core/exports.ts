import fs from 'node:fs';
import path from 'node:path';

/** Printable files and exports live in <dataDir>/exports, where the seller can find them. */
export const exportsDirFor = (dataDir: string): string => path.join(dataDir, 'exports');

/** Every kind of file the app writes to exports/, with the type it is served as. */
const mimes: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  csv: 'text/csv; charset=utf-8',
  zip: 'application/zip',
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

// ASCII only (names are slugs), so the name can go into a header as it is.
const EXPORT_NAME = new RegExp(`^[\\w.-]{1,200}\\.(${Object.keys(mimes).join('|')})$`);

export const isExportName = (name: string): boolean => EXPORT_NAME.test(name) && !name.startsWith('.');

/** Maps /exports/<name> to a file in the exports folder; anything else (../, subfolders) is null. */
export const resolveExportPath = (dataDir: string, requestPath: string): string | null => {
  let name: string;
  try {
    name = decodeURIComponent(requestPath.slice('/exports/'.length));
  } catch {
    return null;
  }
  if (!isExportName(name)) return null;
  const file = path.join(exportsDirFor(dataDir), name);
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
};

export const exportMime = (file: string): string => mimes[path.extname(file).slice(1)] ?? 'application/octet-stream';

/**
 * Exports are always saved, never shown as a page of the app: customer text inside a .txt or .json
 * must not be read by the browser as anything else (nosniff comes with every answer).
 */
export const exportDisposition = (file: string): string => `attachment; filename="${path.basename(file)}"`;

export const exportUrl = (fileName: string): string => `/exports/${encodeURIComponent(fileName)}`;
