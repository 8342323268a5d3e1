/** Money is always an integer count of minor units (céntimos): 2500 is 25.00. */

const formatters = new Map<string, Intl.NumberFormat>();

const formatterFor = (locale: string, currency: string): Intl.NumberFormat => {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter;
};

const digitsByCurrency = new Map<string, number>();

/**
 * Decimal places the currency uses (PEN 2, CLP 0, ...), from the platform's CLDR data. Kept per
 * currency: building a formatter costs more than formatting, and a list formats every row.
 */
export const currencyDigits = (currency: string): number => {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
};

export const formatMoney = (minor: number, currency: string, locale: string): string =>
  formatterFor(locale, currency).format(minor / 10 ** currencyDigits(currency));

/**
 * Reads what a seller types ("25", "25.5", "25,50", "S/ 1.250,00", "1,250.00") into minor units.
 * Returns null when the text is not an amount. The last separator followed by at most
 * the currency's digits is taken as the decimal point.
 */
export const parseMoney = (text: string, currency: string): number | null => {
  const digits = currencyDigits(currency);
  const cleaned = text.replace(/[^\d.,-]/g, '');
  if (!/\d/.test(cleaned) || /-/.test(cleaned.slice(1))) return null;
  const isNegative = cleaned.startsWith('-');
  const body = cleaned.replace(/^-/, '');
  const lastSep = Math.max(body.lastIndexOf('.'), body.lastIndexOf(','));
  let whole = body;
  let fraction = '';
  if (lastSep >= 0) {
    const tail = body.slice(lastSep + 1);
    if (tail.length > 0 && tail.length <= Math.max(digits, 2) && !(tail.length === 3 && digits < 3)) {
      whole = body.slice(0, lastSep);
      fraction = tail;
    }
  }
  whole = whole.replace(/[.,]/g, '');
  if (fraction.length > digits) return null;
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction)) return null;
  const minor = Number(whole || '0') * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return isNegative ? -minor : minor;
};

/** Plain decimal text for CSV files: 2550 → "25.50" (no symbol, no grouping). */
export const minorToDecimal = (minor: number, currency: string): string => {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 10 ** digits);
  const fraction = String(abs % 10 ** digits).padStart(digits, '0');
  return `${sign}${whole}.${fraction}`;
};
