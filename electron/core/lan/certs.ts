import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type * as Forge from 'node-forge';
import { lazyRequire } from '../lazy';
import { PRIVATE_FILE_MODE, makePrivateDir, makePrivateFile } from '../privateFiles';

/** About 0.2 s to load: only when the phones' door opens, never at the app's start. */
const forgeLib = lazyRequire<typeof Forge>('node-forge');

/**
 * The shop's own small certificate authority and the laptop's server certificate, so helpers' phones
 * reach Chasqui at https://192.168.x.x (a secure context: service worker, home-screen install).
 * The CA key never leaves the data dir except inside the seller's own backups (see README).
 */

const DAY = 24 * 60 * 60_000;
/** A phone keeps trusting the shop for as long as the laptop lasts; re-installing it is a chore. */
const CA_DAYS = 20 * 365;
/** Apple refuses server certificates valid longer than 398 days; ours live a year and renew themselves. */
const SERVER_DAYS = 365;
/** A certificate this close to its end is renewed at the next start or address check. */
const RENEW_BEFORE = 30 * DAY;

export const LAN_CERT_DIR = 'lan-https';
const files = {
  caKey: 'ca-key.pem',
  caCert: 'ca-cert.pem',
  serverKey: 'server-key.pem',
  serverCert: 'server-cert.pem',
} as const;
/** What a backup carries (the shop's identity towards its phones); the server certificate is simply re-made. */
export const CA_FILES = [files.caKey, files.caCert] as const;

export interface ShopCa {
  certPem: string;
  keyPem: string;
  /** The DER bytes a phone installs. */
  der: Buffer;
  /** SHA-256 of the DER, as phones show it ("AB:CD:…"). */
  fingerprint: string;
}

export interface ServerCert {
  certPem: string;
  keyPem: string;
  /** The IP addresses (and localhost) it is valid for. */
  addresses: string[];
}

const dirOf = (dataDir: string): string => path.join(dataDir, LAN_CERT_DIR);

const writePrivate = (file: string, text: string): void => {
  // Written beside and renamed, so a crash never leaves half a key; created 0600 from the first byte.
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, text, { mode: PRIVATE_FILE_MODE });
  makePrivateFile(tmp);
  fs.renameSync(tmp, file);
};

const readIfThere = (file: string): string | null => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/** A positive serial of 128 random bits (RFC 5280 allows up to 20 octets). */
const randomSerial = (): string => {
  const bytes = crypto.randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x10;
  return bytes.toString('hex');
};

/** Node makes the key natively (milliseconds); forge only builds and signs the certificate. */
const newRsaKey = (): { privateKey: Forge.pki.rsa.PrivateKey; publicKey: Forge.pki.rsa.PublicKey; pem: string } => {
  const forge = forgeLib();
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(pem);
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e), pem };
};

/** Node reads certificates itself: a start with certificates already made never loads forge. */
const derOf = (certPem: string): Buffer => new crypto.X509Certificate(certPem).raw;

export const fingerprintOf = (der: Buffer): string =>
  crypto
    .createHash('sha256')
    .update(der)
    .digest('hex')
    .toUpperCase()
    .match(/../g)
    ?.join(':') ?? '';

/** The first 8 bytes: enough for a person to compare with what her phone shows, short enough to read aloud. */
export const shortFingerprint = (fingerprint: string): string => fingerprint.split(':').slice(0, 8).join(':');

const toCa = (certPem: string, keyPem: string): ShopCa => {
  const der = derOf(certPem);
  return { certPem, keyPem, der, fingerprint: fingerprintOf(der) };
};

const createCa = (now: number): ShopCa => {
  const forge = forgeLib();
  const key = newRsaKey();
  const cert = forge.pki.createCertificate();
  cert.publicKey = key.publicKey;
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = new Date(now - DAY);
  cert.validity.notAfter = new Date(now + CA_DAYS * DAY);
  // A random tag tells two shops' certificates apart in the phone's list.
  const attrs = [
    { name: 'commonName', value: `Chasqui - tu tienda ${crypto.randomBytes(3).toString('hex').toUpperCase()}` },
    { name: 'organizationName', value: 'Chasqui' },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key.privateKey, forge.md.sha256.create());
  return toCa(forge.pki.certificateToPem(cert), key.pem);
};

/** The shop's CA, made once and kept in the data dir (0600 key in a 0700 folder). */
export const ensureShopCa = (dataDir: string, now: number): ShopCa => {
  const dir = dirOf(dataDir);
  makePrivateDir(dir);
  const certPem = readIfThere(path.join(dir, files.caCert));
  const keyPem = readIfThere(path.join(dir, files.caKey));
  if (certPem && keyPem) {
    try {
      makePrivateFile(path.join(dir, files.caKey));
      return toCa(certPem, keyPem);
    } catch {
      // Unreadable: made anew below (phones install the new one; nothing of the shop depends on it).
    }
  }
  const ca = createCa(now);
  writePrivate(path.join(dir, files.caKey), ca.keyPem);
  writePrivate(path.join(dir, files.caCert), ca.certPem);
  // A server certificate of an older CA is worthless now.
  fs.rmSync(path.join(dir, files.serverCert), { force: true });
  return ca;
};

/** The SANs a server certificate carries for these addresses: each IP, plus localhost for the laptop itself. */
const wantedAddresses = (addresses: readonly string[]): string[] => [...new Set([...addresses.filter((a) => net.isIP(a) !== 0), '127.0.0.1'])].sort();

const isStillGood = (certPem: string, ca: ShopCa, addresses: string[], now: number): boolean => {
  try {
    const cert = new crypto.X509Certificate(certPem);
    const sans = (cert.subjectAltName ?? '').split(', ').filter((s) => s.startsWith('IP Address:')).map((s) => s.slice('IP Address:'.length));
    const isSameSet = sans.length === addresses.length && addresses.every((a) => sans.includes(a));
    return isSameSet && cert.verify(new crypto.X509Certificate(ca.certPem).publicKey) && Date.parse(cert.validTo) - RENEW_BEFORE > now;
  } catch {
    return false;
  }
};

const issueServerCert = (ca: ShopCa, addresses: string[], now: number): ServerCert => {
  const forge = forgeLib();
  const key = newRsaKey();
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = key.publicKey;
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = new Date(now - DAY);
  cert.validity.notAfter = new Date(now + SERVER_DAYS * DAY);
  cert.setSubject([{ name: 'commonName', value: addresses[0] ?? 'localhost' }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, ...addresses.map((ip) => ({ type: 7, ip }))] },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(ca.keyPem), forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: key.pem, addresses };
};

/**
 * The laptop's certificate for its current addresses: the saved one while it still fits, else a new
 * one signed by the shop's CA (a new wifi, a new address from the router, or less than 30 days left).
 */
export const ensureServerCert = (dataDir: string, ca: ShopCa, lanAddresses: readonly string[], now: number): ServerCert => {
  const dir = dirOf(dataDir);
  const addresses = wantedAddresses(lanAddresses);
  const certPem = readIfThere(path.join(dir, files.serverCert));
  const keyPem = readIfThere(path.join(dir, files.serverKey));
  if (certPem && keyPem && isStillGood(certPem, ca, addresses, now)) return { certPem, keyPem, addresses };
  const issued = issueServerCert(ca, addresses, now);
  writePrivate(path.join(dir, files.serverKey), issued.keyPem);
  writePrivate(path.join(dir, files.serverCert), issued.certPem);
  return issued;
};

/** Copies the shop's CA into a backup folder (private files); nothing when the shop never opened to phones. */
export const copyCaTo = (dataDir: string, backupDir: string): void => {
  const from = dirOf(dataDir);
  if (!CA_FILES.every((name) => fs.existsSync(path.join(from, name)))) return;
  const to = path.join(backupDir, LAN_CERT_DIR);
  makePrivateDir(to);
  for (const name of CA_FILES) writePrivate(path.join(to, name), fs.readFileSync(path.join(from, name), 'utf8'));
};

/** Puts a backup's CA back (a shop restored on a new laptop keeps its phones); the server certificate is re-made. */
export const restoreCaFrom = (backupDir: string, dataDir: string): void => {
  const from = path.join(backupDir, LAN_CERT_DIR);
  if (!CA_FILES.every((name) => fs.existsSync(path.join(from, name)))) return;
  const to = dirOf(dataDir);
  makePrivateDir(to);
  for (const name of CA_FILES) writePrivate(path.join(to, name), fs.readFileSync(path.join(from, name), 'utf8'));
  fs.rmSync(path.join(to, files.serverCert), { force: true });
};
