import { z } from 'zod';
import * as s from '../schemas';
import { read, task } from './define';

export interface BackupInfo {
  id: string;
  kind: 'daily' | 'manual' | 'before-migration' | 'before-restore';
  createdAt: number;
  path: string;
  bytes: number;
  schemaVersion: number;
  counts: { products: number; orders: number; customers: number };
}

const backupIdSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}_\d{6}-[a-z-]+$/, 'is not a backup id');

export const backupMethods = {
  'backup.create': task<BackupInfo>()(
    z
      .object({
        /** A folder the seller picked (e.g. a USB stick); omit for the data dir's backups/. */
        destination: s.shortText(1000).refine((p) => p === '' || /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'must be a full folder path').optional(),
        kind: z.enum(['manual', 'daily']).default('manual'),
      })
      .strict(),
  ),
  'backup.list': read<{ items: BackupInfo[] }>()(s.empty),
  'backup.restore': task<{ isRestored: boolean; backup: BackupInfo; safetyBackup: BackupInfo | null }>()(
    z.object({ id: backupIdSchema, mode: z.enum(['preview', 'restore']) }).strict(),
  ),
} as const;
