import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';
import { launchTrustingBrowser } from './trustingBrowser';

const shots = path.resolve(__dirname, '../../test-results/screenshots');
const assetsDir = path.resolve(__dirname, '../../out/renderer/assets');
// Only inside this test: a do-nothing worker, to prove the HTTPS address is a secure context a worker registers on.
const testWorker = `sw-proof-${process.pid}.js`;

let app: ServedApp;
let trusting: Browser;
let lanOrigin = '';

test.beforeAll(async () => {
  app = await serveApp(['--demo', '--lan', '--lan-host', '127.0.0.1', '--lan-port', '0']);
  await expect.poll(() => app.lanUrl()).not.toBeNull();
  lanOrigin = new URL(app.lanUrl() ?? '').origin;
  // As a phone that installed the shop's certificate: Chromium trusts exactly this key (only in tests).
  trusting = await launchTrustingBrowser(lanOrigin);
  fs.writeFileSync(path.join(assetsDir, testWorker), "self.addEventListener('install', () => self.skipWaiting());\n");
});
test.afterAll(async () => {
  fs.rmSync(path.join(assetsDir, testWorker), { force: true });
  await trusting?.close();
  await app.stop();
});

const pairOverHttps = (code: string, ca: Buffer): Promise<string> =>
  new Promise((resolve, reject) => {
    const url = new URL('/lan/pair', lanOrigin);
    const req = https.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', ca: new crypto.X509Certificate(ca).toString(), headers: { Host: url.host, 'Content-Type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve((JSON.parse(text) as { value: { token: string } }).value.token));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ code, deviceName: 'Celular de Diego' }));
  });

test("a phone installs the shop's certificate, keeps its old pairing, and registers a service worker over HTTPS", async ({ page, browser }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Ajustes' }).click();
  await page.getByRole('button', { name: 'Nuevo código para conectar un celular' }).click();
  const code = (await page.getByTestId('pairing-code').textContent()) ?? '';
  const fingerprint = (await page.getByTestId('pairing-fingerprint').textContent()) ?? '';
  expect(fingerprint).toMatch(/^([0-9A-F]{2}:){7}[0-9A-F]{2}$/);
  await expect(page.getByRole('img', { name: /^https:\/\/127\.0\.0\.1:\d+\/telefono$/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^http:\/\/127\.0\.0\.1:\d+\/certificado$/ })).toBeVisible();
  await page.getByText('Cómo instalarlo, paso a paso').click();
  await page.getByText('Primera vez en este celular', { exact: false }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'lan-https-pairing-1366.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByText('Primera vez en este celular', { exact: false }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'lan-https-pairing-390.png') });
  await page.getByTestId('pairing-code').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'lan-https-pairing-code-390.png') });

  // The certificate the phone downloads over plain HTTP is the one whose fingerprint the laptop shows.
  const phone = await trusting.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'es-PE' });
  const installUrl = `http://${new URL(lanOrigin).host}/certificado`;
  const caResponse = await phone.request.get(`${installUrl}/chasqui-tienda.crt`);
  expect(caResponse.headers()['content-type']).toBe('application/x-x509-ca-cert');
  const caDer = await caResponse.body();
  expect(new crypto.X509Certificate(caDer).fingerprint256.startsWith(fingerprint)).toBe(true);

  // A phone paired before HTTPS: its token sits in the plain-HTTP origin's storage.
  const token = await pairOverHttps(code, caDer);
  await phone.goto(installUrl);
  await phone.evaluate((t) => localStorage.setItem('chasqui-device-token', t), token);
  await phone.goto(`http://${new URL(lanOrigin).host}/telefono`);
  await expect(phone.getByRole('heading', { name: 'Instala el certificado de tu tienda' })).toBeVisible();
  await expect(phone.getByTestId('cert-fingerprint')).toHaveText(fingerprint);
  await phone.screenshot({ path: path.join(shots, 'lan-https-install-390.png'), fullPage: true });
  await phone.getByRole('link', { name: 'Ya lo instalé: abrir Chasqui' }).click();
  // Over HTTPS, with the same token: no new pairing, and the token is gone from the address.
  await expect(phone.getByRole('heading', { name: 'Repartos de hoy' })).toBeVisible();
  expect(phone.url()).toBe(`${lanOrigin}/telefono`);

  const proof = await phone.evaluate(async (script) => {
    const registration = await navigator.serviceWorker.register(`/assets/${script}`, { scope: '/assets/' });
    const worker = registration.installing ?? registration.waiting ?? registration.active;
    return { isSecure: window.isSecureContext, state: worker?.state ?? 'none', scope: registration.scope };
  }, testWorker);
  expect(proof.isSecure).toBe(true);
  expect(proof.scope).toBe(`${lanOrigin}/assets/`);
  expect(proof.state).not.toBe('none');

  // The control: a browser that does not trust the shop's certificate (errors only ignored for the page) is refused a worker.
  const untrusting = await browser.newPage({ ignoreHTTPSErrors: true });
  await untrusting.goto(`${lanOrigin}/telefono`);
  const refused = await untrusting.evaluate((script) => navigator.serviceWorker.register(`/assets/${script}`, { scope: '/assets/' }).then(() => 'registered', (e: unknown) => String(e)), testWorker);
  expect(refused).toMatch(/SSL|certificate|SecurityError/i);
});
