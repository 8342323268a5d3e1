import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import os from 'node:os';
import net from 'node:net';
import type { Envelope } from '../../shared/api/result';
import type { AppEvent } from '../../shared/api/contract';
import type { TeamRole } from '../../shared/api/methods/team';
import type { Core } from '../core';
import { bearerToken } from './guard';
import { phoneCss, phoneHtmlFor, phoneJs } from './phonePage';
import { mimeForPath, resolveMediaPath } from '../core/media/store';
import { securityHeaders, sendFile, serveRenderer } from './static';

const MAX_BODY = 64 * 1024;

export interface LanServer {
  url: string;
  close(): Promise<void>;
}

/** The first address other computers on the network can reach this one at. */
export const lanAddress = (): string =>
  Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address ?? '127.0.0.1';

const send = (res: ServerResponse, status: number, type: string, body: string): void => {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
};
const sendJson = (res: ServerResponse, status: number, envelope: Envelope<unknown>): void => send(res, status, 'application/json; charset=utf-8', JSON.stringify(envelope));

const readJson = (req: IncomingMessage): Promise<unknown> =>
  new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
      if (body.length > MAX_BODY) req.destroy();
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(body || '{}'));
      } catch {
        resolve(undefined);
      }
    });
  });

/**
 * Only an IP literal with our port is accepted as Host: a page on some domain that resolves to this
 * computer (DNS rebinding) is refused, and so is any cross-site Origin.
 */
const isTrustedRequest = (req: IncomingMessage, port: number): boolean => {
  const host = req.headers.host ?? '';
  const match = /^(\[[0-9a-f:.]+\]|[0-9.]+):(\d+)$/i.exec(host);
  if (!match?.[1] || Number(match[2]) !== port || net.isIP(match[1].replace(/^\[|\]$/g, '')) === 0) return false;
  const origin = req.headers.origin;
  return (origin === undefined || origin === `http://${host}`) && req.headers['sec-fetch-site'] !== 'cross-site';
};

/** A malformed escape is simply no method of ours (not a thrown error and a 500). */
const methodOf = (pathname: string): string => {
  try {
    return decodeURIComponent(pathname.slice(5));
  } catch {
    return '';
  }
};

const statusFor = (code: string): number => ({ invalid_input: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409 })[code] ?? 500;

/** What a helper's open app hears about: the records their role works on, nothing of the rest of the shop. */
const eventsForRole: Record<TeamRole, ReadonlySet<AppEvent['type']> | 'all'> = {
  owner: 'all',
  seller: new Set<AppEvent['type']>(['orders.changed', 'catalog.changed', 'stock.changed', 'settings.changed', 'inbox.message', 'promotions.changed', 'stall.changed']),
  stall: new Set<AppEvent['type']>(['catalog.changed', 'stock.changed', 'settings.changed', 'promotions.changed', 'stall.changed']),
  delivery: new Set<AppEvent['type']>(['orders.changed']),
};

const streamTeamEvents = (core: Core, role: TeamRole, req: IncomingMessage, res: ServerResponse): void => {
  res.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  const allowed = eventsForRole[role];
  const unsubscribe = core.events.subscribe((event) => (allowed === 'all' || allowed.has(event.type) ? res.write(`data: ${JSON.stringify(event)}\n\n`) : undefined));
  const heartbeat = setInterval(() => res.write(': ping\n\n'), 25_000);
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
};

/** The home-network door: the phone page, pairing, and the delivery methods for paired phones only. */
export const startLanServer = (core: Core, options: { host: string; port: number; rendererDir?: string }): Promise<LanServer> => {
  let port = options.port;
  const server = http.createServer((req, res) => {
    void (async () => {
      if (!isTrustedRequest(req, port)) return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'Open Chasqui by its address on your network' } });
      const url = new URL(req.url ?? '/', 'http://lan');
      if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/telefono')) return send(res, 200, 'text/html; charset=utf-8', phoneHtmlFor(core.lan.language()));
      if (req.method === 'GET' && url.pathname === '/telefono.js') return send(res, 200, 'text/javascript; charset=utf-8', phoneJs);
      if (req.method === 'GET' && url.pathname === '/telefono.css') return send(res, 200, 'text/css; charset=utf-8', phoneCss);
      // The whole app for a helper with a seller's (or the owner's) phone; the core still decides each call by role.
      if (req.method === 'GET' && (url.pathname === '/app' || url.pathname === '/app/' || url.pathname.startsWith('/assets/') || url.pathname === '/manifest.webmanifest' || url.pathname === '/sw.js' || url.pathname.startsWith('/icons/'))) {
        return serveRenderer(res, options.rendererDir, url.pathname.startsWith('/app') ? '/index.html' : url.pathname);
      }
      // Product photos for a paired phone that sells (the stall phone keeps them for offline); never for delivery.
      if (req.method === 'GET' && url.pathname.startsWith('/media/')) {
        const token = bearerToken(req);
        const principal = token ? core.lan.principalForToken(token) : null;
        if (!principal || principal.kind !== 'device' || principal.role === 'delivery') return sendJson(res, 401, { ok: false, error: { code: 'unauthorized', message: 'This phone is not paired' } });
        const file = resolveMediaPath(core.mediaDir, url.pathname);
        return file ? sendFile(res, file, mimeForPath(file), 'private, max-age=31536000, immutable') : sendJson(res, 404, { ok: false, error: { code: 'not_found', message: 'No such photo' } });
      }
      if (req.method === 'GET' && url.pathname === '/api/events') {
        const token = bearerToken(req);
        const principal = token ? core.lan.principalForToken(token) : null;
        if (!principal || principal.kind !== 'device') return sendJson(res, 401, { ok: false, error: { code: 'unauthorized', message: 'This phone is not paired' } });
        return streamTeamEvents(core, principal.role, req, res);
      }
      if (req.method === 'POST' && url.pathname === '/lan/pair') {
        // Wrong codes are counted per address the connection came from, never per anything the request claims.
        const envelope = await core.dispatch('lan.pair', await readJson(req), { principal: { kind: 'stranger', source: req.socket.remoteAddress ?? 'unknown' } });
        return sendJson(res, envelope.ok ? 200 : statusFor(envelope.error.code), envelope);
      }
      if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
        const token = bearerToken(req);
        const principal = token ? core.lan.principalForToken(token) : null;
        if (!principal) return sendJson(res, 401, { ok: false, error: { code: 'unauthorized', message: 'This phone is not paired, was revoked, or was not used for 30 days' } });
        // The core checks the phone's role per method and its records per call; this door adds nothing of its own.
        const envelope = await core.dispatch(methodOf(url.pathname), await readJson(req), { principal });
        return sendJson(res, envelope.ok ? 200 : statusFor(envelope.error.code), envelope);
      }
      return sendJson(res, 404, { ok: false, error: { code: 'not_found', message: 'Not found' } });
    })().catch(() => sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Something went wrong' } }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const address = server.address();
      port = typeof address === 'object' && address !== null ? address.port : options.port;
      const shownHost = options.host === '0.0.0.0' ? lanAddress() : options.host;
      const url = `http://${shownHost}:${port}/telefono`;
      core.lan.setUrl(url);
      resolve({
        url,
        close: () =>
          new Promise<void>((done) => {
            core.lan.setUrl(null);
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
};
