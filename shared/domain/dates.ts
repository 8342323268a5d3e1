/** Calendar days ("2026-12-05") in the shop's words; a day is noon UTC so no time zone moves it. */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale and options, kept: building one costs far more than using it, and lists format every row. */
export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
};

const formatterFor = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => dateTimeFormat(locale, { ...options, timeZone: 'UTC' });

const noon = (isoDate: string): Date => new Date(`${isoDate}T12:00:00Z`);

const dayMonth: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long' };

/** "5 de diciembre" */
export const formatDay = (isoDate: string, locale: string, options: Intl.DateTimeFormatOptions = dayMonth): string => formatterFor(locale, options).format(noon(isoDate));

/** "domingo, 29 de noviembre": a day someone works on (a delivery day), not an ISO date. */
export const formatWorkDay = (isoDate: string, locale: string): string => formatDay(isoDate, locale, { weekday: 'long', day: 'numeric', month: 'long' });

export interface DayRange {
  /** What the two days share before them (the month in "Dec 5 – 6"), usually ''. */
  head: string;
  start: string;
  end: string;
  /** What the two days share after them (" de diciembre" in "5–6 de diciembre"). */
  tail: string;
  isOneDay: boolean;
}

/**
 * Two days split the way Intl.DateTimeFormat.formatRange shares their parts, so a sentence can say
 * "del 5 al 6 de diciembre" instead of repeating the month ("del 5 de diciembre al 6 de diciembre").
 */
export const dayRange = (from: string, to: string, locale: string, options: Intl.DateTimeFormatOptions = dayMonth): DayRange => {
  const parts = formatterFor(locale, options).formatRangeToParts(noon(from), noon(to));
  const firstStart = parts.findIndex((p) => p.source === 'startRange');
  if (firstStart < 0) return { head: '', start: parts.map((p) => p.value).join(''), end: '', tail: '', isOneDay: true };
  const lastEnd = parts.findLastIndex((p) => p.source === 'endRange');
  const join = (list: Intl.DateTimeRangeFormatPart[]) => list.map((p) => p.value).join('');
  return {
    head: join(parts.slice(0, firstStart)),
    start: join(parts.filter((p) => p.source === 'startRange')),
    end: join(parts.filter((p) => p.source === 'endRange')),
    tail: join(parts.slice(lastEnd + 1)),
    isOneDay: false,
  };
};

/** "5–6 de diciembre", "29 de noviembre – 6 de diciembre": the platform's own range. */
export const formatDayRange = (from: string, to: string, locale: string, options: Intl.DateTimeFormatOptions = dayMonth): string =>
  formatterFor(locale, options).formatRange(noon(from), noon(to));
