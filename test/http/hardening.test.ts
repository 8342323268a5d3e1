import crypto from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { startServer, type RunningServer } from '../../electron/http/server';
import { makeTempDir } from '../helpers/tmp';

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** Raw requests: a test must be able to send what no browser would (broken escapes, huge bodies). */
const raw = (port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string; chunks?: Buffer[] }) =>
  new Promise<Answer>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
    } else req.end(options.body);
  });

describe('headless shell hardening', () => {
  const token = crypto.randomBytes(18).toString('base64url');
  const tmp = makeTempDir();
  let core: Core;
  let server: RunningServer;

  beforeAll(async () => {
    core = createCore({ dataDir: tmp.dir });
    server = await startServer({ core, token, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    core.close();
    tmp.cleanup();
  });

  it('answers 400, without a stack trace in the log, to an address with a broken %-escape', async () => {
    const logged = vi.spyOn(console, 'error');
    try {
      for (const path of ['/%E0%A4%A', '/exports/%E0%A4%A', '/media/%E0%A4%A', '/api/%E0%A4%A']) {
        const answer = await raw(server.port, { path, method: path.startsWith('/api/') ? 'POST' : 'GET', headers: { Authorization: `Bearer ${token}` } });
        expect(answer.status, path).toBe(400);
        expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      }
      const withoutToken = await raw(server.port, { path: '/%E0%A4%A' });
      expect(withoutToken.status).toBe(400);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it('answers a 50 MB request with the JSON 413 error, not a connection reset', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
    const declared = await raw(server.port, { method: 'POST', path: '/api/settings.update', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: big });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', field: '(body)', message: expect.stringContaining('25 MB') } });
    // Without Content-Length (chunked), the size is only known while reading.
    const chunked = await raw(server.port, {
      method: 'POST',
      path: '/api/settings.update',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      chunks: Array.from({ length: 50 }, () => Buffer.alloc(1024 * 1024, 0x20)),
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // And the server is fine afterwards.
    const after = await raw(server.port, { method: 'POST', path: '/api/settings.get', headers: { Authorization: `Bearer ${token}` }, body: '{}' });
    expect(after.status).toBe(200);
  });
});

describe('files in the browser: signed links instead of a cookie', () => {
  const token = crypto.randomBytes(18).toString('base64url');
  const tmp = makeTempDir();
  let core: Core;
  let server: RunningServer;
  const call = async (method: string, args: unknown, headers: Record<string, string> = {}) => {
    const answer = await raw(server.port, { method: 'POST', path: `/api/${method}`, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(args) });
    return JSON.parse(answer.body) as { ok: boolean; value: { url: string; thumbUrl: string; id: string } };
  };

  beforeAll(async () => {
    core = createCore({ dataDir: tmp.dir });
    server = await startServer({ core, token, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    core.close();
    tmp.cleanup();
  });

  it('gives the page a link for each file that opens that file only, and plain paths to everyone else', async () => {
    const { makePhotoBase64 } = await import('../helpers/photos');
    const dataBase64 = await makePhotoBase64();
    const plain = await call('media.upload', { fileName: 'rojo.jpg', dataBase64 });
    expect(plain.value.url).toMatch(/^\/media\/[a-f0-9]+\.jpg$/);
    const signed = await call('media.upload', { fileName: 'rojo.jpg', dataBase64 }, { 'X-Chasqui-File-Links': 'signed' });
    expect(signed.value.url).toMatch(/^\/media\/[a-f0-9]+\.jpg\?sig=[\w-]{32}$/);
    expect(signed.value.thumbUrl).toMatch(/^\/media\/thumbs\/[a-f0-9]+\.webp\?sig=[\w-]{32}$/);
    expect(signed.value.id).toBe(plain.value.id);

    // Without any header or cookie, as an <img> would load it.
    const photo = await raw(server.port, { path: signed.value.url });
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    const unsigned = await raw(server.port, { path: plain.value.url });
    expect(unsigned.status).toBe(401);
    const sig = new URL(signed.value.url, 'http://x').searchParams.get('sig');
    const otherFile = await raw(server.port, { path: `${plain.value.thumbUrl}?sig=${sig}` });
    expect(otherFile.status).toBe(401);
    const withCookie = await raw(server.port, { path: plain.value.url, headers: { Cookie: `chasqui_session=${token}` } });
    expect(withCookie.status).toBe(401);
    // The header still works, for scripts.
    expect((await raw(server.port, { path: plain.value.url, headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('signs the links of printed files, and a server with another token does not accept them', async () => {
    const made = await call('deliveries.routeSheet', { date: '2026-03-07' }, { 'X-Chasqui-File-Links': 'signed' });
    expect(made.value.url).toMatch(/^\/exports\/reparto-2026-03-07\.pdf\?sig=/);
    const pdf = await raw(server.port, { path: made.value.url });
    expect(pdf.status).toBe(200);
    expect(pdf.body.startsWith('%PDF')).toBe(true);
    const other = await startServer({ core, token: crypto.randomBytes(18).toString('base64url'), port: 0 });
    try {
      expect((await raw(other.port, { path: made.value.url })).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});
