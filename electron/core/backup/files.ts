import fs from 'node:fs';
import path from 'node:path';

export const backupsDirFor = (dataDir: string): string => path.join(dataDir, 'backups');

export const backupKinds = ['daily', 'manual', 'before-migration', 'before-restore'] as const;
export type BackupKind = (typeof backupKinds)[number];

const BACKUP_ID = /^(\d{4}-\d{2}-\d{2})_(\d{6})-([a-z-]+)$/;

export const backupId = (now: number, kind: BackupKind): string => {
  const iso = new Date(now).toISOString();
  return `${iso.slice(0, 10)}_${iso.slice(11, 19).replaceAll(':', '')}-${kind}`;
};

export const parseBackupId = (id: string): { day: string; kind: BackupKind } | null => {
  const match = BACKUP_ID.exec(id);
  const kind = backupKinds.find((k) => k === match?.[3]);
  return match?.[1] && kind ? { day: match[1], kind } : null;
};

/**
 * Photos never change once stored (their names are their hashes), so a backup links them
 * instead of copying; a copy is made only where links are impossible (another disk, FAT).
 */
export const linkOrCopyTree = (from: string, to: string): number => {
  if (!fs.existsSync(from)) return 0;
  fs.mkdirSync(to, { recursive: true });
  let count = 0;
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      count += linkOrCopyTree(source, target);
      continue;
    }
    if (fs.existsSync(target)) continue;
    try {
      fs.linkSync(source, target);
    } catch {
      fs.copyFileSync(source, target);
    }
    count += 1;
  }
  return count;
};

export const dirSize = (dir: string): number =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
        const full = path.join(dir, entry.name);
        return sum + (entry.isDirectory() ? dirSize(full) : fs.statSync(full).size);
      }, 0)
    : 0;

/** Keeps the newest 7 daily backups and one per ISO week for the 4 weeks before them. */
export const backupsToPrune = (ids: string[], keepDaily = 7, keepWeekly = 4): string[] => {
  const daily = ids
    .filter((id) => parseBackupId(id)?.kind === 'daily')
    .sort()
    .reverse();
  const kept = new Set(daily.slice(0, keepDaily));
  const weeks = new Set<string>();
  for (const id of daily.slice(keepDaily)) {
    const day = new Date(`${parseBackupId(id)?.day ?? ''}T00:00:00Z`);
    const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
    if (weeks.size < keepWeekly && !weeks.has(monday)) {
      weeks.add(monday);
      kept.add(id);
    }
  }
  return daily.filter((id) => !kept.has(id));
};
