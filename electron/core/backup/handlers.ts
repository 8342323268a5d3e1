import { fail } from '../../../shared/api/errors';
import type { Handlers } from '../context';
import { backupDbFile, backupMediaDir, createBackup, findBackup, listBackups, verifyBackup } from './service';

export const backupHandlers = {
  'backup.create': (ctx, args) => createBackup(ctx, args.kind, args.destination || undefined),

  'backup.list': (ctx) => ({ items: listBackups(ctx.dataDir) }),

  'backup.restore': async (ctx, args) => {
    const backup = findBackup(ctx.dataDir, args.id);
    if (!verifyBackup(backup)) fail('conflict', `Backup ${backup.id} is damaged and cannot be restored`, { field: 'id' });
    if (args.mode === 'preview') return { isRestored: false, backup, safetyBackup: null };
    // Today's data is saved first, so a restore can itself be undone.
    const safetyBackup = await createBackup(ctx, 'before-restore');
    ctx.replaceDatabase(backupDbFile(backup), backupMediaDir(backup));
    ctx.emit('catalog.changed', { productIds: [] });
    ctx.emit('orders.changed', { orderIds: [] });
    return { isRestored: true, backup, safetyBackup };
  },
} satisfies Partial<Handlers>;
