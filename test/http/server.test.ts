import crypto from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { startServer, type RunningServer } from '../../electron/http/server';
import { makeTempDir } from '../helpers/tmp';

/** Raw requests, because fetch will not let a test forge Host. */
const raw = (port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });

describe('headless HTTP shell', () => {
  const token = crypto.randomBytes(18).toString('base64url');
  const tmp = makeTempDir();
  let core: Core;
  let server: RunningServer;
  const api = (method: string, headers: Record<string, string>, body = '{}') =>
    raw(server.port, { method: 'POST', path: `/api/${method}`, headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', ...headers }, body });

  beforeAll(async () => {
    core = createCore({ dataDir: tmp.dir });
    server = await startServer({ core, token, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    core.close();
    tmp.cleanup();
  });

  it('binds to loopback on a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('answers 401 unauthorized without or with a wrong token', async () => {
    const attempts: Record<string, string>[] = [{}, { Authorization: 'Bearer nope' }, { Cookie: 'chasqui_session=nope' }];
    for (const headers of attempts) {
      const res = await api('settings.get', headers);
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it('answers 200 with the envelope for a good token', async () => {
    const res = await api('settings.get', { Authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { currency: 'PEN' } });
  });

  it('answers 403 to a foreign Host or a cross-site Origin', async () => {
    const foreignHost = await api('settings.get', { Authorization: `Bearer ${token}`, Host: 'evil.example' });
    expect(foreignHost.status).toBe(403);
    const crossOrigin = await api('settings.get', { Authorization: `Bearer ${token}`, Origin: 'https://evil.example' });
    expect(crossOrigin.status).toBe(403);
    const sameOrigin = await api('settings.get', { Authorization: `Bearer ${token}`, Origin: `http://127.0.0.1:${server.port}` });
    expect(sameOrigin.status).toBe(200);
  });

  it('answers 404 not_found to an unknown method and 400 to bad JSON', async () => {
    const unknown = await api('catalog.dropEverything', { Authorization: `Bearer ${token}` });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ error: { code: 'not_found' } });
    const badJson = await api('settings.get', { Authorization: `Bearer ${token}` }, '{nope');
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body)).toMatchObject({ error: { code: 'invalid_input' } });
  });

  it('opens the printed link without setting a cookie, and refuses a wrong link', async () => {
    const login = await raw(server.port, { path: `/?token=${token}`, headers: { Host: `127.0.0.1:${server.port}` } });
    expect(login.status).not.toBe(401);
    expect(login.headers['set-cookie']).toBeUndefined();
    const wrong = await raw(server.port, { path: '/?token=wrong', headers: { Host: `127.0.0.1:${server.port}` } });
    expect(wrong.status).toBe(401);
  });

  it('never takes a cookie as a credential, not even one holding the right token', async () => {
    // Browsers send 127.0.0.1's cookies to every port, so any local web server could have read it.
    for (const cookie of [`chasqui_session=${token}`, `token=${token}`, `chasqui_session=${token}; other=1`]) {
      const res = await api('settings.get', { Cookie: cookie });
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      const events = await raw(server.port, { path: '/api/events', headers: { Host: `127.0.0.1:${server.port}`, Cookie: cookie } });
      expect(events.status).toBe(401);
    }
  });

  it('streams events over SSE', async () => {
    const frames: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: server.port, path: '/api/events', headers: { Authorization: `Bearer ${token}`, Host: `127.0.0.1:${server.port}` } },
        (res) => {
          expect(res.headers['content-type']).toContain('text/event-stream');
          res.on('data', (chunk: Buffer) => {
            frames.push(chunk.toString());
            if (frames.join('').includes('settings.changed')) {
              req.destroy();
              resolve();
            }
          });
          void api('settings.update', { Authorization: `Bearer ${token}` }, '{"shopName":"Karina"}');
        },
      );
      req.on('error', (error) => (frames.join('').includes('settings.changed') ? resolve() : reject(error)));
      req.end();
    });
    expect(frames.join('')).toMatch(/data: \{"type":"settings.changed","payload":\{"shopName":"Karina"/);
  });
});
