import { DateTime } from 'luxon';
import { defaultSettings } from '../../../shared/domain/settings';
import type { Db } from './open';

const QUARTER_HOUR = 900_000;
const MAX_CACHED = 200_000;

const zoneOf = (stored: unknown): string => {
  if (typeof stored !== 'string') return defaultSettings.timeZone;
  try {
    const zone: unknown = JSON.parse(stored);
    return typeof zone === 'string' && DateTime.local().setZone(zone).isValid ? zone : defaultSettings.timeZone;
  } catch {
    return defaultSettings.timeZone;
  }
};

/** The same day `shopDate` gives, through one Intl formatter per zone (Luxon per call is ~50× slower). */
const dayFormatter = (timeZone: string) => {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'iso8601', numberingSystem: 'latn' });
  return (ms: number): string => {
    const parts = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]));
    return `${(parts.year ?? '').padStart(4, '0')}-${parts.month ?? ''}-${parts.day ?? ''}`;
  };
};

/**
 * `shop_day(ms, storedTimeZone)`: the shop-local day (YYYY-MM-DD) of an instant; the second argument
 * is the raw `settings.timeZone` value (JSON, or NULL for the default). The rollup triggers
 * (migration 0019) call it, so every connection that writes orders registers it first.
 * Zone offsets move on quarter hours, so the day of each quarter hour is remembered: a rebuild that
 * reads orders in any order does the date maths once per quarter hour, not once per row.
 */
export const registerShopDay = (db: Db): void => {
  let lastStored: unknown;
  let zone = defaultSettings.timeZone;
  let dayOf = dayFormatter(zone);
  const days = new Map<number, string>();
  db.function('shop_day', { deterministic: true }, (ms: unknown, stored: unknown) => {
    if (typeof ms !== 'number' && typeof ms !== 'bigint') throw new TypeError('shop_day: the instant must be a number');
    if (stored !== lastStored) {
      lastStored = stored;
      const next = zoneOf(stored);
      if (next !== zone) {
        zone = next;
        dayOf = dayFormatter(zone);
        days.clear();
      }
    }
    const at = Number(ms);
    const key = Math.floor(at / QUARTER_HOUR);
    let day = days.get(key);
    if (day === undefined) {
      day = dayOf(at);
      if (days.size >= MAX_CACHED) days.clear();
      days.set(key, day);
    }
    return day;
  });
};
