import type { Handlers } from '../context';
import { readSettings, writeSettings } from './repo';

export const settingsHandlers = {
  'settings.get': (ctx) => readSettings(ctx.db),
  'settings.update': (ctx, args) => {
    writeSettings(ctx.db, args);
    const settings = readSettings(ctx.db);
    ctx.emit('settings.changed', settings);
    return settings;
  },
} satisfies Partial<Handlers>;
