import crypto from 'node:crypto';

/**
 * A browser loads photos and printed files by URL (<img src>, <a download>), which cannot carry the
 * Authorization header, and a cookie would go to every program on 127.0.0.1 (cookies ignore ports).
 * So each file the API mentions gets its own signed link: an HMAC of its path under a key derived from
 * the token. A link opens that one file only, and stops working when the token is renewed.
 */
export const fileLinkKey = (token: string): Buffer => crypto.createHmac('sha256', token).update('chasqui file links v1').digest();

const signatureOf = (key: Buffer, pathname: string): string => crypto.createHmac('sha256', key).update(pathname).digest('base64url').slice(0, 32);

const FILE_PATH = /^\/(media|exports)\/[^?#\s]+$/;

export const signFileUrl = (key: Buffer, pathname: string): string => `${pathname}?sig=${signatureOf(key, pathname)}`;

export const isSignedFileUrl = (key: Buffer, pathname: string, signature: string | null): boolean => {
  if (!signature || !FILE_PATH.test(pathname)) return false;
  const expected = Buffer.from(signatureOf(key, pathname));
  const given = Buffer.from(signature);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
};

/** Only fields named url or …Url that hold a file path: customer text that looks like a path stays as it is. */
const isUrlKey = (key: string): boolean => key === 'url' || key.endsWith('Url');

/** The API's answer (or event) with every file link in it signed, for the browser. */
export const signFileLinks = (key: Buffer, value: unknown, isUrlField = false): unknown => {
  if (typeof value === 'string') return isUrlField && FILE_PATH.test(value) ? signFileUrl(key, value) : value;
  if (Array.isArray(value)) return value.map((item) => signFileLinks(key, item, isUrlField));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([field, item]) => [field, signFileLinks(key, item, isUrlKey(field))]));
  }
  return value;
};
