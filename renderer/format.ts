import { useCallback } from 'react';
import { dateTimeFormat, formatDay, formatDayRange } from '../shared/domain/dates';
import { formatMoney } from '../shared/domain/money';
import { displayLocale } from '../shared/domain/settings';
import { useSettings } from './store/settings';

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
  const format = dateTimeFormat(useLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return useCallback((ms: number) => format.format(ms), [format]);
};

export const useDate = (): ((isoDate: string) => string) => {
  const locale = useLocale();
  return useCallback((isoDate: string) => formatDay(isoDate, locale, { weekday: 'short', day: 'numeric', month: 'short' }), [locale]);
};

/** "sáb, 5 – dom, 6 dic": two calendar days without repeating what they share. */
export const useDateRange = (): ((from: string, to: string) => string) => {
  const locale = useLocale();
  return (from, to) => formatDayRange(from, to, locale, { weekday: 'short', day: 'numeric', month: 'short' });
};

/** "08:02": the time of day in the shop's zone (a stall sale, a snapshot). */
export const useTime = (): ((ms: number) => string) => {
  const timeZone = useSettings((s) => s.settings.timeZone);
  const format = dateTimeFormat(useLocale(), { timeStyle: 'short', timeZone });
  return useCallback((ms: number) => format.format(ms), [format]);
};
