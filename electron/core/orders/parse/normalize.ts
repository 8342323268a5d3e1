/** Lower case, no accents, emojis and symbols to spaces: the form every rule below reads. */
export const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Chat shorthand customers write, expanded before reading ("xfa" → "por favor"). */
const slang: Record<string, string> = {
  xfa: 'por favor',
  xfavor: 'por favor',
  porfa: 'por favor',
  porfis: 'por favor',
  pls: 'por favor',
  plis: 'por favor',
  q: 'que',
  k: 'que',
  xq: 'porque',
  pq: 'porque',
  tb: 'tambien',
  tmb: 'tambien',
  d: 'de',
  dl: 'del',
  x: 'por',
  mñn: 'manana',
  mnn: 'manana',
  bn: 'bien',
};

export const tokensOf = (text: string): string[] =>
  fold(text)
    .replace(/[^\p{L}\p{N}\s/.,:;?!+-]/gu, ' ')
    .split(/[\s/.,:;?!+-]+/)
    .filter(Boolean)
    // "tono 03" and "tono 3" are the same shade.
    .map((token) => (/^0+\d/.test(token) ? String(Number(token)) : token))
    .flatMap((token) => (slang[token] ?? token).split(' '));

/**
 * Reduces a word to a stem both the catalog and the customer share: plurals ("polos", "labiales"),
 * diminutives ("polito", "labialcito", "tacita") and doubled letters from typing ("rrojo").
 */
export const stem = (token: string): string => {
  if (/^\d+$/.test(token)) return token;
  let word = token.replace(/(\p{L})\1+/gu, '$1');
  if (word.length <= 3) return word;
  word = word.replace(/(c|ec)?(it|ic)(o|a)s?$/, (match, _c, _i, vowel: string, offset: number) => (offset >= 3 ? vowel : match));
  if (word.length > 4 && /[^aeiou]es$/.test(word)) word = word.slice(0, -2);
  else if (word.length > 3 && /s$/.test(word)) word = word.slice(0, -1);
  // "polito" → "polo", "labialcito" → "labial": drop the final vowel so both meet.
  if (word.length > 4 && /[aeo]$/.test(word)) word = word.slice(0, -1);
  return word;
};

export const editDistance = (a: string, b: string): number => {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j] ?? 0;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length] ?? 3;
};
