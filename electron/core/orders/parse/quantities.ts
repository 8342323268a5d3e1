/** Spanish quantity words as customers write them, folded (no accents). */
const units: Record<string, number> = {
  un: 1, uno: 1, una: 1, unito: 1, unita: 1,
  dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
  once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, dieciseis: 16, diecisiete: 17, dieciocho: 18, diecinueve: 19,
  veinte: 20, veinticinco: 25, treinta: 30, cuarenta: 40, cincuenta: 50, cien: 100,
};

export interface QuantityMatch {
  quantity: number;
  /** Index of the first token after the quantity. */
  end: number;
  start: number;
}

/**
 * Finds the first quantity in a run of tokens: digits ("2", "2x"), words ("dos"),
 * and the set phrases "un par", "media docena", "una docena", "2 docenas".
 */
export const findQuantity = (tokens: string[], isCatalogNumber: (index: number) => boolean = () => false): QuantityMatch | null => {
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    // "jean 28" names a size, not twenty-eight jeans.
    if (i > 0 && isCatalogNumber(i)) continue;
    const next = tokens[i + 1] ?? '';
    const after = tokens[i + 2] ?? '';
    if ((token === 'un' || token === 'una') && next === 'par') return { quantity: 2, start: i, end: i + 2 + (after === 'de' ? 1 : 0) };
    if (token === 'media' && next === 'docena') return { quantity: 6, start: i, end: i + 2 + (after === 'de' ? 1 : 0) };
    if (token === 'docena' || token === 'docenas') return { quantity: 12, start: i, end: i + 1 + (next === 'de' ? 1 : 0) };
    // "2x", "x2" and "x 2" all count: the second two are how a count is written after the product.
    const digits = /^(\d{1,4})x?$/.exec(token) ?? /^x(\d{1,4})$/.exec(token);
    const count = digits ? Number(digits[1]) : units[token];
    if (count !== undefined && count > 0) {
      if (next === 'docena' || next === 'docenas') return { quantity: count * 12, start: i, end: i + 2 + (after === 'de' ? 1 : 0) };
      // "2 y medio" and similar are not product counts; a bare number before "soles" is a price.
      if (next === 'soles' || next === 'sol' || next === 'lucas') continue;
      if (next === 'par' || next === 'pares') return { quantity: count * 2, start: i, end: i + 2 + (after === 'de' ? 1 : 0) };
      return { quantity: count, start: i, end: i + 1 };
    }
  }
  return null;
};

export const isQuantityWord = (token: string): boolean => token in units || /^\d{1,4}x?$/.test(token) || /^x\d{1,4}$/.test(token);
