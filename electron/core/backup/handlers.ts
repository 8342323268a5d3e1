import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fail } from '../../../shared/api/errors';
import type { Handlers } from '../context';
import { adoptForeignDatabase } from './importedDb';
import { restoreCaFrom } from '../lan/certs';
import { backupDbFile, backupMediaDir, createBackup, findBackup, listBackups, verifyBackup } from './service';

export const backupHandlers = {
  'backup.create': (ctx, args) => createBackup(ctx, args.kind, args.destination || undefined),

  'backup.list': (ctx) => ({ items: listBackups(ctx.dataDir) }),

  'backup.restore': async (ctx, args) => {
    const backup = findBackup(ctx.dataDir, args.id);
    if (!verifyBackup(backup)) fail('conflict', `Backup ${backup.id} is damaged and cannot be restored`, { field: 'id' });
    // Checked and cleaned on a copy: the backup itself stays as it was.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chasqui-restore-'));
    try {
      const copy = path.join(tmp, 'chasqui.db');
      fs.copyFileSync(backupDbFile(backup), copy);
      adoptForeignDatabase(copy, ctx.now(), 'id');
      if (args.mode === 'preview') return { isRestored: false, backup, safetyBackup: null };
      // Today's data is saved first, so a restore can itself be undone.
      const safetyBackup = await createBackup(ctx, 'before-restore');
      ctx.replaceDatabase(copy, backupMediaDir(backup));
      // The shop's certificate comes back with the shop, so its phones keep trusting it (used from the next start of the phones' door).
      restoreCaFrom(backup.path, ctx.dataDir);
      ctx.emit('catalog.changed', { productIds: [] });
      ctx.emit('orders.changed', { orderIds: [] });
      return { isRestored: true, backup, safetyBackup };
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  },
} satisfies Partial<Handlers>;
