/**
 * The small page a family member's phone opens on the home network: pair once with the 6-digit
 * code, then see the day's deliveries and close them. Plain JS, served as files (the CSP allows no
 * inline script); it talks only to the delivery methods its token is allowed.
 */
export const phoneHtml = `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chasqui · Repartos</title>
<link rel="stylesheet" href="/telefono.css">
</head>
<body>
<main id="app"><h1>Repartos</h1><p>Cargando…</p></main>
<script src="/telefono.js"></script>
</body>
</html>`;

export const phoneCss = `
body { font-family: system-ui, sans-serif; margin: 0; background: #faf7f5; color: #2b2326; }
main { padding: 16px; max-width: 560px; margin: 0 auto; }
h1 { font-size: 1.4rem; }
form, .stop { background: #fff; border-radius: 12px; padding: 14px; margin-bottom: 12px; box-shadow: 0 1px 4px rgb(0 0 0 / 8%); display: grid; gap: 8px; }
label { display: grid; gap: 4px; font-weight: 600; }
input, button { font: inherit; padding: 12px; border-radius: 10px; border: 1px solid #d9c8cc; }
button { background: #b0305a; color: #fff; border: none; font-weight: 700; }
button.secondary { background: #fff; color: #b0305a; border: 1px solid #b0305a; }
.muted { color: #6f6368; }
.collect { font-size: 1.15rem; font-weight: 700; }
.done { opacity: 0.6; }
.error { color: #b3261e; }
`;

export const phoneJs = `
'use strict';
var app = document.getElementById('app');
var token = localStorage.getItem('chasqui-device-token');

function el(tag, attrs, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) { if (k === 'text') node.textContent = attrs[k]; else node.setAttribute(k, attrs[k]); });
  (children || []).forEach(function (c) { node.appendChild(c); });
  return node;
}
function today() { var d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'); }
var shop = { currency: 'PEN', locale: 'es-PE' };
function money(minor) { return new Intl.NumberFormat(shop.locale, { style: 'currency', currency: shop.currency }).format(minor / 100); }
function call(method, args) {
  return fetch('/api/' + method, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token }, body: JSON.stringify(args) })
    .then(function (r) { return r.json(); });
}

function showPairing(message) {
  app.replaceChildren(el('h1', { text: 'Conectar este celular' }));
  var code = el('input', { inputmode: 'numeric', maxlength: '6', autocomplete: 'one-time-code', 'aria-label': 'Código de 6 dígitos' });
  var name = el('input', { 'aria-label': 'Tu nombre', value: 'Celular de reparto' });
  var form = el('form', {}, [el('p', { class: 'muted', text: 'Escribe el código de 6 dígitos que aparece en Chasqui (Ajustes › Celular de reparto).' }),
    el('label', { text: 'Código' }, [code]), el('label', { text: 'Nombre' }, [name]), el('button', { type: 'submit', text: 'Conectar' })]);
  if (message) form.appendChild(el('p', { class: 'error', role: 'alert', text: message }));
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    fetch('/lan/pair', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: code.value.trim(), deviceName: name.value.trim() || 'Celular' }) })
      .then(function (r) { return r.json(); })
      .then(function (res) {
        if (!res.ok) return showPairing(res.error.code === 'forbidden' ? 'Demasiados intentos. Espera unos minutos.' : 'Código incorrecto o vencido.');
        token = res.value.token;
        localStorage.setItem('chasqui-device-token', token);
        showDay();
      });
  });
  app.appendChild(form);
}

function stopCard(stop) {
  var card = el('section', { class: 'stop' + (stop.outcome !== 'pending' ? ' done' : ''), 'data-testid': 'phone-stop' });
  card.appendChild(el('strong', { text: stop.customerName || stop.orderNumber }));
  card.appendChild(el('span', { text: stop.method === 'pickup' ? 'Recoge en el puesto' : [stop.address, stop.reference, stop.zone].filter(Boolean).join(' · ') || 'Sin dirección' }));
  if (stop.phone) card.appendChild(el('a', { href: 'tel:' + stop.phone, text: 'Llamar ' + stop.phone }));
  if (stop.mapUrl) card.appendChild(el('a', { href: stop.mapUrl, text: 'Ver mapa' }));
  card.appendChild(el('span', { text: stop.items.map(function (i) { return i.quantity + '× ' + i.name; }).join(', ') }));
  card.appendChild(el('span', { class: 'collect', text: stop.toCollect > 0 ? 'Cobrar ' + money(stop.toCollect) : 'Ya pagado' }));
  if (stop.outcome !== 'pending') { card.appendChild(el('span', { text: stop.outcome === 'delivered' ? 'Entregado ✔' : 'No se pudo: ' + stop.failureReason })); return card; }
  var cash = el('input', { inputmode: 'decimal', 'aria-label': 'Cobrado', value: stop.toCollect > 0 ? (stop.toCollect / 100).toFixed(2) : '0' });
  var delivered = el('button', { type: 'button', text: 'Entregado' });
  delivered.addEventListener('click', function () {
    var minor = Math.round(parseFloat(cash.value.replace(',', '.')) * 100) || 0;
    call('deliveries.markDelivered', { orderId: stop.orderId, cashCollected: minor }).then(showDay);
  });
  var reason = el('input', { 'aria-label': 'Motivo', placeholder: 'Motivo (no había nadie…)' });
  var failed = el('button', { type: 'button', class: 'secondary', text: 'No se pudo' });
  failed.addEventListener('click', function () { if (reason.value.trim()) call('deliveries.markFailed', { orderId: stop.orderId, reason: reason.value.trim() }).then(showDay); else reason.focus(); });
  card.appendChild(el('label', { text: 'Cobrado' }, [cash]));
  card.appendChild(delivered);
  card.appendChild(reason);
  card.appendChild(failed);
  return card;
}

function showDay() {
  call('deliveries.listForDay', { date: today() }).then(function (res) {
    if (!res.ok) { if (res.error.code === 'unauthorized') { localStorage.removeItem('chasqui-device-token'); token = null; return showPairing('Este celular ya no está autorizado.'); } app.replaceChildren(el('p', { class: 'error', text: res.error.message })); return; }
    var day = res.value;
    shop = { currency: day.currency, locale: day.locale };
    app.replaceChildren(el('h1', { text: 'Repartos de hoy' }), el('p', { class: 'muted', text: day.totals.stops + ' entregas · por cobrar ' + money(day.totals.toCollect) }));
    if (day.stops.length === 0) app.appendChild(el('p', { text: 'No hay entregas para hoy.' }));
    day.stops.forEach(function (stop) { app.appendChild(stopCard(stop)); });
  });
}

if (token) showDay(); else showPairing();
`;
