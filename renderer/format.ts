import { useCallback } from 'react';
import { formatDayRange } from '../shared/domain/dates';
import { formatMoney } from '../shared/domain/money';
import { displayLocale } from '../shared/domain/settings';
import { useSettings } from './store/settings';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale and options for the whole page: building one costs far more than using it, and lists format every row. */
const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
};

/** The locale the screen uses: the language's unless she chose a format in Ajustes. */
export const useLocale = (): string => useSettings((s) => displayLocale(s.settings));

// The same function while the settings stay the same, so memoized rows are not drawn again.
export const useMoney = (): ((minor: number) => string) => {
  const currency = useSettings((s) => s.settings.currency);
  const locale = useLocale();
  return useCallback((minor: number) => formatMoney(minor, currency, locale), [currency, locale]);
};

export const useDateTime = (): ((ms: number) => string) => {
  const timeZone = useSettings((s) => s.settings.timeZone);
  const format = dateFormat(useLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return useCallback((ms: number) => format.format(ms), [format]);
};

export const useDate = (): ((isoDate: string) => string) => {
  const format = dateFormat(useLocale(), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return useCallback((isoDate: string) => format.format(new Date(`${isoDate}T12:00:00Z`)), [format]);
};

/** "sáb, 5 – dom, 6 dic": two calendar days without repeating what they share. */
export const useDateRange = (): ((from: string, to: string) => string) => {
  const locale = useLocale();
  return (from, to) => formatDayRange(from, to, locale, { weekday: 'short', day: 'numeric', month: 'short' });
};

/** "08:02": the time of day in the shop's zone (a stall sale, a snapshot). */
export const useTime = (): ((ms: number) => string) => {
  const timeZone = useSettings((s) => s.settings.timeZone);
  const format = dateFormat(useLocale(), { timeStyle: 'short', timeZone });
  return useCallback((ms: number) => format.format(ms), [format]);
};
