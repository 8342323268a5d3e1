import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/core/db/migrations';
import { APPLICATION_ID, openDatabase } from '../../../electron/core/db/open';
import { registerShopDay } from '../../../electron/core/db/shopDay';
import { makeTempDir } from '../../helpers/tmp';

/** A database exactly as Chasqui left it at schema 25, before the stall had its own units. */
const schema25 = (file: string): void => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  registerShopDay(db);
  db.transaction(() => {
    for (const m of migrations.filter((x) => x.version <= 25)) {
      db.exec(m.sql);
      m.run?.(db);
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma('user_version = 25');
  })();
  const now = Date.UTC(2026, 1, 1);
  db.exec(`
    INSERT INTO people (id, name, role, created_at) VALUES (1, 'Lucía', 'seller', ${now});
    INSERT INTO products (id, name, created_at, updated_at) VALUES (1, 'Labial', ${now}, ${now});
    INSERT INTO variants (id, product_id, sku, price, stock) VALUES (1, 1, 'LAB-1', 2500, 7), (2, 1, 'LAB-2', 2500, 0);
    INSERT INTO orders (id, number, status, channel, subtotal, total, created_at, updated_at) VALUES (1, 'P-0001', 'confirmed', 'whatsapp', 7500, 7500, ${now}, ${now});
    INSERT INTO stock_movements (id, variant_id, delta, reason, note, balance_after, created_at, order_id) VALUES
      (1, 1, 10, 'initial', '', 10, ${now}, NULL),
      (5, 1, -3, 'sale', 'Pedido P-0001', 7, ${now + 1}, 1),
      (9, 2, 2, 'receive', 'proveedora', 2, ${now + 2}, NULL),
      (12, 2, -2, 'stall_sale', 'Feria', 0, ${now + 3}, NULL);
    INSERT INTO record_actors (table_name, row_id, person_id) VALUES ('stock_movements', 5, 1);
  `);
  db.close();
};

describe('migration 26: the stock ledger learns where units are, keeping every row', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).reverse().forEach((cleanup) => cleanup()));

  it('rebuilds stock_movements with the same rows and ids at the shop, still append-only, and adds the stall tables', () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const file = path.join(tmp.dir, 'chasqui.db');
    schema25(file);
    const db = openDatabase(file);
    cleanups.push(() => db.close());
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)?.version);
    expect(db.prepare('SELECT id, variant_id, delta, reason, note, balance_after, order_id, location FROM stock_movements ORDER BY id').all()).toEqual([
      { id: 1, variant_id: 1, delta: 10, reason: 'initial', note: '', balance_after: 10, order_id: null, location: 'shop' },
      { id: 5, variant_id: 1, delta: -3, reason: 'sale', note: 'Pedido P-0001', balance_after: 7, order_id: 1, location: 'shop' },
      { id: 9, variant_id: 2, delta: 2, reason: 'receive', note: 'proveedora', balance_after: 2, order_id: null, location: 'shop' },
      { id: 12, variant_id: 2, delta: -2, reason: 'stall_sale', note: 'Feria', balance_after: 0, order_id: null, location: 'shop' },
    ]);
    // Who recorded a movement still points at the same row.
    expect(db.prepare("SELECT row_id FROM record_actors WHERE table_name = 'stock_movements'").pluck().all()).toEqual([5]);
    expect(db.prepare('SELECT id, stock, stall_stock FROM variants ORDER BY id').all()).toEqual([
      { id: 1, stock: 7, stall_stock: 0 },
      { id: 2, stock: 0, stall_stock: 0 },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The new reasons and the stall are accepted; anything else is still refused, and nothing may be rewritten.
    db.prepare("INSERT INTO stock_movements (variant_id, delta, reason, balance_after, created_at, location) VALUES (1, 2, 'to_stall', 2, 1, 'stall')").run();
    expect(() => db.prepare("INSERT INTO stock_movements (variant_id, delta, reason, balance_after, created_at) VALUES (1, 1, 'gift', 8, 1)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO stock_movements (variant_id, delta, reason, balance_after, created_at, location) VALUES (1, 1, 'receive', 8, 1, 'car')").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE stock_movements SET delta = 99 WHERE id = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM stock_movements WHERE id = 1').run()).toThrow(/append-only/);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE tbl_name = 'stock_movements' AND type IN ('index', 'trigger') ORDER BY name").pluck().all()).toEqual([
      'stock_movements_no_delete',
      'stock_movements_no_update',
      'stock_movements_stall',
      'stock_movements_variant',
    ]);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'stock_movements'").pluck().get()).toContain('CREATE TABLE "stock_movements"');
  });
});
