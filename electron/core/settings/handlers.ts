import { fail } from '../../../shared/api/errors';
import type { Handlers } from '../context';
import { normalizePhone } from '../orders/customers';
import { readSettings, writeSettings } from './repo';
import { checkBrowserPath } from '../channels/browserHandlers';
import { relocalizeStarters } from '../quick/seed';

export const settingsHandlers = {
  'settings.get': (ctx) => readSettings(ctx.db),
  'settings.update': (ctx, args) => {
    if (args.logoMediaId && !ctx.db.prepare('SELECT 1 FROM media WHERE id = ?').get(args.logoMediaId)) {
      fail('not_found', `logoMediaId: photo ${args.logoMediaId} was not uploaded`, { field: 'logoMediaId' });
    }
    for (const [i, detail] of (args.paymentDetails ?? []).entries()) {
      if (detail.qrMediaId && !ctx.db.prepare('SELECT 1 FROM media WHERE id = ?').get(detail.qrMediaId)) {
        fail('not_found', `paymentDetails.${i}.qrMediaId: photo ${detail.qrMediaId} was not uploaded`, { field: `paymentDetails.${i}.qrMediaId` });
      }
    }
    if (args.browserPath !== undefined) checkBrowserPath(args.browserPath, readSettings(ctx.db).browserPath);
    // Phones are read with the country of the locale being saved, so the welcome's country and number go together.
    const locale = args.locale ?? readSettings(ctx.db).locale;
    writeSettings(ctx.db, {
      ...args,
      ...(args.whatsappNumber === undefined ? {} : { whatsappNumber: normalizePhone(args.whatsappNumber, locale, 'whatsappNumber').replace(/^\+/, '') }),
      ...(args.couriers === undefined ? {} : { couriers: args.couriers.map((c, i) => ({ ...c, phone: normalizePhone(c.phone, locale, `couriers.${i}.phone`) })) }),
    });
    // The welcome picks the language after the first run: untouched starter replies and labels follow it.
    if (args.language !== undefined) relocalizeStarters(ctx.db, args.language, ctx.now());
    const settings = readSettings(ctx.db);
    ctx.emit('settings.changed', settings);
    return settings;
  },
} satisfies Partial<Handlers>;
