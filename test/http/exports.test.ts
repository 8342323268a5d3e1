import crypto from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { startServer, type RunningServer } from '../../electron/http/server';
import type { ApiClient } from '../../shared/api/client';
import type { PrintResult } from '../../shared/api/methods/print';
import { addCustomer, openShop } from '../core/broadcast/shop';
import { makeTempDir } from '../helpers/tmp';

const get = (port: number, path: string, token: string) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });

describe('every export the app writes downloads over HTTP', () => {
  const token = crypto.randomBytes(18).toString('base64url');
  const tmp = makeTempDir();
  const now = Date.UTC(2026, 10, 21, 15);
  let core: Core;
  let api: ApiClient;
  let server: RunningServer;
  let promotionId = 0;
  let customerId = 0;

  beforeAll(async () => {
    ({ core, api, promotionId } = await openShop(tmp.dir, () => now));
    customerId = await addCustomer(api, 1, now - 60_000);
    core.db.prepare('UPDATE customers SET name = ? WHERE id = ?').run(`<script>alert(1)</script> ${'Lucía '.repeat(60)}`, customerId);
    server = await startServer({ core, token, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    core.close();
    tmp.cleanup();
  });

  const expectDownload = async (file: PrintResult, type: string) => {
    const res = await get(server.port, file.url, token);
    expect(res.status, file.fileName).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${file.fileName}"`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body.length).toBe(file.bytes);
  };

  it('a customer\'s data (.json and .txt), even with a long name', async () => {
    const { json, text } = await api.call('customers.exportData', { id: customerId });
    await expectDownload(json, 'application/json; charset=utf-8');
    await expectDownload(text, 'text/plain; charset=utf-8');
  });

  it('the error log (.txt)', async () => {
    await expectDownload(await api.call('app.exportLog', {}), 'text/plain; charset=utf-8');
  });

  it('the broadcast report (.csv) and the shop (.zip)', async () => {
    const created = await api.call('broadcasts.create', { promotionId, targets: ['whatsapp_direct'] });
    await expectDownload(await api.call('broadcasts.exportReport', { id: created.id }), 'text/csv; charset=utf-8');
    await expectDownload(await api.call('shop.export', {}), 'application/zip');
  });

  it('printed sheets (.pdf) and post images (.jpg)', async () => {
    // The stall sheet's QR opens her WhatsApp: without a number it is refused, so set one.
    await api.call('settings.update', { whatsappNumber: '987 654 321' });
    await expectDownload(await api.call('print.promoSheet', { promotionId, paper: 'A4' }), 'application/pdf');
    await expectDownload(await api.call('print.promoImage', { promotionId, format: 'square' }), 'image/jpeg');
  }, 30_000);

  it('nothing outside the exports folder, nor names it never writes', async () => {
    for (const path of ['/exports/..%2Fchasqui.db', '/exports/chasqui.db', '/exports/.hidden.txt']) {
      expect((await get(server.port, path, token)).status, path).toBe(404);
    }
    // A broken %-escape is a bad request, answered before any file is looked for.
    expect((await get(server.port, '/exports/%E0%A4%A', token)).status).toBe(400);
  });
});
