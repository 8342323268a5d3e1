import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const tokensMatch = (given: string | undefined, expected: string): boolean => {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
};

export const bearerToken = (req: IncomingMessage): string | undefined => {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
};

/**
 * Only the Authorization header: a cookie is never a credential, because browsers send cookies for
 * 127.0.0.1 to every port on it, so any other local web server would receive them.
 */
export const isAuthorized = (req: IncomingMessage, token: string): boolean => tokensMatch(bearerToken(req), token);

/**
 * DNS rebinding defence: a page on evil.example that resolves to 127.0.0.1 still sends its own Host.
 */
export const isLoopbackHost = (req: IncomingMessage, port: number): boolean => {
  const host = (req.headers.host ?? '').toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` || host === `[::1]:${port}`;
};

/** Browsers send Origin on cross-site requests; only our own origin may call the API. */
export const isSameOrigin = (req: IncomingMessage, port: number): boolean => {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}` && origin !== `http://[::1]:${port}`) {
    return false;
  }
  return req.headers['sec-fetch-site'] !== 'cross-site';
};
