import { foldText } from './catalog';

/** What a payment screenshot says, as far as its text could be read. */
export interface ReceiptReading {
  /** Minor units (4500 = 45.00); null when no amount was found. */
  amount: number | null;
  /** Shop-local date 'YYYY-MM-DD' and time 'HH:mm' as the receipt prints them. */
  date: string | null;
  time: string | null;
  operationNumber: string;
  payerName: string;
  app: 'yape' | 'plin' | 'bank' | 'unknown';
}

const months: Record<string, number> = {
  ene: 1, jan: 1, feb: 2, mar: 3, abr: 4, apr: 4, may: 5, jun: 6, jul: 7, ago: 8, aug: 8, set: 9, sep: 9, oct: 10, nov: 11, dic: 12, dec: 12,
};

/** Digits as OCR misreads them inside numbers: O→0, l/I→1, S→5 (only between digits). */
const fixDigits = (raw: string): string => raw.replace(/(?<=\d)[Oo](?=[\d.,]|$)|(?<=[\d.,])[Oo]/g, '0').replace(/(?<=\d)[lI|](?=\d)/g, '1');

/** "1,250.00", "1.250,00", "45", "8.90", "45,5" → minor units. */
export const parseAmount = (raw: string): number | null => {
  const text = fixDigits(raw).replace(/\s/g, '');
  const match = /^(\d{1,3}(?:[.,]\d{3})*|\d+)(?:[.,](\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const whole = Number((match[1] ?? '').replace(/[.,]/g, ''));
  const cents = match[2] ? Number(match[2].padEnd(2, '0')) : 0;
  const value = whole * 100 + cents;
  return Number.isSafeInteger(value) && value > 0 ? value : null;
};

const CURRENCY = String.raw`(?:S\s?\/\.?|s\/\.?|5\/|S\$|US\$|\$|PEN|USD)`;
const NUMBER = String.raw`(\d[\d.,OoIl ]*\d|\d)`;

const findAmount = (lines: string[]): number | null => {
  const withCurrency = new RegExp(`${CURRENCY}\\s*${NUMBER}`);
  for (const line of lines) {
    const match = withCurrency.exec(line);
    const amount = match?.[1] ? parseAmount(match[1].trim()) : null;
    if (amount) return amount;
  }
  // "Monto transferido" / "Importe" with the figure on the same or the next line, no currency sign read.
  for (const [i, line] of lines.entries()) {
    if (!/\b(monto|importe|total|amount)\b/.test(foldText(line))) continue;
    for (const candidate of [line, lines[i + 1] ?? '']) {
      const match = /(\d[\d.,]*[.,]\d{2})\b/.exec(candidate);
      const amount = match?.[1] ? parseAmount(match[1]) : null;
      if (amount) return amount;
    }
  }
  return null;
};

const OPERATION_LABEL = /(n(ro|umero|°|º|o)?\.?\s*(de\s+)?(operacion|op\b\.?)|codigo\s+de\s+(operacion|seguridad)|operacion\s*(n|nro|#)?\.?|transaction id|operation number)/;

const findOperation = (lines: string[]): string => {
  for (const [i, line] of lines.entries()) {
    const folded = foldText(line);
    const label = OPERATION_LABEL.exec(folded);
    if (!label) continue;
    // Same line after the label, or the next line alone (bank apps put it below).
    const after = line.slice(Math.min(line.length, (label.index ?? 0) + label[0].length)).replace(/^[\s:#°º.]+/, '');
    for (const candidate of [after, lines[i + 1] ?? '']) {
      const match = /\b([0-9OoIl][0-9OoIl-]{3,23})\b/.exec(candidate);
      if (match?.[1] && /\d{3}/.test(match[1])) return match[1].replace(/[Oo]/g, '0').replace(/[Il]/g, '1');
    }
  }
  return '';
};

const pad = (n: number): string => String(n).padStart(2, '0');

const findDate = (text: string): string | null => {
  const numeric = /\b(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})\b/.exec(text);
  if (numeric) {
    const [day, month, yearRaw] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    const year = yearRaw < 100 ? 2000 + yearRaw : yearRaw;
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) return `${year}-${pad(month)}-${pad(day)}`;
  }
  const named = /\b(\d{1,2})\s*(?:de\s+)?([a-z]{3})[a-z]*\.?\s*(?:de\s+|,\s*)?(\d{4})\b/.exec(foldText(text));
  const month = named?.[2] ? months[named[2]] : undefined;
  if (named && month) return `${named[3]}-${pad(month)}-${pad(Number(named[1]))}`;
  return null;
};

const findTime = (text: string): string | null => {
  const match = /\b([01]?\d|2[0-3])[:.]([0-5]\d)(?:[:.][0-5]\d)?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?(?![\d/])/i.exec(text);
  if (!match) return null;
  let hour = Number(match[1]);
  const suffix = (match[3] ?? '').toLowerCase().replace(/[^ap]/g, '');
  if (suffix === 'p' && hour < 12) hour += 12;
  if (suffix === 'a' && hour === 12) hour = 0;
  return `${pad(hour)}:${match[2]}`;
};

/** The time printed with the date (same or next line), never the status bar's clock at the top. */
const findDateTime = (lines: string[]): { date: string | null; time: string | null } => {
  for (const [i, line] of lines.entries()) {
    const date = findDate(line);
    if (date) return { date, time: findTime(line.replace(/\d{1,2}[/-]\d{1,2}[/-]\d{2,4}/, '')) ?? findTime(lines[i + 1] ?? '') };
  }
  return { date: null, time: null };
};

const PAYER_SAME_LINE = /(yapeado por|pagado por|enviado por|remitente|ordenante|de parte de|titular origen|from)\s*:?\s*(.+)$/i;
const PAYER_NEXT_LINE = /^(desde la cuenta de|titular origen|titular de origen|remitente|ordenante|cuenta origen)\s*:?\s*$/i;

const cleanName = (raw: string): string => raw.replace(/[^\p{L}\s.'-]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);

const findPayer = (lines: string[]): string => {
  for (const [i, line] of lines.entries()) {
    const folded = foldText(line);
    const same = PAYER_SAME_LINE.exec(folded);
    if (same?.[2]) return cleanName(line.slice(line.length - same[2].length));
    if (PAYER_NEXT_LINE.test(folded)) return cleanName(lines[i + 1] ?? '');
  }
  return '';
};

const findApp = (folded: string): ReceiptReading['app'] => {
  if (/yape/.test(folded)) return 'yape';
  if (/\bplin\b/.test(folded)) return 'plin';
  if (/transferencia|banca|bcp|interbank|bbva|scotiabank|banco|cuenta destino|cci/.test(folded)) return 'bank';
  return 'unknown';
};

/** Reads amount, date and time, operation number, payer and app out of OCR text, noise and all. */
export const parseReceiptText = (text: string): ReceiptReading => {
  const lines = text.slice(0, 20_000).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return {
    amount: findAmount(lines),
    ...findDateTime(lines),
    operationNumber: findOperation(lines),
    payerName: findPayer(lines),
    app: findApp(foldText(text)),
  };
};
