import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { backupsToPrune } from '../../../electron/core/backup/files';
import { restoreLatestGoodBackup } from '../../../electron/core/backup/service';
import { migrations } from '../../../electron/core/db/migrations';
import { makePhotoBase64 } from '../../helpers/photos';
import { makeTempDir } from '../../helpers/tmp';

describe('backups', () => {
  const cleanups: (() => void)[] = [];
  const open = (): { core: Core; dir: string } => {
    const tmp = makeTempDir();
    const core = createCore({ dataDir: tmp.dir });
    cleanups.push(() => {
      core.close();
      tmp.cleanup();
    });
    return { core, dir: tmp.dir };
  };
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  it('takes a consistent backup while orders keep coming in, and restores it', async () => {
    const { core } = open();
    const api = coreClient(core);
    const photo = await api.call('media.upload', { fileName: 'a.jpg', dataBase64: await makePhotoBase64() });
    const product = await api.call('catalog.createProduct', { name: 'Labial', photoIds: [photo.id], variants: [{ sku: 'L-1', price: 2500, initialStock: 500 }] });
    const variantId = product.variants[0]?.id ?? 0;
    for (let i = 0; i < 50; i += 1) await api.call('orders.create', { channel: 'whatsapp', items: [{ variantId, quantity: 1 }] });

    const writes = (async () => {
      for (let i = 0; i < 100; i += 1) await api.call('orders.create', { channel: 'stall', items: [{ variantId, quantity: 1 }] });
    })();
    const backup = await api.call('backup.create', {});
    await writes;

    expect(backup.kind).toBe('manual');
    const copy = new Database(path.join(backup.path, 'chasqui.db'), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const count = Number(copy.prepare('SELECT count(*) FROM orders').pluck().get());
    const items = Number(copy.prepare('SELECT count(*) FROM order_items').pluck().get());
    copy.close();
    expect(count).toBeGreaterThanOrEqual(50);
    expect(items).toBe(count);
    expect(backup.counts).toEqual({ products: 1, orders: count, customers: 0 });
    expect(fs.existsSync(path.join(backup.path, 'media', `${photo.id}.jpg`))).toBe(true);

    const preview = await api.call('backup.restore', { id: backup.id, mode: 'preview' });
    expect(preview.isRestored).toBe(false);
    expect((await api.call('orders.list', {})).total).toBe(150);

    const restored = await api.call('backup.restore', { id: backup.id, mode: 'restore' });
    expect(restored.safetyBackup?.counts.orders).toBe(150);
    expect((await api.call('orders.list', {})).total).toBe(count);
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The restore can be undone from the safety copy.
    await api.call('backup.restore', { id: restored.safetyBackup?.id ?? '', mode: 'restore' });
    expect((await api.call('orders.list', {})).total).toBe(150);
  });

  it('saves a copy in a folder the seller picks, outside the data folder', async () => {
    const { core } = open();
    const usb = makeTempDir('chasqui-usb-');
    cleanups.push(usb.cleanup);
    await coreClient(core).call('catalog.createProduct', { name: 'Labial', variants: [{ sku: 'U-1', price: 100 }] });
    const copy = await coreClient(core).call('backup.create', { destination: usb.dir });
    expect(copy.path.startsWith(usb.dir)).toBe(true);
    expect(copy.counts.products).toBe(1);
    expect(fs.existsSync(path.join(copy.path, 'chasqui.db'))).toBe(true);
    expect(await coreClient(core).request('backup.create', { destination: 'relativa/carpeta' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'destination' } });
  });

  it('refuses unknown or damaged backups', async () => {
    const { core } = open();
    const api = coreClient(core);
    expect(await api.request('backup.restore', { id: '2026-01-01_000000-manual', mode: 'preview' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await api.request('backup.restore', { id: '../../etc', mode: 'preview' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'id' } });
    const backup = await api.call('backup.create', {});
    fs.writeFileSync(path.join(backup.path, 'chasqui.db'), 'not a database at all, just text');
    expect(await api.request('backup.restore', { id: backup.id, mode: 'restore' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('finds its way back from a damaged database to the newest good backup, keeping the damaged file', async () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const core = createCore({ dataDir: tmp.dir });
    const api = coreClient(core);
    for (let i = 0; i < 30; i += 1) await api.call('catalog.createProduct', { name: `Producto ${i}`, description: 'x'.repeat(3000), variants: [{ sku: `D-${i}`, price: 100 }] });
    await api.call('backup.create', {});
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    core.close();
    const file = path.join(tmp.dir, DB_FILE);
    const bytes = fs.readFileSync(file);
    // Scribble over the middle pages, leaving the header: the file still says it is ours.
    bytes.fill(0x5a, 4096 * 2, Math.min(bytes.length, 4096 * 6));
    fs.writeFileSync(file, bytes);
    expect(() => createCore({ dataDir: tmp.dir })).toThrow(expect.objectContaining({ code: 'db_damaged' }));
    const restored = restoreLatestGoodBackup(tmp.dir, Date.UTC(2026, 10, 22, 15));
    expect(restored?.counts.products).toBe(30);
    expect(fs.readdirSync(tmp.dir).some((name) => name.startsWith(`${DB_FILE}.damaged-`))).toBe(true);
    const reopened = createCore({ dataDir: tmp.dir });
    expect((await coreClient(reopened).call('catalog.listProducts', {})).items).toHaveLength(30);
    reopened.close();
  });

  it('keeps 7 daily and 4 weekly backups', () => {
    const ids = Array.from({ length: 40 }, (_, i) => {
      const day = new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      return `${day}_030000-daily`;
    });
    const pruned = new Set(backupsToPrune([...ids, '2026-01-02_101010-manual']));
    const kept = ids.filter((id) => !pruned.has(id));
    expect(kept).toHaveLength(11);
    expect(kept.slice(-7)).toEqual(ids.slice(-7));
    expect(pruned.has('2026-01-02_101010-manual')).toBe(false);
  });

  it('copies the database before a migration changes it', () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const file = path.join(tmp.dir, DB_FILE);
    const old = new Database(file);
    old.pragma(`application_id = ${0x43485153}`);
    old.exec(migrations[0]?.sql ?? '');
    old.pragma('user_version = 1');
    old.exec("INSERT INTO products (name, created_at, updated_at) VALUES ('Rímel viejo', 0, 0)");
    old.close();
    const core = createCore({ dataDir: tmp.dir });
    core.close();
    const backups = fs.readdirSync(path.join(tmp.dir, 'backups'));
    expect(backups.some((id) => id.endsWith('-before-migration'))).toBe(true);
    const copy = new Database(path.join(tmp.dir, 'backups', backups[0] ?? '', 'chasqui.db'), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT name FROM products').pluck().get()).toBe('Rímel viejo');
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(fs.readFileSync(path.join(tmp.dir, 'backups', backups[0] ?? '', 'note.txt'), 'utf8')).toContain('SQLite online backup');
  });
});
