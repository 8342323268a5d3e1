import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { ApiErrorBody, ErrorCode } from '../../shared/api/errors';
import type { Envelope } from '../../shared/api/result';
import type { Core } from '../core';
import { mimeForPath, resolveMediaPath } from '../core/media/store';
import { exportDisposition, exportMime, resolveExportPath } from '../core/exports';
import { isAuthorized, isLoopbackHost, isSameOrigin, tokensMatch } from './guard';
import { fileLinkKey, isSignedFileUrl, signFileLinks } from './fileLinks';
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
  message_not_in_conversation: 400,
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

/** Past this much, an oversized body is cut off instead of drained (a client that never stops sending). */
const MAX_DRAIN_BYTES = 8 * MAX_BODY_BYTES;

type Body = { isTooLarge: false; text: string } | { isTooLarge: true };

/**
 * An oversized body is read to its end and thrown away before the answer: destroying the socket while
 * the client is still sending makes it see a connection reset instead of the JSON error.
 */
const readBody = (req: IncomingMessage): Promise<Body> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_DRAIN_BYTES) {
      resolve({ isTooLarge: true });
      return;
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN_BYTES) {
        req.destroy();
        resolve({ isTooLarge: true });
        return;
      }
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? { isTooLarge: true } : { isTooLarge: false, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', reject);
  });

/**
 * The browser page asks for file links it can put in <img src> and <a href>; other clients (tests,
 * scripts) get the plain paths, the same answer as in the desktop app.
 */
export const SIGNED_LINKS_HEADER = 'x-chasqui-file-links';
const wantsSignedLinks = (req: IncomingMessage): boolean => req.headers[SIGNED_LINKS_HEADER] === 'signed';

const handleApiCall = async (core: Core, req: IncomingMessage, res: ServerResponse, method: string, linkKey: Buffer): Promise<void> => {
  let args: unknown = {};
  const body = await readBody(req);
  if (body.isTooLarge) {
    // 413 rather than 400: the body was not looked at, only its size.
    res.setHeader('Connection', 'close');
    sendJson(res, 413, { ok: false, error: { code: 'invalid_input', message: '(body): the request is larger than 25 MB', field: '(body)' } });
    return;
  }
  try {
    args = body.text.trim() === '' ? {} : JSON.parse(body.text);
  } catch {
    sendError(res, { code: 'invalid_input', message: '(body): the request body is not valid JSON', field: '(body)' });
    return;
  }
  const envelope = await core.dispatch(method, args);
  if (envelope.ok && wantsSignedLinks(req)) sendJson(res, 200, { ok: true, value: signFileLinks(linkKey, envelope.value) });
  else if (envelope.ok) sendJson(res, 200, envelope);
  else sendJson(res, statusFor[envelope.error.code], envelope);
};

const streamEvents = (core: Core, req: IncomingMessage, res: ServerResponse, linkKey: Buffer): void => {
  const isSigning = wantsSignedLinks(req);
  res.writeHead(200, {
    ...securityHeaders,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = core.events.subscribe((event) => res.write(`data: ${JSON.stringify(isSigning ? signFileLinks(linkKey, event) : event)}\n\n`));
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
};

/**
 * The printed link opens the page; the page itself takes the token out of the address and keeps it in
 * sessionStorage, which belongs to this port alone. No cookie: a browser sends cookies for 127.0.0.1
 * to every port, so any other local web server the seller visits would receive it.
 */
const refuseWrongLink = (res: ServerResponse, url: URL, token: string): boolean => {
  const given = url.searchParams.get('token');
  if (given === null || tokensMatch(given, token)) return false;
  res.writeHead(401, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('This link is not valid any more. Open the link Chasqui printed when it started.');
  return true;
};

/** Null for an address that cannot be decoded: it is the client's mistake (400), not ours (500). */
const parseRequestUrl = (raw: string | undefined, port: number): URL | null => {
  try {
    const url = new URL(raw ?? '/', `http://127.0.0.1:${port}`);
    decodeURIComponent(url.pathname);
    return url;
  } catch {
    return null;
  }
};

export const startServer = (options: ServerOptions): Promise<RunningServer> => {
  const { core, token } = options;
  const linkKey = fileLinkKey(token);
  let port = options.port;

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!isLoopbackHost(req, port) || !isSameOrigin(req, port)) {
      sendError(res, { code: 'forbidden', message: 'Requests must come from this computer and from Chasqui itself' });
      return;
    }
    const url = parseRequestUrl(req.url, port);
    if (!url) {
      sendError(res, { code: 'invalid_input', message: 'The address is not valid (a broken %-escape?)' });
      return;
    }
    const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
    const isFile = url.pathname.startsWith('/media/') || url.pathname.startsWith('/exports/');
    if (isApi || isFile) {
      const isSignedFile = isFile && isSignedFileUrl(linkKey, url.pathname, url.searchParams.get('sig'));
      if (!isSignedFile && !isAuthorized(req, token)) {
        sendError(res, { code: 'unauthorized', message: 'Missing or wrong token' });
        return;
      }
    }
    if (url.pathname === '/api/events' && req.method === 'GET') return streamEvents(core, req, res, linkKey);
    if (isApi) {
      if (req.method !== 'POST') {
        sendError(res, { code: 'not_found', message: `Use POST ${url.pathname}` });
        return;
      }
      return handleApiCall(core, req, res, decodeURIComponent(url.pathname.slice('/api/'.length)), linkKey);
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
      else {
        res.setHeader('Content-Disposition', exportDisposition(file));
        sendFile(res, file, exportMime(file), 'no-store');
      }
      return;
    }
    if (refuseWrongLink(res, url, token)) return;
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
