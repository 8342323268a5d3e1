import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { restoreLatestGoodBackup } from '../../../electron/core/backup/service';
import { hashToken } from '../../../electron/core/lan/pairing';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';

const PLANTED_TOKEN = 'the-attacker-knows-this-token';
let now = Date.UTC(2026, 10, 22, 15);

/** Plants on a database file what an attacker would, the way an attacker would: straight SQL. */
const plant = (file: string, sql: string): void => {
  const db = new Database(file);
  db.exec(sql);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
};

const accessPlants = `
  INSERT INTO devices (name, token_hash, created_at) VALUES ('Teléfono de Miguel', '${hashToken(PLANTED_TOKEN)}', 1);
  INSERT INTO settings (key, value) VALUES ('isLanEnabled', 'true') ON CONFLICT (key) DO UPDATE SET value = excluded.value;
  INSERT INTO settings (key, value) VALUES ('browserPath', '"/tmp/evil.sh"') ON CONFLICT (key) DO UPDATE SET value = excluded.value;
  INSERT INTO settings (key, value) VALUES ('somethingUnknown', '"x"');
  INSERT INTO channel_accounts (kind, status, account, is_wanted, updated_at) VALUES ('whatsapp', 'ready', '+51 999', 1, 1);
`;

const schemaPlants: [string, string][] = [
  ['a trigger', 'CREATE TRIGGER cheap AFTER INSERT ON orders BEGIN UPDATE variants SET price = 1; END;'],
  ['a view', 'CREATE VIEW v_everything AS SELECT * FROM customers;'],
  ['a table', 'CREATE TABLE notes_extra (x TEXT);'],
  ['an index', 'CREATE INDEX idx_planted ON variants (price);'],
  ['a changed table', 'ALTER TABLE variants ADD COLUMN planted TEXT;'],
];

describe('a crafted shop file or backup cannot plant lasting changes', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core;
  let api: ApiClient;
  let snapshot: Uint8Array;
  beforeEach(async () => {
    now = Date.UTC(2026, 10, 22, 15);
    tmp = makeTempDir();
    const source = createCore({ dataDir: path.join(tmp.dir, 'source'), clock: () => now });
    await coreClient(source).call('catalog.createProduct', { name: 'Labial mate', variants: [{ sku: 'LAB-1', price: 3500, initialStock: 10 }] });
    const exported = await coreClient(source).call('shop.export', {});
    snapshot = unzipSync(new Uint8Array(fs.readFileSync(exported.path)))['chasqui.db'] ?? new Uint8Array();
    source.close();
    core = createCore({ dataDir: path.join(tmp.dir, 'target'), clock: () => now });
    api = coreClient(core);
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  const craftedZip = (sql: string): string => {
    const file = path.join(tmp.dir, 'crafted.db');
    fs.writeFileSync(file, snapshot);
    plant(file, sql);
    return Buffer.from(zipSync({ 'chasqui.db': new Uint8Array(fs.readFileSync(file)) })).toString('base64');
  };

  it.each(schemaPlants)('refuses a shop file with %s, and imports nothing', async (_label, sql) => {
    const result = await api.request('shop.import', { dataBase64: craftedZip(sql) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'path' } });
    expect(!result.ok && result.error.message).toContain('cambios que Chasqui no hace');
    expect((await api.call('catalog.listProducts', {})).items).toHaveLength(0);
    expect(core.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('cheap', 'v_everything', 'notes_extra', 'idx_planted') OR sql LIKE '%planted%'").pluck().get()).toBe(0);
  });

  it('imports a shop file with a planted phone, LAN access and channel, all cleared and off, also after a restart', async () => {
    expect(await api.call('shop.import', { dataBase64: craftedZip(accessPlants) })).toMatchObject({ products: 1 });
    const check = async (c: Core, a: ApiClient) => {
      expect((await a.call('lan.status', {})).isEnabled).toBe(false);
      expect(c.lan.deviceForToken(PLANTED_TOKEN)).toBeNull();
      expect(c.db.prepare('SELECT count(*) FROM devices WHERE revoked_at IS NULL').pluck().get()).toBe(0);
      expect(c.db.prepare('SELECT count(*) FROM channel_accounts').pluck().get()).toBe(0);
      expect((await a.call('settings.get', {})).browserPath).toBe('');
      expect(c.db.prepare("SELECT count(*) FROM settings WHERE key = 'somethingUnknown'").pluck().get()).toBe(0);
    };
    await check(core, api);
    expect((await api.call('catalog.listProducts', {})).items[0]?.name).toBe('Labial mate');
    core.close();
    core = createCore({ dataDir: path.join(tmp.dir, 'target'), clock: () => now });
    api = coreClient(core);
    await check(core, api);
  });

  it('refuses to restore a backup with a planted trigger, and clears a planted phone from one it restores', async () => {
    await api.call('catalog.createProduct', { name: 'Rímel', variants: [{ sku: 'RIM-1', price: 2000 }] });
    const backup = await api.call('backup.create', { kind: 'manual' });
    const file = path.join(backup.path, 'chasqui.db');
    const pristine = fs.readFileSync(file);

    plant(file, 'CREATE TRIGGER cheap AFTER INSERT ON orders BEGIN UPDATE variants SET price = 1; END;');
    const refused = await api.request('backup.restore', { id: backup.id, mode: 'restore' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'id' } });
    expect(core.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'cheap'").pluck().get()).toBe(0);

    fs.writeFileSync(file, pristine);
    plant(file, accessPlants);
    const restored = await api.call('backup.restore', { id: backup.id, mode: 'restore' });
    expect(restored.isRestored).toBe(true);
    expect(core.lan.deviceForToken(PLANTED_TOKEN)).toBeNull();
    expect((await api.call('lan.status', {})).isEnabled).toBe(false);
    expect(core.db.prepare('SELECT count(*) FROM channel_accounts').pluck().get()).toBe(0);
    expect((await api.call('catalog.listProducts', {})).items.map((p) => p.name)).toEqual(['Rímel']);
    // The backup folder itself is left as it was.
    expect(new Database(file, { readonly: true }).prepare('SELECT count(*) FROM devices').pluck().get()).toBe(1);
  });

  it('at start, after damage, skips a planted backup for the newest clean one and clears its phones', async () => {
    const clean = await api.call('backup.create', { kind: 'manual' });
    plant(path.join(clean.path, 'chasqui.db'), accessPlants);
    now += 60_000;
    await api.call('catalog.createProduct', { name: 'Rímel', variants: [{ sku: 'RIM-1', price: 2000 }] });
    const planted = await api.call('backup.create', { kind: 'manual' });
    plant(path.join(planted.path, 'chasqui.db'), 'CREATE TRIGGER cheap AFTER INSERT ON orders BEGIN UPDATE variants SET price = 1; END;');
    core.close();
    const dataDir = path.join(tmp.dir, 'target');
    fs.writeFileSync(path.join(dataDir, 'chasqui.db'), Buffer.alloc(8192, 0x5a));
    const restored = restoreLatestGoodBackup(dataDir, now);
    expect(restored?.id).toBe(clean.id);
    core = createCore({ dataDir, clock: () => now });
    api = coreClient(core);
    expect(core.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'cheap'").pluck().get()).toBe(0);
    expect(core.lan.deviceForToken(PLANTED_TOKEN)).toBeNull();
    expect((await api.call('lan.status', {})).isEnabled).toBe(false);
  });
});
