import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { ApiErrorBody, ErrorCode } from '../../shared/api/errors';
import type { Envelope } from '../../shared/api/result';
import type { Core } from '../core';
import { mimeForPath, resolveMediaPath } from '../core/media/store';
import { exportMime, resolveExportPath } from '../core/exports';
import { SESSION_COOKIE, isAuthorized, isLoopbackHost, isSameOrigin, tokensMatch } from './guard';
import { securityHeaders, sendFile, serveRenderer } from './static';

const MAX_BODY_BYTES = 25 * 1024 * 1024;
const HEARTBEAT_MS = 20_000;

const statusFor: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  insufficient_stock: 409,
  db_from_future: 409,
  not_a_chasqui_db: 409,
  db_damaged: 409,
  channel_not_ready: 409,
  channel_auth_failed: 422,
  channel_rate_limited: 429,
  channel_blocked: 423,
  channel_error: 502,
  reply_window_closed: 409,
  browser_not_found: 424,
  disk_full: 507,
  whatsapp_number_missing: 409,
  internal: 500,
};

export interface ServerOptions {
  core: Core;
  token: string;
  port: number;
  /** Built renderer (out/renderer); the API works without it. */
  rendererDir?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const sendJson = (res: ServerResponse, status: number, body: Envelope<unknown>): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
};

const sendError = (res: ServerResponse, error: ApiErrorBody): void =>
  sendJson(res, statusFor[error.code], { ok: false, error });

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too_large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const handleApiCall = async (core: Core, req: IncomingMessage, res: ServerResponse, method: string): Promise<void> => {
  let args: unknown = {};
  try {
    const text = await readBody(req);
    args = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    const isTooLarge = error instanceof Error && error.message === 'too_large';
    sendError(res, {
      code: 'invalid_input',
      message: isTooLarge ? '(body): the request is larger than 25 MB' : '(body): the request body is not valid JSON',
      field: '(body)',
    });
    return;
  }
  const envelope = await core.dispatch(method, args);
  sendJson(res, envelope.ok ? 200 : statusFor[envelope.error.code], envelope);
};

const streamEvents = (core: Core, req: IncomingMessage, res: ServerResponse): void => {
  res.writeHead(200, {
    ...securityHeaders,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = core.events.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
};

/** Opening the printed link logs the browser in: the token moves into an HttpOnly cookie and out of the URL. */
const handleLogin = (res: ServerResponse, url: URL, token: string): boolean => {
  const given = url.searchParams.get('token');
  if (given === null) return false;
  if (!tokensMatch(given, token)) {
    res.writeHead(401, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('This link is not valid any more. Open the link Chasqui printed when it started.');
    return true;
  }
  res.writeHead(303, {
    ...securityHeaders,
    'Set-Cookie': `${SESSION_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
    Location: '/',
  });
  res.end();
  return true;
};

export const startServer = (options: ServerOptions): Promise<RunningServer> => {
  const { core, token } = options;
  let port = options.port;

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!isLoopbackHost(req, port) || !isSameOrigin(req, port)) {
      sendError(res, { code: 'forbidden', message: 'Requests must come from this computer and from Chasqui itself' });
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
    const isFile = url.pathname.startsWith('/media/') || url.pathname.startsWith('/exports/');
    if (isApi || isFile) {
      if (!isAuthorized(req, token)) {
        sendError(res, { code: 'unauthorized', message: 'Missing or wrong token' });
        return;
      }
    }
    if (url.pathname === '/api/events' && req.method === 'GET') return streamEvents(core, req, res);
    if (isApi) {
      if (req.method !== 'POST') {
        sendError(res, { code: 'not_found', message: `Use POST ${url.pathname}` });
        return;
      }
      return handleApiCall(core, req, res, decodeURIComponent(url.pathname.slice('/api/'.length)));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, { code: 'not_found', message: 'Not found' });
      return;
    }
    if (url.pathname.startsWith('/media/')) {
      const file = resolveMediaPath(core.mediaDir, url.pathname);
      if (!file) sendError(res, { code: 'not_found', message: 'No such photo' });
      else sendFile(res, file, mimeForPath(file), 'private, max-age=31536000, immutable');
      return;
    }
    if (url.pathname.startsWith('/exports/')) {
      const file = resolveExportPath(core.dataDir, url.pathname);
      if (!file) sendError(res, { code: 'not_found', message: 'No such file' });
      else sendFile(res, file, exportMime(file), 'no-store');
      return;
    }
    if (handleLogin(res, url, token)) return;
    serveRenderer(res, options.rendererDir, url.pathname);
  };

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error('[chasqui] http error', error);
      if (!res.headersSent) sendError(res, { code: 'internal', message: 'Something went wrong inside Chasqui' });
      else res.end();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address();
      port = typeof address === 'object' && address !== null ? address.port : options.port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
};
