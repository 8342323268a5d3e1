import { fail } from '../../../shared/api/errors';
import type { Handlers } from '../context';
import { readSettings, writeSettings } from './repo';
import { checkBrowserPath } from '../channels/browserHandlers';

export const settingsHandlers = {
  'settings.get': (ctx) => readSettings(ctx.db),
  'settings.update': (ctx, args) => {
    if (args.logoMediaId && !ctx.db.prepare('SELECT 1 FROM media WHERE id = ?').get(args.logoMediaId)) {
      fail('not_found', `logoMediaId: photo ${args.logoMediaId} was not uploaded`, { field: 'logoMediaId' });
    }
    if (args.browserPath !== undefined) checkBrowserPath(args.browserPath, readSettings(ctx.db).browserPath);
    writeSettings(ctx.db, args);
    const settings = readSettings(ctx.db);
    ctx.emit('settings.changed', settings);
    return settings;
  },
} satisfies Partial<Handlers>;
