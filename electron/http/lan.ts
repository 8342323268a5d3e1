import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
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
import { ensureServerCert, ensureShopCa, shortFingerprint } from '../core/lan/certs';
import { handlePlainHttp } from './certPage';

const MAX_BODY = 64 * 1024;

/** How often the laptop's addresses are looked at (a new wifi, a new address from the router). */
const ADDRESS_CHECK_MS = 30_000;
/** A connection that says nothing is not kept open. */
const FIRST_BYTE_TIMEOUT_MS = 10_000;

export interface LanServer {
  /** The HTTPS address of the phone page (what the QR holds). */
  url: string;
  /** The plain-HTTP page that hands out the shop's certificate. */
  installUrl: string;
  /** The shop's CA certificate (PEM), for whoever must trust it (tests, the seller's own tools). */
  caPem: string;
  /** Looks at the addresses now (the timer does it every 30 s) and re-issues the certificate if they changed. */
  recheck(): void;
  close(): Promise<void>;
}

/** The addresses other computers on the network can reach this one at (IPv4, not loopback). */
export const lanAddresses = (): string[] =>
  Object.values(os.networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && i.family === 'IPv4' && !i.internal)
    .map((i) => i?.address ?? '');

/** The first address other computers on the network can reach this one at. */
export const lanAddress = (): string => lanAddresses()[0] ?? '127.0.0.1';

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
/** The pages a person opens (no data in them: the data comes through calls with the phone's token). */
const pagePaths = new Set(['/', '/telefono', '/app', '/app/']);

export const isOurHost = (host: string, port: number): boolean => {
  const match = /^(\[[0-9a-f:.]+\]|[0-9.]+):(\d+)$/i.exec(host);
  return Boolean(match?.[1]) && Number(match?.[2]) === port && net.isIP((match?.[1] ?? '').replace(/^\[|\]$/g, '')) !== 0;
};

const isTrustedRequest = (req: IncomingMessage, port: number): boolean => {
  const host = req.headers.host ?? '';
  if (!isOurHost(host, port)) return false;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `https://${host}`) return false;
  // Opening a page is no call: the install page on plain HTTP (another site, by scheme) links to the phone page.
  const isPageOpened = req.method === 'GET' && req.headers['sec-fetch-mode'] === 'navigate' && pagePaths.has(new URL(req.url ?? '/', 'https://lan').pathname);
  return isPageOpened || req.headers['sec-fetch-site'] !== 'cross-site';
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

/**
 * The home-network door. One port speaks both: TLS (the first byte of a handshake is 0x16) goes to the
 * HTTPS server with the shop's certificate — the phone page, pairing, and the methods for paired phones —
 * and plain HTTP gets only the page that installs the shop's certificate, the certificate itself, and a
 * redirect to HTTPS for everything else. Nothing of the shop travels over plain HTTP.
 */
export const startLanServer = (
  core: Core,
  options: {
    host: string;
    port: number;
    rendererDir?: string;
    /** The laptop's addresses (faked in tests). */
    addresses?: () => string[];
    /**
     * What certificates are dated and renewed by. Phones check them against the real time, so a test
     * whose shop clock stands at a fixed day gives the real one here.
     */
    tlsClock?: () => number;
  },
): Promise<LanServer> => {
  let port = options.port;
  const addressesNow = options.addresses ?? lanAddresses;
  const tlsNow = options.tlsClock ?? core.now;
  const ca = ensureShopCa(core.dataDir, tlsNow());
  let cert = ensureServerCert(core.dataDir, ca, addressesNow(), tlsNow());
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    void (async () => {
      if (!isTrustedRequest(req, port)) return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'Open Chasqui by its address on your network' } });
      const url = new URL(req.url ?? '/', 'https://lan');
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
  };
  const secure = https.createServer({ key: cert.keyPem, cert: cert.certPem }, handle);
  const fingerprint = shortFingerprint(ca.fingerprint);
  const plain = http.createServer((req, res) => handlePlainHttp(req, res, { caDer: ca.der, fingerprint, language: core.lan.language(), isOurHost: (host) => isOurHost(host, port) }));
  const sockets = new Set<net.Socket>();
  const door = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.setTimeout(FIRST_BYTE_TIMEOUT_MS, () => socket.destroy());
    socket.once('data', (first: Buffer) => {
      socket.setTimeout(0);
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? secure : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
    socket.on('error', () => socket.destroy());
  });
  const shownHost = (): string => (options.host === '0.0.0.0' ? (addressesNow()[0] ?? '127.0.0.1') : options.host);
  const urlsNow = (): { url: string; installUrl: string } => {
    const host = net.isIPv6(shownHost()) ? `[${shownHost()}]` : shownHost();
    return { url: `https://${host}:${port}/telefono`, installUrl: `http://${host}:${port}/certificado` };
  };
  const publish = (): void => {
    const urls = urlsNow();
    core.lan.setUrl(urls.url, { installUrl: urls.installUrl, fingerprint });
  };
  const recheck = (): void => {
    const next = ensureServerCert(core.dataDir, ca, addressesNow(), tlsNow());
    if (next.certPem === cert.certPem) return;
    cert = next;
    // New connections get the new certificate; open ones finish with the old.
    secure.setSecureContext({ key: cert.keyPem, cert: cert.certPem });
    publish();
  };
  return new Promise((resolve, reject) => {
    door.once('error', reject);
    door.listen(options.port, options.host, () => {
      const address = door.address();
      port = typeof address === 'object' && address !== null ? address.port : options.port;
      const timer = setInterval(() => {
        try {
          recheck();
        } catch (error) {
          console.error('[chasqui] LAN certificate:', error);
        }
      }, ADDRESS_CHECK_MS);
      timer.unref();
      publish();
      resolve({
        get url() {
          return urlsNow().url;
        },
        get installUrl() {
          return urlsNow().installUrl;
        },
        caPem: ca.certPem,
        recheck,
        close: () =>
          new Promise<void>((done) => {
            clearInterval(timer);
            core.lan.setUrl(null);
            secure.closeAllConnections();
            plain.closeAllConnections();
            for (const socket of sockets) socket.destroy();
            door.close(() => done());
          }),
      });
    });
  });
};
