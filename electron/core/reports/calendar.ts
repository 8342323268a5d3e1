/**
 * Calendar arithmetic on shop-local days written YYYY-MM-DD. A day of the calendar is the same
 * whatever the zone, so this is done in UTC with no time zone maths (Luxon per day costs more
 * than a year of rollups).
 */
const DAY = 86_400_000;

const toUtc = (day: string): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Every day from `from` to `to`, both included. */
export const calendarDays = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let at = toUtc(from), end = toUtc(to); at <= end; at += DAY) days.push(fromUtc(at));
  return days;
};

/** The bucket a day falls in: itself, the Monday of its ISO week, or its month (yyyy-MM). */
export const periodOfDay = (day: string, groupBy: 'day' | 'week' | 'month'): string => {
  if (groupBy === 'month') return day.slice(0, 7);
  if (groupBy === 'week') {
    const at = toUtc(day);
    return fromUtc(at - ((new Date(at).getUTCDay() + 6) % 7) * DAY);
  }
  return day;
};

const lastDayOfMonth = (month: string): string => fromUtc(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
const shiftMonth = (month: string, by: number): string => fromUtc(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + by, 1)).slice(0, 7);

/** A BETWEEN that matches nothing. */
const NONE: [string, string] = ['9', '0'];

/**
 * A range of days as the whole months inside it plus the odd days at each end:
 * [head days, months, tail days], each an inclusive pair (NONE when empty).
 */
export const splitByMonths = (from: string, to: string): [[string, string], [string, string], [string, string]] => {
  const first = from.slice(0, 7);
  const last = to.slice(0, 7);
  if (first === last) return from.endsWith('-01') && to === lastDayOfMonth(last) ? [NONE, [first, last], NONE] : [[from, to], NONE, NONE];
  const isHeadWhole = from.endsWith('-01');
  const isTailWhole = to === lastDayOfMonth(last);
  const monthFrom = isHeadWhole ? first : shiftMonth(first, 1);
  const monthTo = isTailWhole ? last : shiftMonth(last, -1);
  return [
    isHeadWhole ? NONE : [from, lastDayOfMonth(first)],
    monthFrom <= monthTo ? [monthFrom, monthTo] : NONE,
    isTailWhole ? NONE : [`${last}-01`, to],
  ];
};
