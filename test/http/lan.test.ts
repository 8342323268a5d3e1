import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { coreClient } from '../../electron/core/client';
import { startLanServer, type LanServer } from '../../electron/http/lan';
import type { ApiClient } from '../../shared/api/client';
import { makeTempDir } from '../helpers/tmp';

const request = (port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) =>
  new Promise<{ status: number; body: { ok: boolean; value?: { token?: string }; error?: { code: string } } | string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: options.method ?? 'POST', headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', ...options.headers } }, (res) => {
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
    lan = await startLanServer(core, { host: '127.0.0.1', port: 0 });
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

  it('refuses a foreign Host name and a cross-site Origin', async () => {
    expect((await request(port, '/telefono', { method: 'GET', headers: { Host: `evil.example:${port}` } })).status).toBe(403);
    expect((await request(port, '/lan/pair', { headers: { Origin: 'https://evil.example' }, body: { code: '000000', deviceName: 'x' } })).status).toBe(403);
  });

  it('locks pairing after five wrong codes, burning the code, and expires codes', async () => {
    const { code } = await api.call('lan.pairingCode', {});
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1) expect((await pair(wrong)).status).toBe(401);
    expect((await pair(code)).status).toBe(403);
    now += 11 * 60_000;
    expect((await pair(code)).status).toBe(401);
    const fresh = await api.call('lan.pairingCode', {});
    now += 11 * 60_000;
    expect((await pair(fresh.code)).status).toBe(401);
  });
});
