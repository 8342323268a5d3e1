/**
 * The one CSV writer of the app (catalog, broadcast reports, shop export, reports page). Cells come
 * from chats and customers, so any text a spreadsheet would read as a formula (=, +, -, @, a tab or
 * CR at the start, also after leading spaces, and their full-width forms) gets a leading apostrophe:
 * Excel and Sheets then show it as text and never evaluate it. Numbers stay numbers.
 */
const FORMULA_START = /^[\t\r\n]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export type CsvCell = string | number | boolean | null | undefined;

export const isFormulaLike = (text: string): boolean => FORMULA_START.test(text);

export const csvCell = (value: CsvCell): string => {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const isFormula = isFormulaLike(value);
  const text = isFormula ? `'${value}` : value;
  return isFormula || NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** A whole file: a BOM (so Excel reads accents as UTF-8), the header, the rows, CRLF line ends. */
export const toCsv = (header: readonly string[], rows: readonly (readonly CsvCell[])[]): string =>
  `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;

/** The same from objects that share their keys (the first row's keys, or the given header). */
export const recordsToCsv = (records: readonly Record<string, CsvCell>[], header: readonly string[] = Object.keys(records[0] ?? {})): string =>
  toCsv(header, records.map((record) => header.map((key) => record[key])));
