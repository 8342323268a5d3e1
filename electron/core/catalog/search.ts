import { foldText } from '../../../shared/domain/catalog';
import type { Db } from '../db/open';

/**
 * Folds case and accents and trims common Spanish plural endings, so "Labiales rojos",
 * "labial rojo" and "LABIAL ROJO" meet on the same terms. The index keeps whole words; the query
 * asks for each word as a prefix, so the singular "labial" also finds "labiales".
 */
export const searchTerm = (term: string): string => {
  const folded = foldText(term);
  if (folded.length > 4 && /[^aeiou]es$/.test(folded)) return folded.slice(0, -2);
  if (folded.length > 3 && /[aeiou]s$/.test(folded)) return folded.slice(0, -1);
  return folded;
};

const MAX_WORDS = 12;

/** The query's words as the index's tokenizer cuts them (letters and digits), folded and singular. */
export const queryWords = (query: string): string[] =>
  [...new Set(foldText(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(searchTerm))].slice(0, MAX_WORDS);

/** One typo in words of 4 letters, about one in five letters in longer ones; numbers (sizes, tones, codes) exactly. */
const allowedTypos = (word: string): number => (/\d/.test(word) ? 0 : word.length >= 5 ? Math.round(word.length * 0.2) : word.length === 4 ? 1 : 0);

/** Edit distance with swaps of neighbours counted as one (optimal string alignment), or max + 1 once over max. */
export const editDistance = (a: string, b: string, max: number): number => {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
};

// Words reach FTS5 only as double-quoted strings of letters and digits, so no query syntax gets in.
const quoted = (word: string): string => `"${word.replace(/"/g, '')}"`;

/** Above this many longer words, a prefix stays a prefix. */
const MAX_SPELLED_OUT = 20;

/**
 * The word as the start of some word of the index, written so that FTS5 can read it lazily. FTS5
 * reads a prefix ("clienta"*) as the merged list of every word it starts, whole, before it hands out
 * the first match; a word, or a few words ORed, it reads as it goes, so a page newest first stops
 * after its rows. The index's words that are longer than this one are few and rare for a finished
 * word ("clienta" → none; "rosa" → "rosario", "rosaura"): then it is spelled out as those words.
 * The same matches either way. Short words keep the prefix (the index keeps prefixes of 2 and 3).
 */
export const lazyPrefix = (db: Db, vocabulary: 'order_search_terms' | 'customer_search_terms', word: string): string => {
  if (word.length <= 3) return `${quoted(word)}*`;
  // From just after the word itself (its own list is not read) to the last word it starts.
  const longer = db
    .prepare<[string, string, number], string>(`SELECT term FROM ${vocabulary} WHERE term >= ? AND term < ? LIMIT ?`)
    .pluck()
    .all(`${word}\u0001`, `${word}\u{10FFFF}`, MAX_SPELLED_OUT + 1);
  return longer.length > MAX_SPELLED_OUT ? `${quoted(word)}*` : `(${[word, ...longer].map(quoted).join(' OR ')})`;
};

/** Every word must be there, as the start of some word of the product. */
export const strictMatch = (words: string[]): string => words.map((w) => `${quoted(w)}*`).join(' AND ');

/**
 * The index's words that start with the word's first or second letter ("rrojo" and "xrojo" both
 * reach "rojo"), read from FTS5's own word list by range, so the fallback never reads every word.
 */
const nearbyTerms = (db: Db, word: string): string[] => {
  const starts = [...new Set([...word.slice(0, 2)])];
  const inRange = db.prepare<[string, string], string>('SELECT term FROM product_search_terms WHERE term >= ? AND term < ?').pluck();
  return starts.flatMap((letter) => inRange.all(letter, String.fromCodePoint((letter.codePointAt(0) ?? 0) + 1)));
};

/**
 * The typo fallback: each word may also be a word of the index a typo or two away
 * ("rrojo" → "rojo", "alargadr" → "alargador").
 */
export const fuzzyMatch = (db: Db, words: string[], joiner: 'AND' | 'OR'): string =>
  words
    .map((word) => {
      const max = allowedTypos(word);
      const near = max === 0 ? [] : nearbyTerms(db, word).filter((term) => term !== word && editDistance(word, term, max) <= max).slice(0, 20);
      return `(${[`${quoted(word)}*`, ...near.map(quoted)].join(' OR ')})`;
    })
    .join(` ${joiner} `);
