/** "2026-03-02" or "2026-03" as the shop writes dates: "2 mar" for a day or a week, "mar 2026" for a month. */
export const periodLabel = (period: string, groupBy: 'day' | 'week' | 'month', locale: string): string => {
  const date = new Date(`${period.length === 7 ? `${period}-01` : period}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return period;
  const options: Intl.DateTimeFormatOptions = groupBy === 'month' ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
};
