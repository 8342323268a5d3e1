import Database from 'better-sqlite3';
import { fail } from '../../../shared/api/errors';
import { defaultSettings } from '../../../shared/domain/settings';
import { latestVersion } from '../db/migrate';
import { migrations } from '../db/migrations';
import { APPLICATION_ID } from '../db/open';
import { registerSqlFunctions } from '../db/sqlFunctions';

/**
 * A database that comes from a file (shop import) or a backup folder (restore) is someone else's
 * until checked: a crafted one could carry a trigger that rewrites prices, a paired phone whose
 * token the sender knows, or LAN access switched on. It must have exactly the schema this app's own
 * migrations make, and it arrives with this computer's access state cleared.
 */

const schemaKey = (row: { type: string; name: string; tbl_name: string; sql: string | null }): string =>
  [row.type, row.name, row.tbl_name, (row.sql ?? '').replace(/\s+/g, ' ').trim()].join('\u0000');

// SQLite's own statistics tables appear after ANALYZE / PRAGMA optimize; they hold no code.
const readSchema = (db: Database.Database): string[] =>
  db
    .prepare<[], { type: string; name: string; tbl_name: string; sql: string | null }>(
      "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE NOT (type = 'table' AND name IN ('sqlite_stat1', 'sqlite_stat4'))",
    )
    .all()
    .map(schemaKey)
    .sort();

const expectedSchemas = new Map<number, string[]>();

/** The schema a fresh database has after this app's migrations up to version. */
export const schemaAtVersion = (version: number): string[] => {
  const cached = expectedSchemas.get(version);
  if (cached) return cached;
  const fresh = new Database(':memory:');
  // Migrations fill rollups and keys through functions of ours, as on the app's own connection.
  registerSqlFunctions(fresh);
  try {
    fresh.transaction(() => {
      for (const m of migrations.filter((migration) => migration.version <= version)) fresh.exec(m.sql);
    })();
    const schema = readSchema(fresh);
    expectedSchemas.set(version, schema);
    return schema;
  } finally {
    fresh.close();
  }
};

const hasTable = (db: Database.Database, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(name) !== undefined;

/** Anything in the file's schema that this app's migrations never make (or miss), for the message. */
const differences = (actual: string[], expected: string[]): string[] => {
  const wanted = new Set(expected);
  const found = new Set(actual);
  const name = (key: string) => key.split('\u0000').slice(0, 2).join(' ');
  return [...actual.filter((key) => !wanted.has(key)).map((key) => `+${name(key)}`), ...expected.filter((key) => !found.has(key)).map((key) => `-${name(key)}`)];
};

/**
 * Checks a database file (already copied somewhere of ours) and clears, in place, what belongs to the
 * computer it came from: paired devices (revoked, tokens wiped), channel accounts, LAN access, the
 * browser to launch; a broadcast that was running is paused, so nothing is sent until the seller says so.
 */
export const adoptForeignDatabase = (file: string, now: number, field: 'path' | 'id' = 'path'): void => {
  const db = new Database(file, { fileMustExist: true });
  // Clearing what belongs to the other computer fires triggers that call functions of ours.
  registerSqlFunctions(db);
  try {
    const version = Number(db.pragma('user_version', { simple: true }));
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID || version < 1) {
      fail('invalid_input', `${field}: this database is not from Chasqui`, { field });
    }
    if (version > latestVersion()) {
      fail('db_from_future', `This data was saved by a newer Chasqui (schema ${version}, this app knows ${latestVersion()}). Update the app first.`, { details: { schemaVersion: version, supportedVersion: latestVersion() } });
    }
    const extra = differences(readSchema(db), schemaAtVersion(version));
    if (extra.length > 0) {
      fail('invalid_input', `${field}: esta base de datos tiene cambios que Chasqui no hace (${extra.slice(0, 5).join(', ').slice(0, 300)}); no se abre`, {
        field,
        details: { differences: extra.slice(0, 20).map((d) => d.slice(0, 120)) },
      });
    }
    db.transaction(() => {
      if (hasTable(db, 'devices')) {
        db.prepare("UPDATE devices SET revoked_at = coalesce(revoked_at, ?), token_hash = 'cleared:' || id || ':' || hex(randomblob(16))").run(now);
      }
      if (hasTable(db, 'channel_accounts')) db.prepare('DELETE FROM channel_accounts').run();
      if (hasTable(db, 'broadcasts')) db.prepare("UPDATE broadcasts SET status = 'paused', pause_reason = '' WHERE status = 'running'").run();
      const known = Object.keys(defaultSettings);
      db.prepare(`DELETE FROM settings WHERE key NOT IN (${known.map(() => '?').join(', ')})`).run(...known);
      const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
      upsert.run('isLanEnabled', JSON.stringify(false));
      upsert.run('browserPath', JSON.stringify(''));
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
};
