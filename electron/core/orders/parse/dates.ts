import type * as Chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { lazyRequire } from '../../lazy';

/** Its grammar takes a quarter of a second to load: only when a message needs more than the simple forms above. */
const chrono = lazyRequire<typeof Chrono>('chrono-node');
import { fold } from './normalize';

const weekdays: Record<string, number> = { lunes: 1, martes: 2, miercoles: 3, jueves: 4, viernes: 5, sabado: 6, domingo: 7 };
const months: Record<string, number> = {
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
};

const countWords = new Set(['x', 'unidades', 'unidad', 'docena', 'docenas', 'par', 'pares', 'cajas', 'paquetes', 'porciones']);

export interface DateMatch {
  date: string;
  /** The folded text the date was read from, so item reading can skip it. */
  phrase: string;
}

/** The next day-of-month on or after today ("el 9" said on the 4th is the 9th; said on the 20th, next month's 9th). */
const nextDayOfMonth = (today: DateTime, day: number): DateTime | null => {
  for (let offset = 0; offset < 3; offset += 1) {
    const month = today.plus({ months: offset });
    if (day > (month.daysInMonth ?? 31)) continue;
    const candidate = month.set({ day });
    if (candidate >= today.startOf('day')) return candidate;
  }
  return null;
};

/** "el sábado" is the coming Saturday; said on a Saturday it means the next one, not today. */
const nextWeekday = (today: DateTime, weekday: number): DateTime => today.plus({ days: ((weekday - today.weekday + 7) % 7) || 7 });

/**
 * Reads the delivery or pick-up day a message names, in the shop's time zone relative to `now`:
 * "hoy", "mañana", "pasado mañana", weekdays ("el sábado", "el lunes 23"), "el 15", "15 de marzo", "15/03".
 */
export const findDate = (text: string, now: number, timeZone: string, isThing: (word: string) => boolean = () => false): DateMatch | null => {
  // "el sábado no puedo, mejor el domingo": the day named after "mejor" replaces the one before.
  const better = /\bmejor\b/i.exec(text);
  const corrected = better ? findDay(text.slice(better.index), now, timeZone, isThing) : null;
  return corrected ?? findDay(text, now, timeZone, isThing);
};

const findDay = (text: string, now: number, timeZone: string, isThing: (word: string) => boolean): DateMatch | null => {
  const today = DateTime.fromMillis(now, { zone: timeZone }).startOf('day');
  const folded = fold(text);
  const iso = (d: DateTime | null) => d?.toISODate() ?? null;

  const weekdayDay = /\b(lunes|martes|miercoles|jueves|viernes|sabado|domingo)\s+(\d{1,2})\b\s*(\p{L}*)/u.exec(folded);
  // "el sábado 2 gorros": a number followed by a thing the shop sells counts it, it is not a day.
  const isCount = weekdayDay?.[3] !== undefined && (countWords.has(weekdayDay[3]) || isThing(weekdayDay[3]));
  if (weekdayDay?.[1] && weekdayDay[2] && !isCount) {
    // The number names the day; the weekday only confirms it, so a wrong weekday never moves the date.
    const date = iso(nextDayOfMonth(today, Number(weekdayDay[2])));
    if (date) return { date, phrase: `${weekdayDay[1]} ${weekdayDay[2]}` };
  }
  const relative: [RegExp, number][] = [
    [/\bpasado\s+manana\b/, 2],
    [/\b(?<!(?:la|en|por|esta)\s)manana\b/, 1],
    [/\bhoy\b/, 0],
  ];
  for (const [pattern, days] of relative) {
    const match = pattern.exec(folded);
    if (match) return { date: iso(today.plus({ days })) ?? '', phrase: match[0] };
  }
  const weekday = /\b(lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b/.exec(folded);
  if (weekday?.[1]) {
    const day = weekdays[weekday[1]];
    if (day) return { date: iso(nextWeekday(today, day)) ?? '', phrase: weekday[0] };
  }
  const dayMonth = /\b(\d{1,2})\s+de\s+(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\b/.exec(folded);
  if (dayMonth?.[1] && dayMonth[2]) {
    const month = months[dayMonth[2]] ?? 1;
    let date = today.set({ month, day: Number(dayMonth[1]) });
    if (date.isValid && date < today) date = date.plus({ years: 1 });
    if (date.isValid) return { date: iso(date) ?? '', phrase: dayMonth[0] };
  }
  const slashed = /\b(\d{1,2})\/(\d{1,2})\b/.exec(folded);
  if (slashed?.[1] && slashed[2]) {
    let date = today.set({ day: Number(slashed[1]), month: Number(slashed[2]) });
    if (date.isValid && date < today) date = date.plus({ years: 1 });
    if (date.isValid) return { date: iso(date) ?? '', phrase: slashed[0] };
  }
  const dayOnly = /\b(?:el|para el|hasta el)\s+(\d{1,2})\b(?!\s*(?:soles|sol|unidades|x|de\s+\w+))/.exec(folded);
  if (dayOnly?.[1] && Number(dayOnly[1]) <= 31) {
    const date = iso(nextDayOfMonth(today, Number(dayOnly[1])));
    if (date) return { date, phrase: dayOnly[0] };
  }
  // Anything else chrono's Spanish grammar understands ("el próximo martes", "en 3 días").
  // "en la mañana" is a time of day, not tomorrow.
  const withoutTimeOfDay = text.replace(/\b((en|por|de)\s+la|esta)\s+ma[ñn]ana\b/gi, ' ');
  // A match that starts inside a word ("llevarí|a 3|") is not a date.
  const parsed = chrono().es
    .parse(withoutTimeOfDay, { instant: new Date(now), timezone: today.offset }, { forwardDate: true })
    .find((result) => !/\p{L}/u.test(withoutTimeOfDay[result.index - 1] ?? ''));
  if (parsed) {
    const date = DateTime.fromJSDate(parsed.start.date(), { zone: timeZone });
    return { date: iso(date) ?? '', phrase: fold(parsed.text) };
  }
  return null;
};
