import type { Language } from '../../shared/domain/settings';

/**
 * The small page a family member's phone opens on the home network: pair once with the 6-digit
 * code, then see today's deliveries and close them. Plain JS, served as files (the CSP allows no
 * inline script); it talks only to the delivery methods its token is allowed. The day comes from
 * the server (the shop's time zone), never from the phone's own clock.
 */
export const phoneHtmlFor = (language: Language): string => `<!doctype html>
<html lang="${language === 'en' ? 'en' : 'es'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chasqui · Repartos</title>
<link rel="stylesheet" href="/telefono.css">
</head>
<body>
<main id="app"><h1>Repartos</h1><p>…</p></main>
<script src="/telefono.js"></script>
</body>
</html>`;

export const phoneCss = `
body { font-family: system-ui, sans-serif; font-size: 17px; margin: 0; background: #faf7f5; color: #2b2326; }
main { padding: 16px; max-width: 560px; margin: 0 auto; }
h1 { font-size: 1.4rem; margin: 4px 0; }
form, .stop, .cashbox { background: #fff; border-radius: 12px; padding: 14px; margin-bottom: 12px; box-shadow: 0 1px 4px rgb(0 0 0 / 8%); display: grid; gap: 10px; }
label { display: grid; gap: 4px; font-weight: 600; }
input, button, .btn { font: inherit; padding: 12px; border-radius: 10px; border: 1px solid #d9c8cc; box-sizing: border-box; min-height: 48px; }
button, .btn { background: #b0305a; color: #fff; border: none; font-weight: 700; }
.btn { display: flex; align-items: center; justify-content: center; text-decoration: none; text-align: center; }
button.secondary, .btn.secondary { background: #fff; color: #b0305a; border: 1px solid #b0305a; }
.btn.whatsapp { background: #1f7a4d; }
.links { display: grid; grid-template-columns: repeat(auto-fit, minmax(96px, 1fr)); gap: 8px; }
.head { display: flex; align-items: center; gap: 10px; }
.badge { background: #b0305a; color: #fff; border-radius: 999px; min-width: 34px; height: 34px; display: inline-flex; align-items: center; justify-content: center; font-weight: 700; padding: 0 8px; box-sizing: border-box; }
.window { font-weight: 700; color: #7a2341; }
.muted { color: #6f6368; }
.collect { font-size: 1.15rem; font-weight: 700; }
.done { opacity: 0.75; }
.error { color: #b3261e; font-weight: 600; }
.cashbox { background: #fff4e5; }
.cashbox strong { font-size: 1.5rem; }
.undo { background: #2b2326; color: #fff; border-radius: 10px; padding: 10px 12px; display: flex; align-items: center; gap: 10px; }
.undo span { flex: 1; }
.undo button { background: #fff; color: #2b2326; min-width: 110px; }
`;

export const phoneJs = `
'use strict';
var UNDO_MS = 5000;
var texts = {
  es: {
    pairTitle: 'Conectar este celular', pairHelp: 'Escribe el código de 6 dígitos que aparece en Chasqui (Ajustes › Celular de reparto).',
    code: 'Código', codeLabel: 'Código de 6 dígitos', name: 'Nombre', nameLabel: 'Tu nombre', defaultName: 'Celular de reparto', connect: 'Conectar',
    wrongCode: 'Código incorrecto o vencido.', wait: 'Demasiados intentos. Espera {s} segundos.', waitLong: 'Demasiados intentos. Espera unos minutos.',
    revoked: 'Este celular ya no está autorizado.', offline: 'Sin conexión con Chasqui. Revisa el wifi e inténtalo otra vez.',
    title: 'Repartos de hoy', summary: '{n} entregas · por cobrar {m}', summaryOne: '1 entrega · por cobrar {m}', none: 'No hay entregas para hoy.',
    cashTitle: 'Efectivo para entregar', cashNote: 'Lo cobrado hoy en las entregas.',
    stop: 'Parada {n}', window: 'Hora: {w}', noAddress: 'Sin dirección', call: 'Llamar', whatsapp: 'WhatsApp', map: 'Ver mapa',
    toCollect: 'Cobrar {m}', paid: 'Ya pagado', cash: 'Cobrado', delivered: 'Entregado', deliveredDone: 'Entregado ✔', collected: 'Cobrado {m}',
    failed: 'No se pudo', failedDone: 'No se pudo: {r}', reason: 'Motivo', reasonHint: 'Motivo (no había nadie…)',
    sending: 'Entregado · se guarda en {s} s', undo: 'Deshacer'
  },
  en: {
    pairTitle: 'Connect this phone', pairHelp: 'Type the 6-digit code shown in Chasqui (Settings › Delivery phone).',
    code: 'Code', codeLabel: '6-digit code', name: 'Name', nameLabel: 'Your name', defaultName: 'Delivery phone', connect: 'Connect',
    wrongCode: 'Wrong or expired code.', wait: 'Too many tries. Wait {s} seconds.', waitLong: 'Too many tries. Wait a few minutes.',
    revoked: 'This phone is no longer allowed.', offline: 'Cannot reach Chasqui. Check the wifi and try again.',
    title: "Today's deliveries", summary: '{n} deliveries · to collect {m}', summaryOne: '1 delivery · to collect {m}', none: 'No deliveries today.',
    cashTitle: 'Cash to hand over', cashNote: 'Collected today at the door.',
    stop: 'Stop {n}', window: 'Time: {w}', noAddress: 'No address', call: 'Call', whatsapp: 'WhatsApp', map: 'Map',
    toCollect: 'Collect {m}', paid: 'Already paid', cash: 'Collected', delivered: 'Delivered', deliveredDone: 'Delivered ✔', collected: 'Collected {m}',
    failed: 'Could not deliver', failedDone: 'Could not deliver: {r}', reason: 'Reason', reasonHint: 'Reason (nobody home…)',
    sending: 'Delivered · saving in {s} s', undo: 'Undo'
  }
};
var lang = document.documentElement.lang === 'en' ? 'en' : 'es';
function t(key, values) {
  var text = texts[lang][key] || texts.es[key] || key;
  Object.keys(values || {}).forEach(function (k) { text = text.split('{' + k + '}').join(String(values[k])); });
  return text;
}
var app = document.getElementById('app');
// A phone paired before HTTPS arrives from the plain-HTTP page with its token in the fragment: kept, and wiped from the address.
(function takeOver() {
  var match = /^#traspaso=([^&]+)(?:&nombre=(.*))?$/.exec(window.location.hash);
  if (!match) return;
  localStorage.setItem('chasqui-device-token', decodeURIComponent(match[1]));
  if (match[2]) localStorage.setItem('chasqui-device-name', decodeURIComponent(match[2]));
  history.replaceState(null, '', window.location.pathname + window.location.search);
})();
var token = localStorage.getItem('chasqui-device-token');
var shop = { currency: 'PEN', locale: 'es-PE' };
// Marks waiting out their undo window, by order id: { timer, cash, card }.
var pending = {};

function el(tag, attrs, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) { if (k === 'text') node.textContent = attrs[k]; else node.setAttribute(k, attrs[k]); });
  (children || []).forEach(function (c) { node.appendChild(c); });
  return node;
}
function money(minor) { return new Intl.NumberFormat(shop.locale, { style: 'currency', currency: shop.currency }).format(minor / 100); }
function call(method, args, keepalive) {
  return fetch('/api/' + method, { method: 'POST', keepalive: !!keepalive, headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token }, body: JSON.stringify(args) })
    .then(function (r) { return r.json(); });
}

// What he typed survives a wrong code: only the code box is emptied.
var pairingName = localStorage.getItem('chasqui-device-name') || '';
function showPairing(message) {
  app.replaceChildren(el('h1', { text: t('pairTitle') }));
  var code = el('input', { inputmode: 'numeric', maxlength: '6', autocomplete: 'one-time-code', 'aria-label': t('codeLabel') });
  var name = el('input', { 'aria-label': t('nameLabel'), maxlength: '60', value: pairingName || t('defaultName') });
  name.addEventListener('input', function () { pairingName = name.value; });
  var form = el('form', {}, [el('p', { class: 'muted', text: t('pairHelp') }),
    el('label', { text: t('code') }, [code]), el('label', { text: t('name') }, [name]), el('button', { type: 'submit', text: t('connect') })]);
  if (message) form.appendChild(el('p', { class: 'error', role: 'alert', text: message }));
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    pairingName = name.value.trim();
    localStorage.setItem('chasqui-device-name', pairingName);
    fetch('/lan/pair', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: code.value.trim(), deviceName: pairingName || t('defaultName') }) })
      .then(function (r) { return r.json(); })
      .then(function (res) {
        if (!res.ok) {
          if (res.error.code !== 'forbidden') return showPairing(t('wrongCode'));
          var wait = res.error.details && res.error.details.retryAfterMs;
          return showPairing(wait && wait <= 60000 ? t('wait', { s: Math.ceil(wait / 1000) }) : t('waitLong'));
        }
        token = res.value.token;
        localStorage.setItem('chasqui-device-token', token);
        openByRole();
      })
      .catch(function () { showPairing(t('offline')); });
  });
  app.appendChild(form);
  (pairingName ? code : name).focus();
}

function linkButton(href, text, extra) { return el('a', { class: 'btn ' + (extra || ''), href: href, text: text, rel: 'noreferrer' }); }

function sendDelivered(orderId, keepalive) {
  var mark = pending[orderId];
  if (!mark) return Promise.resolve();
  clearInterval(mark.timer);
  delete pending[orderId];
  return call('deliveries.markDelivered', { orderId: orderId, cashCollected: mark.cash }, keepalive)
    .then(function (res) { if (!res.ok) notice(res.error.message); })
    .catch(function () { notice(t('offline')); });
}
// Leaving the page or locking the phone must not lose a mark still in its undo window.
function flushAll() { Object.keys(pending).forEach(function (id) { sendDelivered(Number(id), true); }); }
window.addEventListener('pagehide', flushAll);
document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') flushAll(); });

var lastNotice = '';
function notice(message) { lastNotice = message; }

function undoBar(stop) {
  var mark = pending[stop.orderId];
  var label = el('span', { role: 'status', text: t('sending', { s: Math.ceil(mark.left / 1000) }) });
  var undo = el('button', { type: 'button', text: t('undo') });
  undo.addEventListener('click', function () { clearInterval(mark.timer); delete pending[stop.orderId]; showDay(); });
  return el('div', { class: 'undo', 'data-testid': 'phone-undo' }, [label, undo]);
}

function startUndo(stop, cash) {
  var mark = { cash: cash, left: UNDO_MS, timer: 0 };
  pending[stop.orderId] = mark;
  mark.timer = setInterval(function () {
    mark.left -= 1000;
    if (mark.left <= 0) { sendDelivered(stop.orderId).then(showDay); return; }
    var bar = document.querySelector('[data-order="' + stop.orderId + '"] .undo span');
    if (bar) bar.textContent = t('sending', { s: Math.ceil(mark.left / 1000) });
  }, 1000);
  showDay();
}

function stopCard(stop, number) {
  var isPending = stop.outcome === 'pending' && !pending[stop.orderId];
  var card = el('section', { class: 'stop' + (isPending ? '' : ' done'), 'data-testid': 'phone-stop', 'data-order': String(stop.orderId) });
  card.appendChild(el('div', { class: 'head' }, [el('span', { class: 'badge', 'data-testid': 'phone-stop-number', 'aria-label': t('stop', { n: number }), text: String(number) }), el('strong', { text: stop.customerName || stop.orderNumber })]));
  if (stop.timeWindow) card.appendChild(el('span', { class: 'window', text: t('window', { w: stop.timeWindow }) }));
  card.appendChild(el('span', { text: [stop.address, stop.reference, stop.zone].filter(Boolean).join(' · ') || t('noAddress') }));
  var links = el('div', { class: 'links' });
  if (stop.phoneDigits) {
    links.appendChild(linkButton('tel:+' + stop.phoneDigits, t('call'), 'secondary'));
    links.appendChild(linkButton('https://wa.me/' + stop.phoneDigits, t('whatsapp'), 'whatsapp'));
  } else if (stop.phone) {
    card.appendChild(el('span', { class: 'muted', text: stop.phone }));
  }
  if (stop.mapUrl) links.appendChild(linkButton(stop.mapUrl, t('map'), 'secondary'));
  if (links.childNodes.length) card.appendChild(links);
  card.appendChild(el('span', { text: stop.items.map(function (i) { return i.quantity + '× ' + i.name; }).join(', ') }));
  if (pending[stop.orderId]) { card.appendChild(undoBar(stop)); return card; }
  if (stop.outcome === 'delivered') { card.appendChild(el('span', { class: 'collect', text: t('deliveredDone') + (stop.collected > 0 ? ' · ' + t('collected', { m: money(stop.collected) }) : '') })); return card; }
  card.appendChild(el('span', { class: 'collect', text: stop.toCollect > 0 ? t('toCollect', { m: money(stop.toCollect) }) : t('paid') }));
  if (stop.outcome === 'failed') card.appendChild(el('span', { text: t('failedDone', { r: stop.failureReason }) }));
  var cash = el('input', { inputmode: 'decimal', 'aria-label': t('cash'), value: stop.toCollect > 0 ? (stop.toCollect / 100).toFixed(2) : '0' });
  var delivered = el('button', { type: 'button', text: t('delivered') });
  delivered.addEventListener('click', function () { startUndo(stop, Math.round(parseFloat(cash.value.replace(',', '.')) * 100) || 0); });
  var reason = el('input', { 'aria-label': t('reason'), maxlength: '300', placeholder: t('reasonHint') });
  var failed = el('button', { type: 'button', class: 'secondary', text: t('failed') });
  failed.addEventListener('click', function () {
    if (!reason.value.trim()) return reason.focus();
    call('deliveries.markFailed', { orderId: stop.orderId, reason: reason.value.trim() }).then(function (res) { if (!res.ok) notice(res.error.message); showDay(); }, function () { notice(t('offline')); showDay(); });
  });
  card.appendChild(el('label', { text: t('cash') }, [cash]));
  card.appendChild(delivered);
  if (stop.outcome === 'pending') { card.appendChild(reason); card.appendChild(failed); }
  return card;
}

// A copied token stops being useful soon: the phone trades its token for a fresh one each day it is used.
function renewOncePerDay(date) {
  if (localStorage.getItem('chasqui-token-day') === date) return;
  call('lan.renewToken', {}).then(function (res) {
    if (!res.ok) return;
    token = res.value.token;
    localStorage.setItem('chasqui-device-token', token);
    localStorage.setItem('chasqui-token-day', date);
  }, function () {});
}

function showDay() {
  // No date is sent: the server answers its own today, in the shop's time zone.
  call('deliveries.listForDay', {}).then(function (res) {
    if (!res.ok) {
      if (res.error.code === 'unauthorized') { localStorage.removeItem('chasqui-device-token'); token = null; return showPairing(t('revoked')); }
      app.replaceChildren(el('p', { class: 'error', text: res.error.message })); return;
    }
    var day = res.value;
    shop = { currency: day.currency, locale: day.locale };
    lang = day.language === 'en' ? 'en' : 'es';
    document.documentElement.lang = lang;
    var when = new Intl.DateTimeFormat(day.locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(day.date + 'T12:00:00Z'));
    app.replaceChildren(el('h1', { text: t('title') }), el('p', { class: 'muted', text: when }),
      el('p', { class: 'muted', text: t(day.totals.stops === 1 ? 'summaryOne' : 'summary', { n: day.totals.stops, m: money(day.totals.toCollect) }) }));
    if (lastNotice) { app.appendChild(el('p', { class: 'error', role: 'alert', text: lastNotice })); lastNotice = ''; }
    if (day.totals.collected > 0) {
      app.appendChild(el('section', { class: 'cashbox', 'data-testid': 'phone-cash-total' }, [el('span', { text: t('cashTitle') }), el('strong', { text: money(day.totals.collected) }), el('span', { class: 'muted', text: t('cashNote') })]));
    }
    if (day.stops.length === 0) app.appendChild(el('p', { text: t('none') }));
    day.stops.forEach(function (stop, index) { app.appendChild(stopCard(stop, index + 1)); });
    renewOncePerDay(day.date);
  }, function () { app.replaceChildren(el('p', { class: 'error', role: 'alert', text: t('offline') })); });
}

// A delivery phone stays on this page; a helper who sells (or the owner's own phone) opens the whole app,
// which the core still limits to that person's role.
function openByRole() {
  call('app.info', {}).then(function (res) {
    if (res.ok && res.value.role !== 'delivery') window.location.replace('/app#/' + (res.value.role === 'stall' ? 'feria' : 'chats'));
    else showDay();
  }, function () { showDay(); });
}

if (token) openByRole(); else showPairing();
`;
