import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { fail } from '../../../shared/api/errors';
import type { BackupInfo } from '../../../shared/api/methods/backup';
import type { CoreContext } from '../context';
import { latestVersion } from '../db/migrate';
import { version } from '../version';
import { PRIVATE_DIR_MODE, makePrivateFile } from '../privateFiles';
import { adoptForeignDatabase } from './importedDb';
import { copyCaTo } from '../lan/certs';
import { backupId, backupKinds, backupsDirFor, backupsToPrune, dirSize, linkOrCopyTree, parseBackupId, type BackupKind } from './files';

const MANIFEST = 'manifest.json';
const DB_NAME = 'chasqui.db';

const manifestSchema = z.object({
  id: z.string(),
  kind: z.enum(backupKinds),
  createdAt: z.number().int(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  counts: z.object({ products: z.number().int(), orders: z.number().int(), customers: z.number().int() }),
});
type Manifest = z.infer<typeof manifestSchema>;

const countsOf = (db: Database.Database): BackupInfo['counts'] => {
  const count = (table: string) => Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
  return { products: count('products'), orders: count('orders'), customers: count('customers') };
};

const readManifest = (dir: string): Manifest | null => {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

const toInfo = (dir: string, manifest: Manifest): BackupInfo => ({
  id: manifest.id,
  kind: manifest.kind,
  createdAt: manifest.createdAt,
  path: dir,
  bytes: dirSize(dir),
  schemaVersion: manifest.schemaVersion,
  counts: manifest.counts,
});

/**
 * Copies the live database with SQLite's online backup API (pages in steps, so the app keeps
 * answering and the copy is one consistent moment), then the photos and the shop's certificate
 * authority for its phones; channel sessions and other secrets live outside the database and media folder, so they are never part of a backup.
 */
export const createBackup = async (ctx: CoreContext, kind: BackupKind, destinationDir?: string): Promise<BackupInfo> => {
  const now = ctx.now();
  const id = backupId(now, kind);
  const dir = destinationDir ? path.join(destinationDir, `chasqui-${id}`) : path.join(backupsDirFor(ctx.dataDir), id);
  if (fs.existsSync(path.join(dir, MANIFEST))) return toInfo(dir, readManifest(dir) ?? fail('conflict', `Backup ${id} is damaged`));
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const file = path.join(dir, DB_NAME);
  fs.rmSync(file, { force: true });
  await ctx.db.backup(file, {
    progress: ({ totalPages, remainingPages }) => {
      ctx.emit('backup.progress', { id, percent: totalPages === 0 ? 100 : Math.round(((totalPages - remainingPages) / totalPages) * 100) });
      return 256;
    },
  });
  makePrivateFile(file);
  linkOrCopyTree(ctx.mediaDir, path.join(dir, 'media'));
  // The shop's certificate authority goes along (private files): a shop restored on a new laptop keeps its phones trusting it.
  copyCaTo(ctx.dataDir, dir);
  const copy = new Database(file, { readonly: true });
  const manifest: Manifest = { id, kind, createdAt: now, appVersion: version, schemaVersion: latestVersion(), counts: countsOf(copy) };
  copy.close();
  fs.writeFileSync(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 2));
  ctx.emit('backup.progress', { id, percent: 100 });
  if (!destinationDir) pruneBackups(ctx.dataDir);
  return toInfo(dir, manifest);
};

export const pruneBackups = (dataDir: string): string[] => {
  const dir = backupsDirFor(dataDir);
  if (!fs.existsSync(dir)) return [];
  const pruned = backupsToPrune(fs.readdirSync(dir));
  for (const id of pruned) fs.rmSync(path.join(dir, id), { recursive: true, force: true });
  return pruned;
};

export const listBackups = (dataDir: string): BackupInfo[] => {
  const root = backupsDirFor(dataDir);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((id) => parseBackupId(id) !== null)
    .flatMap((id) => {
      const manifest = readManifest(path.join(root, id));
      return manifest ? [toInfo(path.join(root, id), manifest)] : [];
    })
    .sort((a, b) => b.createdAt - a.createdAt);
};

export const findBackup = (dataDir: string, id: string): BackupInfo =>
  listBackups(dataDir).find((b) => b.id === id) ?? fail('not_found', `Backup ${id} does not exist`, { field: 'id' });

/** Checks a backup opens and passes SQLite's integrity check before anyone restores it. */
export const verifyBackup = (backup: BackupInfo): boolean => {
  const file = path.join(backup.path, DB_NAME);
  if (!fs.existsSync(file)) return false;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.pragma('integrity_check', { simple: true }) === 'ok';
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
};

export const backupDbFile = (backup: BackupInfo): string => path.join(backup.path, DB_NAME);
export const backupMediaDir = (backup: BackupInfo): string => path.join(backup.path, 'media');

/**
 * The way back when the database is damaged at start: the damaged file is kept aside (never deleted)
 * and the newest backup that passes integrity_check takes its place, photos included.
 */
export const restoreLatestGoodBackup = (dataDir: string, now: number): BackupInfo | null => {
  const dbFile = path.join(dataDir, DB_NAME);
  // Each candidate is checked on a copy like any restore: our schema only, devices and LAN cleared.
  const candidate = `${dbFile}.restoring`;
  const good = listBackups(dataDir).find((backup) => {
    if (!verifyBackup(backup)) return false;
    try {
      fs.copyFileSync(backupDbFile(backup), candidate);
      adoptForeignDatabase(candidate, now);
      return true;
    } catch {
      fs.rmSync(candidate, { force: true });
      return false;
    }
  });
  if (!good) return null;
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(`${dbFile}${suffix}`)) fs.renameSync(`${dbFile}${suffix}`, `${dbFile}${suffix}.damaged-${stamp}`);
  }
  fs.renameSync(candidate, dbFile);
  linkOrCopyTree(backupMediaDir(good), path.join(dataDir, 'media'));
  return good;
};
