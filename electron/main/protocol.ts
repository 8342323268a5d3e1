import fs from 'node:fs';
import path from 'node:path';
import { exportDisposition, exportMime, resolveExportPath } from '../core/exports';
import { mimeForPath, resolveMediaPath } from '../core/media/store';
import { CONTENT_SECURITY_POLICY } from './security';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
};

export interface AppFiles {
  rendererDir: string;
  mediaDir: string;
  dataDir: string;
}

const fileResponse = (file: string, contentType: string, extra: Record<string, string> = {}): Response =>
  new Response(fs.readFileSync(file), {
    headers: { 'Content-Type': contentType, 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', ...extra },
  });

/**
 * Answers app://chasqui/... : the built renderer, photos and exports. Paths are resolved inside
 * their folders only, so "../" can never reach the rest of the disk.
 */
export const handleAppRequest = (request: { url: string }, files: AppFiles): Response => {
  const url = new URL(request.url);
  if (url.pathname.startsWith('/media/')) {
    const file = resolveMediaPath(files.mediaDir, url.pathname);
    return file ? fileResponse(file, mimeForPath(file)) : new Response('Not found', { status: 404 });
  }
  if (url.pathname.startsWith('/exports/')) {
    const file = resolveExportPath(files.dataDir, url.pathname);
    return file ? fileResponse(file, exportMime(file), { 'Content-Disposition': exportDisposition(file) }) : new Response('Not found', { status: 404 });
  }
  const root = path.resolve(files.rendererDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return new Response('Bad address', { status: 400 });
  }
  const requested = path.resolve(root, `.${decoded}`);
  const isInside = requested.startsWith(root + path.sep);
  const file = isInside && fs.existsSync(requested) && fs.statSync(requested).isFile() ? requested : path.join(root, 'index.html');
  return fileResponse(file, types[path.extname(file)] ?? 'application/octet-stream');
};
