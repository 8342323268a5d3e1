import { DateTime } from 'luxon';

export interface ParsedChatMessage {
  author: string;
  text: string;
  sentAt: number;
  hasAttachment: boolean;
}

export interface ParsedChat {
  messages: ParsedChatMessage[];
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

/** Which number is the day: from the shop's locale ("es-PE" day first, "en-US" month first), unless the numbers say otherwise. */
const isDayFirstLocale = (locale: string): boolean => !/^en-US|^en-PH|^es-US/i.test(locale);

const toMillis = (m: RegExpExecArray, dayFirst: boolean, timeZone: string): number | null => {
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let year: number;
  let month: number;
  let day: number;
  if (a > 999) [year, month, day] = [a, b, c];
  else {
    year = c < 100 ? 2000 + c : c;
    if (a > 12) dayFirst = true;
    else if (b > 12) dayFirst = false;
    [day, month] = dayFirst ? [a, b] : [b, a];
  }
  let hour = Number(m[4]);
  const meridiem = (m[7] ?? '').toLowerCase().replace(/[.\s]/g, '');
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  const date = DateTime.fromObject({ year, month, day, hour, minute: Number(m[5]), second: Number(m[6] ?? 0) }, { zone: timeZone });
  return date.isValid ? date.toMillis() : null;
};

/**
 * Reads WhatsApp's "Export chat" text (Android or iOS; Spanish, English or Portuguese; 12 or 24 hours).
 * Lines without a timestamp continue the previous message; system notices (no "Name:") are dropped.
 */
export const parseWhatsAppExport = (text: string, options: { locale: string; timeZone: string }): ParsedChat => {
  const dayFirst = isDayFirstLocale(options.locale);
  const messages: ParsedChatMessage[] = [];
  let skipped = 0;
  for (const raw of text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/[\u202f\u00a0]/g, ' ');
    const match = LINE.exec(line);
    if (match) {
      const sentAt = toMillis(match, dayFirst, options.timeZone);
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
  return { messages, authors: [...new Set(messages.map((m) => m.author))], skipped };
};
