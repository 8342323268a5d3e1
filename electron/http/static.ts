import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const securityHeaders = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

export const sendFile = (res: ServerResponse, file: string, contentType: string, cacheControl: string): void => {
  const stat = fs.statSync(file);
  res.writeHead(200, {
    ...securityHeaders,
    'Content-Type': contentType,
    'Content-Length': stat.size,
    'Cache-Control': cacheControl,
  });
  fs.createReadStream(file).pipe(res);
};

/** Serves the built renderer; unknown paths get index.html so deep links (#/pedidos) work after reload. */
export const serveRenderer = (res: ServerResponse, rendererDir: string | undefined, urlPath: string): void => {
  if (!rendererDir || !fs.existsSync(path.join(rendererDir, 'index.html'))) {
    res.writeHead(503, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('The Chasqui interface is not built. Run `npm run build` (npm run serve does it for you).');
    return;
  }
  const root = path.resolve(rendererDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    decoded = '/';
  }
  const requested = path.resolve(root, `.${decoded}`);
  const isInside = requested.startsWith(root + path.sep);
  const file = isInside && fs.existsSync(requested) && fs.statSync(requested).isFile() ? requested : path.join(root, 'index.html');
  const isHashedAsset = file.includes(`${path.sep}assets${path.sep}`);
  sendFile(res, file, types[path.extname(file)] ?? 'application/octet-stream', isHashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
};
