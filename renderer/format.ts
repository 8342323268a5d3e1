import { formatDayRange } from '../shared/domain/dates';
import { formatMoney } from '../shared/domain/money';
import { displayLocale } from '../shared/domain/settings';
import { useSettings } from './store/settings';

/** The locale the screen uses: the language's unless she chose a format in Ajustes. */
export const useLocale = (): string => useSettings((s) => displayLocale(s.settings));

export const useMoney = (): ((minor: number) => string) => {
  const currency = useSettings((s) => s.settings.currency);
  const locale = useLocale();
  return (minor) => formatMoney(minor, currency, locale);
};

export const useDateTime = (): ((ms: number) => string) => {
  const timeZone = useSettings((s) => s.settings.timeZone);
  const format = new Intl.DateTimeFormat(useLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return (ms) => format.format(ms);
};

export const useDate = (): ((isoDate: string) => string) => {
  const format = new Intl.DateTimeFormat(useLocale(), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (isoDate) => format.format(new Date(`${isoDate}T12:00:00Z`));
};

/** "sáb, 5 – dom, 6 dic": two calendar days without repeating what they share. */
export const useDateRange = (): ((from: string, to: string) => string) => {
  const locale = useLocale();
  return (from, to) => formatDayRange(from, to, locale, { weekday: 'short', day: 'numeric', month: 'short' });
};

/** "08:02": the time of day in the shop's zone (a stall sale, a snapshot). */
export const useTime = (): ((ms: number) => string) => {
  const timeZone = useSettings((s) => s.settings.timeZone);
  const format = new Intl.DateTimeFormat(useLocale(), { timeStyle: 'short', timeZone });
  return (ms) => format.format(ms);
};
