import { useSettings } from '../../store/settings';

/** The day of `ms` in the shop's zone, as yyyy-mm-dd, to compare days rather than 24-hour spans. */
const dayKey = (ms: number, timeZone: string): string => new Intl.DateTimeFormat('en-CA', { timeZone }).format(ms);

/**
 * When a conversation last moved, the way a phone's chat list says it: the time today, "ayer",
 * the weekday within a week, else the date; always in the shop's locale and zone.
 */
export const listTime = (ms: number, now: number, options: { locale: string; timeZone: string; yesterday: string }): string => {
  const { locale, timeZone } = options;
  const day = dayKey(ms, timeZone);
  if (day === dayKey(now, timeZone)) return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(ms);
  if (day === dayKey(now - 86_400_000, timeZone)) return options.yesterday;
  const isThisWeek = now - ms < 6 * 86_400_000 && ms < now;
  if (isThisWeek) return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone }).format(ms);
  const isThisYear = dayKey(ms, timeZone).slice(0, 4) === dayKey(now, timeZone).slice(0, 4);
  return new Intl.DateTimeFormat(locale, isThisYear ? { day: 'numeric', month: 'short', timeZone } : { dateStyle: 'short', timeZone }).format(ms);
};

export const useListTime = (yesterday: string): ((ms: number) => string) => {
  const { locale, timeZone } = useSettings((s) => s.settings);
  // wall clock: "today" and "ayer" are relative to the moment the list is drawn.
  return (ms) => listTime(ms, Date.now(), { locale, timeZone, yesterday });
};
