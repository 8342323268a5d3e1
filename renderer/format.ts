import { formatMoney } from '../shared/domain/money';
import { useSettings } from './store/settings';

export const useMoney = (): ((minor: number) => string) => {
  const { currency, locale } = useSettings((s) => s.settings);
  return (minor) => formatMoney(minor, currency, locale);
};

export const useDateTime = (): ((ms: number) => string) => {
  const { locale, timeZone } = useSettings((s) => s.settings);
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return (ms) => format.format(ms);
};

export const useDate = (): ((isoDate: string) => string) => {
  const { locale } = useSettings((s) => s.settings);
  const format = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (isoDate) => format.format(new Date(`${isoDate}T12:00:00Z`));
};
