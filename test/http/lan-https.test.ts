import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { coreClient } from '../../electron/core/client';
import { LAN_CERT_DIR } from '../../electron/core/lan/certs';
import { startLanServer, type LanServer } from '../../electron/http/lan';
import { makeTempDir } from '../helpers/tmp';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  peer: crypto.X509Certificate | null;
}

const collect = (res: http.IncomingMessage, resolve: (reply: Reply) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => {
    const socket = res.socket;
    const peer = 'getPeerX509Certificate' in socket && typeof socket.getPeerX509Certificate === 'function' ? (socket.getPeerX509Certificate() ?? null) : null;
    resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), peer });
  });
};

/** As a phone: over TLS, trusting only what `ca` says (nothing but the system's list when it is undefined). */
const secureGet = (port: number, urlPath: string, ca: string | undefined): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const req = https.request({ host: '127.0.0.1', port, path: urlPath, ca, agent: false, headers: { Host: `127.0.0.1:${port}` } }, (res) => collect(res, resolve));
    req.on('error', reject);
    req.end();
  });

const plainRequest = (port: number, urlPath: string, method = 'GET', host = `127.0.0.1:${port}`): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method, agent: false, headers: { Host: host } }, (res) => collect(res, resolve));
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });

const DAY = 24 * 60 * 60_000;
const daysValid = (cert: crypto.X509Certificate): number => (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / DAY;

describe('the home-network door over HTTPS, with the shop’s own certificate', () => {
  const tmp = makeTempDir();
  // Read once: the phone's TLS check uses the real time, so the shop's clock stands at it (fixed for the run).
  const now = Date.now();
  // The laptop's network addresses, faked at the edge: documentation ranges, only ever written into a certificate.
  let addresses = ['192.0.2.10'];
  let core: Core;
  let lan: LanServer;
  let port = 0;
  beforeAll(async () => {
    core = createCore({ dataDir: tmp.dir, clock: () => now });
    lan = await startLanServer(core, { host: '127.0.0.1', port: 0, addresses: () => addresses });
    port = Number(new URL(lan.url).port);
  });
  afterAll(async () => {
    await lan.close();
    core.close();
    tmp.cleanup();
  });

  it('answers a phone that trusts the shop’s CA, and fails the TLS check of one that does not', async () => {
    const reply = await secureGet(port, '/telefono', lan.caPem);
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toContain('<script src="/telefono.js"></script>');
    const error = await secureGet(port, '/telefono', undefined).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error instanceof Error && 'code' in error ? error.code : '').toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT/);
    expect(lan.url).toBe(`https://127.0.0.1:${port}/telefono`);
  });

  it('serves a certificate phones accept: the addresses as IP SANs plus localhost, for servers only, signed by a CA that may sign', async () => {
    const server = (await secureGet(port, '/telefono', lan.caPem)).peer;
    const ca = new crypto.X509Certificate(lan.caPem);
    expect(server).not.toBeNull();
    if (!server) return;
    expect(server.subjectAltName?.split(', ').sort()).toEqual(['DNS:localhost', 'IP Address:127.0.0.1', 'IP Address:192.0.2.10']);
    expect(server.ca).toBe(false);
    expect(server.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(daysValid(server)).toBeLessThanOrEqual(397);
    expect(Date.parse(server.validFrom)).toBeLessThanOrEqual(now);
    expect(ca.ca).toBe(true);
    expect(ca.checkIssued(ca)).toBe(true);
    expect(daysValid(ca)).toBeGreaterThan(5 * 365);
    // Key usages and basic constraints as Android and iOS check them: critical, and the CA signs certificates only.
    const extension = (pem: string, name: string) => forge.pki.certificateFromPem(pem).getExtension(name);
    expect(extension(lan.caPem, 'basicConstraints')).toMatchObject({ critical: true, cA: true });
    expect(extension(lan.caPem, 'keyUsage')).toMatchObject({ critical: true, keyCertSign: true, cRLSign: true, digitalSignature: false });
    expect(extension(server.toString(), 'basicConstraints')).toMatchObject({ critical: true, cA: false });
    expect(extension(server.toString(), 'keyUsage')).toMatchObject({ critical: true, digitalSignature: true, keyEncipherment: true, keyCertSign: false });
    expect(extension(server.toString(), 'extKeyUsage')).toMatchObject({ serverAuth: true });
    const status = await coreClient(core).call('lan.status', {});
    expect(status.certificate?.installUrl).toBe(`http://127.0.0.1:${port}/certificado`);
    expect(status.certificate?.fingerprint).toBe(ca.fingerprint256.split(':').slice(0, 8).join(':'));
  });

  it('re-issues the certificate when the laptop’s address changes, and keeps the same CA', async () => {
    const before = (await secureGet(port, '/telefono', lan.caPem)).peer;
    lan.recheck();
    expect((await secureGet(port, '/telefono', lan.caPem)).peer?.serialNumber).toBe(before?.serialNumber);
    addresses = ['198.51.100.23'];
    lan.recheck();
    const after = (await secureGet(port, '/telefono', lan.caPem)).peer;
    expect(after?.serialNumber).not.toBe(before?.serialNumber);
    expect(after?.subjectAltName?.split(', ').sort()).toEqual(['DNS:localhost', 'IP Address:127.0.0.1', 'IP Address:198.51.100.23']);
    expect(after?.checkIssued(new crypto.X509Certificate(lan.caPem))).toBe(true);
  });

  it('shows the new address in Ajustes when listening on every interface', async () => {
    await lan.close();
    addresses = ['192.0.2.10'];
    lan = await startLanServer(core, { host: '0.0.0.0', port: 0, addresses: () => addresses });
    port = Number(new URL(lan.url).port);
    const api = coreClient(core);
    expect((await api.call('lan.status', {})).url).toBe(`https://192.0.2.10:${port}/telefono`);
    addresses = ['198.51.100.23'];
    lan.recheck();
    expect(await api.call('lan.status', {})).toMatchObject({ url: `https://198.51.100.23:${port}/telefono`, certificate: { installUrl: `http://198.51.100.23:${port}/certificado` } });
    // Reached here only through the loopback address, which every certificate also names.
    expect((await secureGet(port, '/telefono', lan.caPem)).status).toBe(200);
    await lan.close();
    lan = await startLanServer(core, { host: '127.0.0.1', port: 0, addresses: () => addresses });
    port = Number(new URL(lan.url).port);
  });

  it('over plain HTTP serves only the install page and the CA, and sends everything else to HTTPS', async () => {
    const page = await plainRequest(port, '/certificado');
    expect(page.status).toBe(200);
    const html = page.body.toString();
    const fingerprint = new crypto.X509Certificate(lan.caPem).fingerprint256.split(':').slice(0, 8).join(':');
    expect(html).toContain(fingerprint);
    expect(html).toContain(`href="https://127.0.0.1:${port}/telefono"`);
    expect(html).not.toContain('telefono.js');
    // An old bookmark of a phone paired over HTTP lands on the same page (which hands its token over), never on the shop.
    expect((await plainRequest(port, '/telefono')).body.toString()).toContain('/certificado.js');
    const file = await plainRequest(port, '/certificado/chasqui-tienda.crt');
    expect(file.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(new crypto.X509Certificate(file.body).fingerprint256).toBe(new crypto.X509Certificate(lan.caPem).fingerprint256);
    expect(file.body.subarray(0, 1)[0]).toBe(0x30);
    // Android gets the same bytes as a plain download (its browser may not install a CA itself).
    const forAndroid = await plainRequest(port, '/certificado/android/chasqui-tienda.crt');
    expect(forAndroid.headers['content-type']).toBe('application/octet-stream');
    expect(forAndroid.headers['content-disposition']).toBe('attachment; filename="chasqui-tienda.crt"');
    expect(forAndroid.body.equals(file.body)).toBe(true);
    for (const [urlPath, method] of [['/api/deliveries.listForDay', 'POST'], ['/lan/pair', 'POST'], ['/assets/index.js', 'GET'], ['/api/events', 'GET'], ['/manifest.webmanifest', 'GET']] as const) {
      const reply = await plainRequest(port, urlPath, method);
      expect(reply.status, urlPath).toBe(308);
      expect(reply.headers.location, urlPath).toBe(`https://127.0.0.1:${port}${urlPath}`);
      expect(reply.body.length, urlPath).toBe(0);
    }
    expect((await plainRequest(port, '/certificado', 'GET', `evil.example:${port}`)).status).toBe(403);
  });

  it.skipIf(process.platform === 'win32')('keeps the CA key private (0600 in a 0700 folder) and the same CA across restarts', async () => {
    const dir = path.join(tmp.dir, LAN_CERT_DIR);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    for (const name of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, name)).mode & 0o777, name).toBe(0o600);
    expect(fs.readFileSync(path.join(dir, 'ca-key.pem'), 'utf8')).toContain('PRIVATE KEY');
    const caPem = lan.caPem;
    await lan.close();
    lan = await startLanServer(core, { host: '127.0.0.1', port: 0, addresses: () => addresses });
    port = Number(new URL(lan.url).port);
    expect(lan.caPem).toBe(caPem);
    expect((await secureGet(port, '/telefono', caPem)).status).toBe(200);
  });
});
