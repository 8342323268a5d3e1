/** The day of `ms` in the shop's zone, as yyyy-mm-dd, to compare calendar days rather than 24-hour spans. */
const dayKey = (ms: number, timeZone: string): string => new Intl.DateTimeFormat('en-CA', { timeZone }).format(ms);

/**
 * When a conversation last moved, the way a phone's chat list says it: the time today, "ayer"
 * yesterday, else the date (day and month this year, the short date before); in the shop's locale and zone.
 */
export const listTime = (ms: number, now: number, options: { locale: string; timeZone: string; yesterday: string }): string => {
  const { locale, timeZone } = options;
  const day = dayKey(ms, timeZone);
  if (day === dayKey(now, timeZone)) return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(ms);
  if (day === dayKey(now - 86_400_000, timeZone)) return options.yesterday;
  const isThisYear = day.slice(0, 4) === dayKey(now, timeZone).slice(0, 4);
  return new Intl.DateTimeFormat(locale, isThisYear ? { day: 'numeric', month: 'short', timeZone } : { dateStyle: 'short', timeZone }).format(ms);
};
