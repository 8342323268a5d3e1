import { DateTime } from 'luxon';
import type { DateOrder, DateOrderUsed } from '../../../../shared/domain/inbox';

export interface ParsedChatMessage {
  author: string;
  text: string;
  sentAt: number;
  hasAttachment: boolean;
}

export interface ParsedChat {
  messages: ParsedChatMessage[];
  /** The date order the file was read with, and where it came from (the file's dates, the shop's locale, or the seller's choice). */
  dateOrder?: DateOrderUsed;
  authors: string[];
  /** Lines that looked like the start of a message but could not be read. */
  skipped: number;
}

// Android: "04/03/26, 09:30 - Ana: hola", "3/4/26, 9:30 p. m. - Ana: hola", "04/03/2026 09:30 - Ana: olá"
// iOS:     "[04/03/26, 09:30:12] Ana: hola", "[3/4/26, 9:30:12 PM] Ana: hola"
const LINE =
  /^\u200e?\[?(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?\s?m\.?|[AP]M)?\]?\s*(?:-\s*)?([^:]{1,80}?):\s(.*)$/iu;
const SYSTEM_START = /^\u200e?\[?\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}:\d{2}/;

const ATTACHMENT = /<(multimedia omitido|media omitted|mídia oculta|adjunto:|attached:|anexado:)|\(archivo adjunto\)|\(file attached\)|\(arquivo anexado\)|\u200e?(image|imagen|video|audio|sticker) omitted/iu;

/** From the shop's locale ("es-PE" day first, "en-US" month first): used only when the file never says. */
const localeDateOrder = (locale: string): DateOrder => (/^en-US|^en-PH|^es-US/i.test(locale) ? 'mdy' : 'dmy');

/**
 * The file says which order its phone used: a four-digit first number is a year, a first number
 * above 12 can only be a day, a second number above 12 can only be a day too. The phone writes
 * every line the same way, so one telling date settles the whole file; when dates disagree (a
 * hand-edited file) the order most of them tell wins.
 */
export const inferDateOrder = (dates: readonly [string, string][]): DateOrder | null => {
  const votes: Record<DateOrder, number> = { dmy: 0, mdy: 0, ymd: 0 };
  for (const [first, second] of dates) {
    if (first.length === 4) votes.ymd += 1;
    else if (Number(first) > 12) votes.dmy += 1;
    else if (Number(second) > 12) votes.mdy += 1;
  }
  const best = (['ymd', 'dmy', 'mdy'] as const).reduce((a, b) => (votes[b] > votes[a] ? b : a));
  return votes[best] > 0 ? best : null;
};

const toMillis = (m: RegExpExecArray, order: DateOrder, timeZone: string): number | null => {
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [year, month, day] = order === 'ymd' ? [a, b, c] : order === 'dmy' ? [c, b, a] : [c, a, b];
  let hour = Number(m[4]);
  const meridiem = (m[7] ?? '').toLowerCase().replace(/[.\s]/g, '');
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  const date = DateTime.fromObject(
    { year: year < 100 ? 2000 + year : year, month, day, hour, minute: Number(m[5]), second: Number(m[6] ?? 0) },
    { zone: timeZone },
  );
  return date.isValid ? date.toMillis() : null;
};

/**
 * Reads WhatsApp's "Export chat" text (Android or iOS; Spanish, English or Portuguese; 12 or 24 hours).
 * Lines without a timestamp continue the previous message; system notices (no "Name:") are dropped.
 */
export const parseWhatsAppExport = (text: string, options: { locale: string; timeZone: string; dateOrder?: DateOrder }): ParsedChat => {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n').map((raw) => {
    const line = raw.replace(/[\u202f\u00a0]/g, ' ');
    return { line, match: LINE.exec(line) };
  });
  const told = inferDateOrder(lines.flatMap(({ match }) => (match ? [[match[1] ?? '', match[2] ?? ''] satisfies [string, string]] : [])));
  const dateOrder: DateOrderUsed = options.dateOrder
    ? { order: options.dateOrder, source: 'chosen' }
    : told
      ? { order: told, source: 'file' }
      : { order: localeDateOrder(options.locale), source: 'locale' };
  const messages: ParsedChatMessage[] = [];
  let skipped = 0;
  for (const { line, match } of lines) {
    if (match) {
      const sentAt = toMillis(match, dateOrder.order, options.timeZone);
      if (sentAt === null) {
        skipped += 1;
        continue;
      }
      const body = (match[9] ?? '').replace(/\u200e/g, '');
      messages.push({ author: (match[8] ?? '').replace(/\u200e/g, '').trim(), text: body, sentAt, hasAttachment: ATTACHMENT.test(body) });
      continue;
    }
    if (SYSTEM_START.test(line)) continue;
    const last = messages.at(-1);
    if (last && line.trim() !== '') last.text += `\n${line}`;
  }
  return { messages, authors: [...new Set(messages.map((m) => m.author))], skipped, dateOrder };
};
