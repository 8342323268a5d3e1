import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fail } from '../../../shared/api/errors';
import { latestVersion, migrate } from './migrate';
import { backupSync } from './backupSync';
import { registerSqlFunctions } from './sqlFunctions';
import { systemClock, type Clock } from '../clock';
import { PRIVATE_DIR_MODE, makePrivateFile } from '../privateFiles';

export type Db = Database.Database;

/** 'CHQS' — marks a SQLite file as ours so we never adopt someone else's database. */
export const APPLICATION_ID = 0x43485153;
const SQLITE_HEADER = 'SQLite format 3\u0000';

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron in the desktop app). */
  nativeBinding?: string;
  /** Where to keep a copy of the database before a migration changes it. */
  backupsDir?: string;
  /** Names that copy; the core passes its clock. */
  now?: Clock;
  /**
   * Leave the quick_check of an existing, current database to the caller, who runs it in the
   * background and holds every write until it passes (see quickCheck.ts). Called when it did so;
   * a database that needs a migration is always checked here first.
   */
  onQuickCheckDeferred?: () => void;
}

const readHeader = (file: string): string => {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const bytesRead = fs.readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, bytesRead).toString('latin1');
  } finally {
    fs.closeSync(fd);
  }
};

/** A damaged file may fail the check or throw while being read; both mean damaged. */
const passesQuickCheck = (db: Database.Database): boolean => {
  try {
    return db.pragma('quick_check', { simple: true }) === 'ok';
  } catch {
    return false;
  }
};

/**
 * Looks at an existing file read-only before anything may write to it:
 * a foreign file or a database from a newer Chasqui is refused untouched.
 */
const inspectExisting = (file: string, options: OpenOptions): number => {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return 0;
  if (readHeader(file) !== SQLITE_HEADER) {
    fail('not_a_chasqui_db', `${file} is not a Chasqui database (not SQLite); it was left untouched`);
  }
  const probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    const applicationId = probe.pragma('application_id', { simple: true });
    const userVersion = Number(probe.pragma('user_version', { simple: true }));
    const tableCount = Number(
      probe.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").pluck().get(),
    );
    const isOurs = applicationId === APPLICATION_ID;
    if (!isOurs && (tableCount > 0 || userVersion > 0)) {
      fail('not_a_chasqui_db', `${file} is a database of another program; it was left untouched`);
    }
    if (userVersion > latestVersion()) {
      fail(
        'db_from_future',
        `This data was saved by a newer Chasqui (schema ${userVersion}, this app knows ${latestVersion()}). Update the app; the data was not touched.`,
        { details: { schemaVersion: userVersion, supportedVersion: latestVersion() } },
      );
    }
    if (isOurs && options.onQuickCheckDeferred && userVersion === latestVersion()) {
      options.onQuickCheckDeferred();
    } else if (isOurs && !passesQuickCheck(probe)) {
      fail('db_damaged', `${file} is damaged. Restore the last good backup from the backups folder; the file was left as it is.`);
    }
    return userVersion;
  } finally {
    probe.close();
  }
};

/**
 * Through SQLite's online backup API (in a worker, waited for); should that be impossible, a plain
 * copy is still consistent here: nothing else has the file open yet and the WAL was folded in.
 */
const copyBeforeMigration = (db: Db, file: string, fromVersion: number, backupsDir: string, now: number, nativeBinding?: string): void => {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const stamp = new Date(now).toISOString();
  const dir = path.join(backupsDir, `${stamp.slice(0, 10)}_${stamp.slice(11, 19).replaceAll(':', '')}-before-migration`);
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const target = path.join(dir, 'chasqui.db');
  const isOnline = backupSync(file, target, nativeBinding);
  if (!isOnline) fs.copyFileSync(file, target);
  makePrivateFile(target);
  fs.writeFileSync(
    path.join(dir, 'note.txt'),
    `Copy of schema ${fromVersion}, taken before migrating to ${latestVersion()} (${isOnline ? 'SQLite online backup' : 'file copy after a checkpoint'}).\n`,
  );
};

const STATEMENT_CACHE_SIZE = 500;

/**
 * Repository functions write `db.prepare(sql)` where they need it; compiling the same SQL again on
 * every call costs more than running it. The connection keeps the compiled statements (a small
 * LRU) and hands each back in its default mode (a caller may have set pluck on it before).
 */
const cacheStatements = (db: Db): void => {
  const compile = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql);
      if (statement.reader) statement.pluck(false);
    } else {
      statement = compile(sql);
    }
    cache.set(sql, statement);
    if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
    return statement;
  };
  Object.assign(db, { prepare });
};

export const openDatabase = (file: string, options: OpenOptions = {}): Db => {
  const existingVersion = inspectExisting(file, options);
  const db = new Database(file, { nativeBinding: options.nativeBinding });
  try {
    if (options.backupsDir && existingVersion > 0 && existingVersion < latestVersion()) {
      copyBeforeMigration(db, file, existingVersion, options.backupsDir, (options.now ?? systemClock)(), options.nativeBinding);
    }
    db.pragma('journal_mode = WAL');
    // An order the app said it saved must survive a power cut.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Erased customer data is overwritten on disk, not just unlinked.
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    // SQLite's default 2 MB page cache holds little of a large shop's tables and indexes, and each
    // page read past it is a system call and a copy; 32 MB (filled only as pages are read) keeps a
    // screen's pages between its questions.
    db.pragma('cache_size = -32000');
    // Before migrating: migrations 0019 and 0032 and their triggers call them.
    registerSqlFunctions(db);
    migrate(db);
    cacheStatements(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
};
