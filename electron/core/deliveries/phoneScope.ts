import { DateTime } from 'luxon';
import { fail } from '../../../shared/api/errors';
import type { DeliveryStop } from '../../../shared/api/methods/deliveries';
import type { CoreContext } from '../context';
import { countryOfLocale, whatsappDigits } from '../../../shared/domain/phones';
import { readSettings } from '../settings/repo';
import * as repo from './repo';

/** Today in the shop's time zone, from the core's clock (never the phone's). */
export const shopToday = (ctx: CoreContext): string => DateTime.fromMillis(ctx.now(), { zone: readSettings(ctx.db).timeZone }).toISODate() ?? '';

/**
 * A delivery phone's whole world: today's stops that go to an address. Pickups at the stall, other
 * days, new or cancelled orders and orders without a delivery day are outside it.
 */
export const phoneStops = (ctx: CoreContext): DeliveryStop[] => repo.stopsForDay(ctx.db, shopToday(ctx)).filter((s) => s.method === 'delivery');

/** A phone asking for a day other than today is refused, not quietly answered with today. */
export const phoneDate = (ctx: CoreContext, date: string | undefined): string => {
  const today = shopToday(ctx);
  if (date !== undefined && date !== today) fail('forbidden', `A delivery phone sees only today's stops (${today})`, { field: 'date' });
  return today;
};

/** The stop a phone may close; any other order is "not found" for it, so counting ids reveals nothing. */
export const phoneStop = (ctx: CoreContext, orderId: number): DeliveryStop =>
  phoneStops(ctx).find((s) => s.orderId === orderId) ?? fail('not_found', `Order ${orderId} is not one of today's stops`, { field: 'orderId' });

// Reading a number with libphonenumber costs about a tenth of a millisecond, and a day's page has
// fifty; the answer depends only on the number and the shop's locale, so it is remembered.
const dialed = new Map<string, string>();

/** E.164 digits without "+" for tel: and wa.me links; a number typed without country gets the shop's. */
export const dialDigits = (phone: string, locale: string): string => {
  const key = `${locale}|${phone}`;
  let digits = dialed.get(key);
  if (digits === undefined) {
    if (dialed.size >= 5_000) dialed.clear();
    digits = whatsappDigits(phone, countryOfLocale(locale));
    dialed.set(key, digits);
  }
  return digits;
};
