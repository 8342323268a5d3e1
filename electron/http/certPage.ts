import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Language } from '../../shared/domain/settings';
import { securityHeaders } from './static';

/**
 * What plain HTTP on the home network still answers: the page that installs the shop's certificate
 * on a phone, that certificate, and a redirect to HTTPS for everything else. The page is the same at
 * /, /telefono and /app, so a phone paired before HTTPS (its bookmark or home-screen icon) lands here
 * and carries its token over to the HTTPS address (a new origin, with its own storage).
 */

const CERT_FILE = 'chasqui-tienda.crt';

const texts = {
  es: {
    title: 'Instala el certificado de tu tienda',
    why: 'Se hace una sola vez en cada celular. Así este celular sabe que está hablando con la computadora de tu tienda y con ninguna otra, y Chasqui puede funcionar sin wifi y quedarse en la pantalla de inicio.',
    safe: 'Es seguro: este certificado solo sirve para la computadora de tu tienda. No abre nada más del celular.',
    fingerprint: 'Huella del certificado (SHA-256, primeras cifras). Debe empezar igual que la que muestra Chasqui en la computadora:',
    downloadAndroid: 'Descargar para Android',
    downloadIphone: 'Descargar para iPhone',
    android: 'En Android',
    androidSteps: [
      'Toca «Descargar para Android». Se guarda en Descargas.',
      'Abre Ajustes y busca «certificado» (suele estar en Seguridad › Más ajustes de seguridad › Encriptación y credenciales).',
      'Toca «Instalar un certificado» › «Certificado de CA» › «Instalar de todas formas», confirma con tu PIN o huella y elige el archivo ' + CERT_FILE + '.',
      'Vuelve a esta página y toca «Ya lo instalé: abrir Chasqui».',
    ],
    iphone: 'En iPhone',
    iphoneSteps: [
      'Abre esta página en Safari y toca «Descargar para iPhone». Toca «Permitir».',
      'Abre Ajustes › General › VPN y gestión de dispositivos, toca «Chasqui - tu tienda» e «Instalar».',
      'Abre Ajustes › General › Información › Ajustes de confianza de certificados y activa «Chasqui - tu tienda».',
      'Vuelve a esta página y toca «Ya lo instalé: abrir Chasqui».',
    ],
    open: 'Ya lo instalé: abrir Chasqui',
    warning: 'Si el celular dice que la conexión no es privada, el certificado todavía no está instalado: repite los pasos.',
  },
  en: {
    title: "Install your shop's certificate",
    why: "It is done once on each phone. Then this phone knows it is talking to your shop's computer and no other, and Chasqui can work without wifi and stay on the home screen.",
    safe: "It is safe: this certificate only vouches for your shop's computer. It opens nothing else on the phone.",
    fingerprint: "The certificate's fingerprint (SHA-256, first digits). It must start like the one Chasqui shows on the computer:",
    downloadAndroid: 'Download for Android',
    downloadIphone: 'Download for iPhone',
    android: 'On Android',
    androidSteps: [
      'Tap "Download for Android". It is saved in Downloads.',
      'Open Settings and search for "certificate" (usually Security › More security settings › Encryption & credentials).',
      'Tap "Install a certificate" › "CA certificate" › "Install anyway", confirm with your PIN or fingerprint and pick the file ' + CERT_FILE + '.',
      'Come back to this page and tap "Done: open Chasqui".',
    ],
    iphone: 'On iPhone',
    iphoneSteps: [
      'Open this page in Safari and tap "Download for iPhone". Tap "Allow".',
      'Open Settings › General › VPN & Device Management, tap "Chasqui - tu tienda" and "Install".',
      'Open Settings › General › About › Certificate Trust Settings and turn on "Chasqui - tu tienda".',
      'Come back to this page and tap "Done: open Chasqui".',
    ],
    open: 'Done: open Chasqui',
    warning: 'If the phone says the connection is not private, the certificate is not installed yet: repeat the steps.',
  },
} as const;

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const steps = (items: readonly string[]): string => `<ol>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ol>`;

export const certPageHtml = (language: Language, fingerprint: string, httpsUrl: string): string => {
  const t = texts[language === 'en' ? 'en' : 'es'];
  return `<!doctype html>
<html lang="${language === 'en' ? 'en' : 'es'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chasqui · ${escapeHtml(t.title)}</title>
<link rel="stylesheet" href="/certificado.css">
</head>
<body>
<main>
<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.why)}</p>
<p class="muted">${escapeHtml(t.safe)}</p>
<p class="muted">${escapeHtml(t.fingerprint)}</p>
<p class="fingerprint" data-testid="cert-fingerprint">${escapeHtml(fingerprint)}</p>
<section><h2>${escapeHtml(t.android)}</h2><a class="btn" href="/certificado/android/${CERT_FILE}" download="${CERT_FILE}" data-testid="cert-download-android">${escapeHtml(t.downloadAndroid)}</a>${steps(t.androidSteps)}</section>
<section><h2>${escapeHtml(t.iphone)}</h2><a class="btn" href="/certificado/${CERT_FILE}" data-testid="cert-download-iphone">${escapeHtml(t.downloadIphone)}</a>${steps(t.iphoneSteps)}</section>
<a class="btn" id="open" href="${escapeHtml(httpsUrl)}" data-testid="cert-open">${escapeHtml(t.open)}</a>
<p class="muted">${escapeHtml(t.warning)}</p>
</main>
<script src="/certificado.js"></script>
</body>
</html>`;
};

const certCss = `
body { font-family: system-ui, sans-serif; font-size: 17px; margin: 0; background: #faf7f5; color: #2b2326; }
main { padding: 16px; max-width: 560px; margin: 0 auto; display: grid; gap: 10px; }
h1 { font-size: 1.4rem; margin: 4px 0; }
h2 { font-size: 1.1rem; margin: 8px 0 0; }
section { background: #fff; border-radius: 12px; padding: 4px 14px; box-shadow: 0 1px 4px rgb(0 0 0 / 8%); }
li { margin: 8px 0; }
.btn { font: inherit; font-weight: 700; display: flex; align-items: center; justify-content: center; min-height: 48px; border-radius: 10px; background: #b0305a; color: #fff; text-decoration: none; padding: 0 12px; }
.muted { color: #6f6368; margin: 0; }
section .btn { margin: 10px 0 0; }
.fingerprint { font-family: ui-monospace, monospace; font-size: 1.1rem; font-weight: 700; letter-spacing: 0.02em; margin: 0; word-break: break-all; }
`;

/**
 * A phone paired over plain HTTP keeps its token in that origin's storage: the button carries it to the
 * HTTPS page in the address's fragment (never sent to any server), and it is forgotten here.
 */
const certJs = `
'use strict';
var open = document.getElementById('open');
open.addEventListener('click', function () {
  var token = localStorage.getItem('chasqui-device-token');
  if (!token) return;
  var name = localStorage.getItem('chasqui-device-name') || '';
  open.href = open.href.split('#')[0] + '#traspaso=' + encodeURIComponent(token) + '&nombre=' + encodeURIComponent(name);
  localStorage.removeItem('chasqui-device-token');
  localStorage.removeItem('chasqui-token-day');
});
`;

const pagePaths = new Set(['/', '/certificado', '/telefono', '/app', '/app/']);

export const handlePlainHttp = (
  req: IncomingMessage,
  res: ServerResponse,
  shop: { caDer: Buffer; fingerprint: string; language: Language; isOurHost(host: string): boolean },
): void => {
  const host = req.headers.host ?? '';
  const headers = { ...securityHeaders, 'Cache-Control': 'no-store' };
  if (!shop.isOurHost(host)) {
    res.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Open Chasqui by its address on your network');
    return;
  }
  const url = new URL(req.url ?? '/', 'http://lan');
  const isGet = req.method === 'GET' || req.method === 'HEAD';
  if (isGet && pagePaths.has(url.pathname)) {
    res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
    res.end(certPageHtml(shop.language, shop.fingerprint, `https://${host}/telefono`));
    return;
  }
  if (isGet && url.pathname === '/certificado.css') {
    res.writeHead(200, { ...headers, 'Content-Type': 'text/css; charset=utf-8' });
    res.end(certCss);
    return;
  }
  if (isGet && url.pathname === '/certificado.js') {
    res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
    res.end(certJs);
    return;
  }
  if (isGet && (url.pathname === `/certificado/${CERT_FILE}` || url.pathname === `/certificado/android/${CERT_FILE}`)) {
    // The same DER either way. With the CA type Safari offers it as a profile to install; Chrome on Android
    // would hand it to the system, which (Android 11+) refuses CA certificates from a browser: there it is
    // a plain download, saved in Downloads for Settings › Install a certificate › CA certificate.
    const isAndroid = url.pathname.startsWith('/certificado/android/');
    res.writeHead(200, {
      ...headers,
      'Content-Type': isAndroid ? 'application/octet-stream' : 'application/x-x509-ca-cert',
      ...(isAndroid ? { 'Content-Disposition': `attachment; filename="${CERT_FILE}"` } : {}),
      'Content-Length': shop.caDer.length,
    });
    res.end(shop.caDer);
    return;
  }
  // Everything else is the shop, answered only over HTTPS (308 keeps the method for a phone's old page).
  res.writeHead(308, { ...headers, Location: `https://${host}${url.pathname}${url.search}` });
  res.end();
};
