import https from 'node:https';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { coreClient } from '../../electron/core/client';
import { startLanServer, type LanServer } from '../../electron/http/lan';
import type { ApiClient } from '../../shared/api/client';
import { makeTempDir } from '../helpers/tmp';
import { lipstick } from '../contract/catalog.suite';

/** The shop's own CA: the only one these requests trust, as a phone that installed it. */
const shopCa = { pem: '' };

const request = (port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: unknown; from?: string } = {}) =>
  new Promise<{ status: number; body: { ok: boolean; value?: { token?: string }; error?: { code: string } } | string }>((resolve, reject) => {
    const req = https.request({ ca: shopCa.pem, checkServerIdentity: (_host, cert) => tls.checkServerIdentity('127.0.0.1', cert), host: '127.0.0.1', port, path, localAddress: options.from, method: options.method ?? 'POST', headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', ...options.headers } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
        } catch {
          resolve({ status: res.statusCode ?? 0, body: text });
        }
      });
    });
    req.on('error', reject);
    req.end(options.body === undefined ? undefined : JSON.stringify(options.body));
  });

describe('phones on the home network', () => {
  const tmp = makeTempDir();
  let now = Date.UTC(2026, 2, 7, 15);
  let core: Core;
  let api: ApiClient;
  let lan: LanServer;
  let port = 0;
  beforeAll(async () => {
    core = createCore({ dataDir: tmp.dir, clock: () => now });
    api = coreClient(core);
    // The TLS client checks the certificate against the real time, not the shop's fixed day.
    lan = await startLanServer(core, { host: '127.0.0.1', port: 0, tlsClock: () => Date.now() });
    shopCa.pem = lan.caPem;
    port = Number(new URL(lan.url).port);
  });
  afterAll(async () => {
    await lan.close();
    core.close();
    tmp.cleanup();
  });

  const pair = (code: string) => request(port, '/lan/pair', { body: { code, deviceName: 'Celular de Diego' } });

  it('serves the phone page and pairs once with a fresh code', async () => {
    const page = await request(port, '/telefono', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('<script src="/telefono.js"></script>');
    const { code } = await api.call('lan.pairingCode', {});
    const first = await pair(code);
    expect(first.status).toBe(200);
    const again = await pair(code);
    expect(again.status).toBe(401);
    expect((await api.call('lan.devices', {})).items.map((d) => d.name)).toEqual(['Celular de Diego']);
  });

  it("lets a paired phone see and close the day's deliveries, and nothing else", async () => {
    const { code } = await api.call('lan.pairingCode', {});
    const token = (await pair(code)).body;
    const auth = { Authorization: `Bearer ${typeof token === 'object' ? token.value?.token : ''}` };
    expect((await request(port, '/api/deliveries.listForDay', { headers: auth, body: { date: '2026-03-07' } })).status).toBe(200);
    for (const method of ['catalog.listProducts', 'customers.list', 'settings.get', 'settings.update', 'orders.list', 'lan.pairingCode', 'backup.create']) {
      const res = await request(port, `/api/${method}`, { headers: auth, body: {} });
      expect(res.status, method).toBe(404);
    }
    expect((await request(port, '/api/deliveries.listForDay', { body: { date: '2026-03-07' } })).status).toBe(401);
    expect((await request(port, '/api/deliveries.listForDay', { headers: { Authorization: 'Bearer nope' }, body: { date: '2026-03-07' } })).status).toBe(401);
    const devices = (await api.call('lan.devices', {})).items;
    await api.call('lan.revoke', { id: devices[0]?.id ?? 0 });
    expect((await request(port, '/api/deliveries.listForDay', { headers: auth, body: { date: '2026-03-07' } })).status).toBe(401);
  });

  it("speaks the shop's language on the phone page", async () => {
    expect(String((await request(port, '/telefono', { method: 'GET' })).body)).toContain('<html lang="es">');
    await api.call('settings.update', { language: 'en' });
    expect(String((await request(port, '/telefono', { method: 'GET' })).body)).toContain('<html lang="en">');
    await api.call('settings.update', { language: 'es' });
  });

  it('refuses a foreign Host name and a cross-site Origin', async () => {
    expect((await request(port, '/telefono', { method: 'GET', headers: { Host: `evil.example:${port}` } })).status).toBe(403);
    expect((await request(port, '/lan/pair', { headers: { Origin: 'https://evil.example' }, body: { code: '000000', deviceName: 'x' } })).status).toBe(403);
    // The old plain-HTTP origin is another site now: it may link to the phone page, but calls nothing.
    const crossSite = { 'Sec-Fetch-Site': 'cross-site' };
    expect((await request(port, '/telefono', { method: 'GET', headers: { ...crossSite, 'Sec-Fetch-Mode': 'navigate' } })).status).toBe(200);
    expect((await request(port, '/telefono.js', { method: 'GET', headers: { ...crossSite, 'Sec-Fetch-Mode': 'navigate' } })).status).toBe(403);
    expect((await request(port, '/api/events', { method: 'GET', headers: { ...crossSite, 'Sec-Fetch-Mode': 'navigate' } })).status).toBe(403);
    expect((await request(port, '/lan/pair', { headers: { ...crossSite, Origin: `http://127.0.0.1:${port}` }, body: { code: '000000', deviceName: 'x' } })).status).toBe(403);
  });

  it('locks pairing for the address of five wrong codes only, and expires codes', async () => {
    const { code } = await api.call('lan.pairingCode', {});
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1) {
      expect((await pair(wrong)).status).toBe(401);
      now += 10_000;
    }
    expect((await pair(code)).status).toBe(403);
    // Another device on the wifi (another source address) still pairs with the seller's code.
    const other = await request(port, '/lan/pair', { from: '127.0.0.2', body: { code, deviceName: 'Celular de Diego' } });
    expect(other.status).toBe(200);
    now += 11 * 60_000;
    expect((await pair(code)).status).toBe(401);
    const fresh = await api.call('lan.pairingCode', {});
    now += 11 * 60_000;
    expect((await pair(fresh.code)).status).toBe(401);
  });
});

describe("a paired phone's token over the network", () => {
  const tmp = makeTempDir();
  let now = Date.UTC(2026, 2, 7, 15);
  let core: Core;
  let api: ApiClient;
  let lan: LanServer;
  let port = 0;
  let auth: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const ledger = () => JSON.stringify(['orders', 'payments', 'deliveries', 'order_events'].map((table) => core.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()));
  beforeAll(async () => {
    core = createCore({ dataDir: tmp.dir, clock: () => now, isOutboxTimerEnabled: false });
    api = coreClient(core);
    // The TLS client checks the certificate against the real time, not the shop's fixed day.
    lan = await startLanServer(core, { host: '127.0.0.1', port: 0, tlsClock: () => Date.now() });
    shopCa.pem = lan.caPem;
    port = Number(new URL(lan.url).port);
    const product = await api.call('catalog.createProduct', lipstick());
    for (const [name, date] of [['today', '2026-03-07'], ['tomorrow', '2026-03-08']] as const) {
      const order = await api.call('orders.create', { channel: 'whatsapp', customer: { name: `Clienta ${name}`, phone: '' }, items: [{ variantId: product.variants[0]?.id ?? 0, quantity: 1 }], deliveryDate: date });
      await api.call('orders.setStatus', { id: order.id, status: 'confirmed' });
      ids[name] = order.id;
    }
    const notDelivery = await api.call('orders.create', { channel: 'whatsapp', customer: { name: 'Clienta sin reparto', phone: '' }, items: [{ variantId: product.variants[0]?.id ?? 0, quantity: 1 }] });
    ids.notDelivery = notDelivery.id;
    const { code } = await api.call('lan.pairingCode', {});
    const paired = await request(port, '/lan/pair', { body: { code, deviceName: 'Celular de Diego' } });
    auth = { Authorization: `Bearer ${typeof paired.body === 'object' ? paired.body.value?.token : ''}` };
  });
  afterAll(async () => {
    await lan.close();
    core.close();
    tmp.cleanup();
  });
  const call = (method: string, body: unknown) => request(port, `/api/${method}`, { headers: auth, body });

  it("answers today's stops without being told the day, and refuses any other day", async () => {
    const today = await call('deliveries.listForDay', {});
    expect(today.status).toBe(200);
    expect(JSON.stringify(today.body)).toContain('Clienta today');
    expect(JSON.stringify(today.body)).not.toContain('Clienta tomorrow');
    const other = await call('deliveries.listForDay', { date: '2026-03-08' });
    expect(other).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
    expect(JSON.stringify(other.body)).not.toContain('Clienta tomorrow');
  });

  it('cannot close or move an order outside today, nor read one by counting ids; nothing changes', async () => {
    const before = ledger();
    expect(await call('deliveries.markDelivered', { orderId: ids.tomorrow, cashCollected: 0 })).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    for (let orderId = 1; orderId <= 5; orderId += 1) {
      if (orderId === ids.today) continue;
      const res = await call('deliveries.markFailed', { orderId, reason: 'x', rescheduleTo: '2026-03-09' });
      expect(res, `order ${orderId}`).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
      expect(JSON.stringify(res.body)).not.toContain('Clienta');
    }
    expect(await call('deliveries.markFailed', { orderId: ids.today, reason: 'x', rescheduleTo: '2026-03-09' })).toMatchObject({ status: 403 });
    expect(ledger()).toBe(before);
    expect((await api.call('orders.get', { id: ids.notDelivery ?? 0 })).deliveryDate).toBeNull();
  });

  it('trades its token for a fresh one; the old one dies once the fresh one is used', async () => {
    const renewed = await call('lan.renewToken', {});
    expect(renewed.status).toBe(200);
    const fresh = { Authorization: `Bearer ${typeof renewed.body === 'object' ? renewed.body.value?.token : ''}` };
    expect((await call('deliveries.listForDay', {})).status).toBe(200);
    expect((await request(port, '/api/deliveries.listForDay', { headers: fresh, body: {} })).status).toBe(200);
    expect((await call('deliveries.listForDay', {})).status).toBe(401);
    auth = fresh;
  });

  it('records its last use and stops working after 30 days without use', async () => {
    now += 5 * 60_000;
    expect((await call('deliveries.listForDay', {})).status).toBe(200);
    expect((await api.call('lan.devices', {})).items[0]?.lastSeenAt).toBe(now);
    now += 30 * 24 * 60 * 60_000;
    expect((await call('deliveries.listForDay', {})).status).toBe(401);
    expect((await api.call('lan.devices', {})).items[0]).toMatchObject({ isExpired: true });
  });
});
