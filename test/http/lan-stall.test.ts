import http from 'node:http';
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { coreClient } from '../../electron/core/client';
import { startLanServer, type LanServer } from '../../electron/http/lan';
import type { ApiClient } from '../../shared/api/client';
import type { TeamRole } from '../../shared/api/methods/team';
import { makePhotoBase64 } from '../helpers/photos';
import { makeTempDir } from '../helpers/tmp';

/** A request to the home-network door, over HTTPS when it speaks it (the shop's own certificate is not checked here). */
const request = (base: URL, path: string, options: { method?: string; token?: string; body?: unknown } = {}) =>
  new Promise<{ status: number; type: string; bytes: Buffer }>((resolve, reject) => {
    const client = base.protocol === 'https:' ? https : http;
    const headers: Record<string, string> = { Host: base.host, 'Content-Type': 'application/json', ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}) };
    const req = client.request({ host: base.hostname, port: base.port, path, method: options.method ?? 'GET', headers, rejectUnauthorized: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), bytes: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(options.body === undefined ? undefined : JSON.stringify(options.body));
  });

describe('the home-network door for the stall phone', () => {
  const tmp = makeTempDir();
  let core: Core;
  let api: ApiClient;
  let lan: LanServer;
  let base: URL;
  let thumb = '';
  beforeAll(async () => {
    core = createCore({ dataDir: tmp.dir, clock: () => Date.UTC(2026, 10, 28, 14) });
    api = coreClient(core);
    lan = await startLanServer(core, { host: '127.0.0.1', port: 0 });
    base = new URL(lan.url);
    thumb = (await api.call('media.upload', { fileName: 'labial.jpg', dataBase64: await makePhotoBase64() })).thumbUrl;
  });
  afterAll(async () => {
    await lan.close();
    core.close();
    tmp.cleanup();
  });

  let people = 0;
  const tokenFor = async (role: TeamRole): Promise<string> => {
    people += 1;
    const person = await api.call('team.add', { name: `Persona ${people}`, role });
    const { code } = await api.call('lan.pairingCode', { personId: person.id });
    const paired = await request(base, '/lan/pair', { method: 'POST', body: { code, deviceName: `Celular ${role}` } });
    return (JSON.parse(paired.bytes.toString()) as { value: { token: string } }).value.token;
  };

  it('hands product photos to a phone that sells, so the stall can show them offline, and to no one else', async () => {
    const stall = await request(base, thumb, { token: await tokenFor('stall') });
    expect(stall.status).toBe(200);
    expect(stall.type).toBe('image/webp');
    expect(stall.bytes.subarray(8, 12).toString()).toBe('WEBP');
    expect((await request(base, thumb, { token: await tokenFor('seller') })).status).toBe(200);
    expect((await request(base, thumb, { token: await tokenFor('delivery') })).status).toBe(401);
    expect((await request(base, thumb)).status).toBe(401);
    const stallToken = await tokenFor('stall');
    expect((await request(base, '/media/thumbs/ffffffffffffffffffffffffffffffff.webp', { token: stallToken })).status).toBe(404);
    expect((await request(base, '/media/%2e%2e/chasqui.db', { token: stallToken })).status).toBe(404);
  });

  it('serves the service worker where the app is (nothing built here, so the same answer as the app)', async () => {
    const worker = await request(base, '/sw.js');
    const app = await request(base, '/app');
    expect(worker.status).toBe(app.status);
    expect(worker.status).not.toBe(404);
  });
});
