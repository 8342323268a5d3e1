import fs from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';
import { zipOf } from '../../helpers/zipBomb';

const MB = 1024 * 1024;
const GB = 1024 * MB;
const chat = strToU8('04/03/26, 09:30 - Lucía: hola! me separas 2 labiales?\n04/03/26, 09:31 - Karina: claro\n');
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Runs fn and says how long it took and how much the process grew meanwhile (the time bound is loose: CI machines are shared; unpacking 1 GB takes far longer and the memory bound is the sharp one). */
const measure = async <T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; grewMb: number }> => {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, ms: performance.now() - started, grewMb: (peak - before) / MB };
  } finally {
    clearInterval(timer);
  }
};

describe('zip bombs in a chat export', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core;
  let api: ApiClient;
  beforeEach(() => {
    tmp = makeTempDir();
    core = createCore({ dataDir: tmp.dir });
    api = coreClient(core);
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  const importZip = (zip: Uint8Array) => api.request('inbox.importChatExport', { fileName: 'Chat de WhatsApp con Lucía.zip', dataBase64: b64(zip), sellerName: 'Karina', mode: 'commit' });

  it('reads only the chat text: two 1 GB "photos" of zeros are counted, never unpacked', async () => {
    const zip = zipOf([{ name: '_chat.txt', data: chat }, { name: 'IMG-0001.jpg', size: GB }, { name: 'IMG-0002.jpg', size: GB }]);
    expect(zip.length).toBeLessThan(20 * MB);
    const { value, ms, grewMb } = await measure(() => importZip(zip));
    expect(value).toMatchObject({ ok: true, value: { messages: 2, attachments: 2 } });
    expect(ms).toBeLessThan(5000);
    expect(grewMb).toBeLessThan(150);
  });

  it('refuses a chat text that says it unpacks to 1 GB, before unpacking it', async () => {
    const zip = zipOf([{ name: '_chat.txt', size: GB }]);
    const { value, ms, grewMb } = await measure(() => importZip(zip));
    expect(value).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'path' } });
    expect(!value.ok && value.error.message).toContain('"_chat.txt" descomprimido pasa de 64 MB');
    expect(ms).toBeLessThan(5000);
    expect(grewMb).toBeLessThan(150);
    expect((await api.call('inbox.listConversations', {})).items).toHaveLength(0);
  });

  it('stops a chat text that lies about its size as soon as it grows past what it declared', async () => {
    const zip = zipOf([{ name: '_chat.txt', size: GB, declaredSize: 2000 }]);
    const { value, ms, grewMb } = await measure(() => importZip(zip));
    expect(value).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'path' } });
    expect(!value.ok && value.error.message).toContain('más grande de lo que dice');
    expect(ms).toBeLessThan(5000);
    expect(grewMb).toBeLessThan(150);
  });

  it('refuses an entry packed far tighter than any text (30 MB of zeros in 15 KB)', async () => {
    const value = await importZip(zipOf([{ name: '_chat.txt', size: 30 * MB }]));
    expect(value).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'path' } });
    expect(!value.ok && value.error.message).toMatch(/descomprimido pasa de \d+ MB/);
  });

  it('refuses Meta message files that unpack past the limit', async () => {
    const zip = zipOf([{ name: 'messages/inbox/lucia_1/message_1.json', size: GB, declaredSize: 4000 }]);
    const value = await api.request('inbox.importChatExport', { channel: 'instagram', fileName: 'instagram.zip', dataBase64: b64(zip), sellerName: 'Karina', mode: 'preview' });
    expect(value).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'path' } });
  });
});

describe('zip bombs in a shop file', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core;
  let api: ApiClient;
  let snapshot: Uint8Array;
  beforeEach(async () => {
    tmp = makeTempDir();
    const source = createCore({ dataDir: path.join(tmp.dir, 'source') });
    const exported = await coreClient(source).call('shop.export', {});
    snapshot = unzipSync(new Uint8Array(fs.readFileSync(exported.path)))['chasqui.db'] ?? new Uint8Array();
    source.close();
    core = createCore({ dataDir: path.join(tmp.dir, 'target') });
    api = coreClient(core);
    await api.call('settings.update', { shopName: 'Tienda de Karina' });
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  const importZip = (zip: Uint8Array) => measure(() => api.request('shop.import', { dataBase64: b64(zip) }));
  const expectUntouched = async () => {
    expect((await api.call('settings.get', {})).shopName).toBe('Tienda de Karina');
    const media = path.join(tmp.dir, 'target', 'media');
    expect(fs.existsSync(media) ? fs.readdirSync(media).filter((f) => f !== 'thumbs') : []).toEqual([]);
  };

  it('refuses a database that says it unpacks past 1 GB', async () => {
    const { value, ms, grewMb } = await importZip(zipOf([{ name: 'chasqui.db', size: GB + MB }]));
    expect(value).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'path' } });
    expect(!value.ok && value.error.message).toContain('"chasqui.db" descomprimido pasa de 1024 MB');
    expect(ms).toBeLessThan(5000);
    expect(grewMb).toBeLessThan(150);
    await expectUntouched();
  });

  it('stops a database that lies about its size, and a photo that does', async () => {
    const lyingDb = await importZip(zipOf([{ name: 'chasqui.db', size: GB, declaredSize: 64 * 1024 }]));
    expect(lyingDb.value).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'path' } });
    expect(lyingDb.ms).toBeLessThan(5000);
    expect(lyingDb.grewMb).toBeLessThan(150);
    await expectUntouched();

    const lyingPhoto = await importZip(zipOf([{ name: 'chasqui.db', data: snapshot }, { name: 'fotos/0123456789abcdef.jpg', size: GB, declaredSize: 50_000 }]));
    expect(lyingPhoto.value).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'path' } });
    expect(!lyingPhoto.value.ok && lyingPhoto.value.error.message).toContain('fotos/0123456789abcdef.jpg');
    expect(lyingPhoto.ms).toBeLessThan(5000);
    expect(lyingPhoto.grewMb).toBeLessThan(150);
    await expectUntouched();
  });

  it('still imports a good shop whose zip carries other, huge entries it does not need', async () => {
    const { value, ms, grewMb } = await importZip(zipOf([{ name: 'chasqui.db', data: snapshot }, { name: 'pedidos.csv', size: GB }]));
    expect(value).toMatchObject({ ok: true, value: { products: 0 } });
    expect(ms).toBeLessThan(5000);
    expect(grewMb).toBeLessThan(150);
  });
});

describe('a chat export meets the limits of inbox.ingestMessage', () => {
  it('skips a 3 MB message instead of storing it, and imports the rest', async () => {
    const tmp = makeTempDir();
    const core = createCore({ dataDir: tmp.dir });
    try {
      const api = coreClient(core);
      const text = `04/03/26, 09:30 - Lucía: hola\n04/03/26, 09:31 - Lucía: ${'a'.repeat(3 * MB)}\n04/03/26, 09:32 - Karina: claro\n`;
      const result = await api.call('inbox.importChatExport', { fileName: 'Chat de WhatsApp con Lucía.txt', dataBase64: b64(strToU8(text)), sellerName: 'Karina', mode: 'commit' });
      expect(result).toMatchObject({ messages: 2, skipped: 1 });
      expect(core.db.prepare('SELECT max(length(text)) FROM messages').pluck().get()).toBeLessThanOrEqual(20_000);
    } finally {
      core.close();
      tmp.cleanup();
    }
  });
});
