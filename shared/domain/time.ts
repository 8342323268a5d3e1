import { DateTime } from 'luxon';

/** The shop-local day of an instant, `offsetDays` later, as YYYY-MM-DD (what file names and "today" use). */
export const shopDate = (ms: number, timeZone: string, offsetDays = 0): string =>
  DateTime.fromMillis(ms, { zone: timeZone }).plus({ days: offsetDays }).toISODate() ?? '';
