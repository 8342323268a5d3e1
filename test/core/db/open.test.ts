import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DB_FILE } from '../../../electron/core';
import { latestVersion } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { ChasquiError } from '../../../shared/api/errors';
import { makeTempDir } from '../../helpers/tmp';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

const refusal = (dataDir: string): ChasquiError => {
  try {
    createCore({ dataDir }).close();
  } catch (error) {
    if (error instanceof ChasquiError) return error;
    throw error;
  }
  throw new Error('expected createCore to refuse');
};

describe('opening the database', () => {
  const dirs: (() => void)[] = [];
  const tempDir = () => {
    const t = makeTempDir();
    dirs.push(t.cleanup);
    return t.dir;
  };
  afterEach(() => dirs.splice(0).forEach((cleanup) => cleanup()));

  it('uses WAL, synchronous FULL, foreign keys and STRICT tables', () => {
    const core = createCore({ dataDir: tempDir() });
    expect(core.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(core.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(core.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(core.db.pragma('user_version', { simple: true })).toBe(latestVersion());
    const tables = core.db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all();
    // FTS5 (the catalog's, the customers' and the orders' search indexes) owns its virtual tables and shadow tables; SQLite makes those, not us.
    const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
    expect(virtual).toEqual(['product_search', 'product_search_terms', 'customer_search', 'order_search', 'order_search_terms', 'customer_search_terms']);
    const ours = tables.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)));
    expect(ours.length).toBeGreaterThan(20);
    for (const table of ours) expect(table.sql, table.name).toMatch(/STRICT\s*$/);
    core.close();
  });

  // Numbers are handed out per branch of work, so a number may be missing; never repeated or out of order.
  it('numbers migrations in increasing order, each once', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((m) => m.version).sort((a, b) => a - b));
    expect(new Set(migrations.map((m) => m.version)).size).toBe(migrations.length);
  });

  it('reopens its own database without migrating again', () => {
    const dir = tempDir();
    createCore({ dataDir: dir }).close();
    const core = createCore({ dataDir: dir });
    expect(core.db.pragma('user_version', { simple: true })).toBe(latestVersion());
    core.close();
  });

  it('refuses a database from a newer Chasqui with db_from_future and leaves it untouched', () => {
    const dir = tempDir();
    createCore({ dataDir: dir }).close();
    const file = path.join(dir, DB_FILE);
    const db = new Database(file);
    db.pragma(`user_version = ${latestVersion() + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = sha(file);
    const error = refusal(dir);
    expect(error.code).toBe('db_from_future');
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a file that is not a database and never overwrites it', () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE);
    fs.writeFileSync(file, 'Lista de compras: rímel, labial\n');
    expect(refusal(dir).code).toBe('not_a_chasqui_db');
    expect(fs.readFileSync(file, 'utf8')).toBe('Lista de compras: rímel, labial\n');
  });

  it("refuses another program's SQLite database", () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE);
    const other = new Database(file);
    other.exec('CREATE TABLE notes (text TEXT)');
    other.close();
    const before = sha(file);
    expect(refusal(dir).code).toBe('not_a_chasqui_db');
    expect(sha(file)).toBe(before);
  });

  it('keeps stock movements append-only', () => {
    const core = createCore({ dataDir: tempDir() });
    core.db.exec("INSERT INTO products (name, created_at, updated_at) VALUES ('x', 0, 0)");
    core.db.exec("INSERT INTO variants (product_id, sku, price) VALUES (1, 'X', 100)");
    core.db.exec("INSERT INTO stock_movements (variant_id, delta, reason, balance_after, created_at) VALUES (1, 5, 'receive', 5, 0)");
    expect(() => core.db.exec('UPDATE stock_movements SET delta = 50')).toThrow(/append-only/);
    expect(() => core.db.exec('DELETE FROM stock_movements')).toThrow(/append-only/);
    core.close();
  });
});
