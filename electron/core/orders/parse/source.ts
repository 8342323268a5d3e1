import { fold, stem, tokensOf } from './normalize';
import { isQuantityWord } from './quantities';
import { isFiller } from './match';

/** Folds the text one character at a time, remembering where each folded character came from. */
const foldWithOrigins = (text: string): { folded: string; origins: number[] } => {
  let folded = '';
  const origins: number[] = [];
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
    const piece = fold(char);
    for (let k = 0; k < piece.length; k += 1) origins.push(i);
    folded += piece;
    i += char.length;
  }
  origins.push(text.length);
  return { folded, origins };
};

/** A word that says nothing about the product: "quiero", "hola", "xfa", an emoji, a lone sign. */
const isEdgeFiller = (word: string): boolean => {
  const tokens = tokensOf(word);
  return tokens.every((t) => !isQuantityWord(t) && (isFiller(t) || isFiller(stem(t))));
};

/**
 * The customer's own words for a line, as she wrote them (accents, capitals): the phrase the parser
 * read, without the request and courtesy words around it ("hola quiero 2 Jaboncitos de avena xfa" →
 * "2 Jaboncitos de avena"). Falls back to the folded phrase when it cannot be found in the message.
 */
export const sourceWords = (original: string, phrase: string, isCatalogWord: (word: string) => boolean = () => false): string => {
  const words = [...phrase.matchAll(/\S+/g)];
  const first = words.findIndex((w) => !isEdgeFiller(w[0]));
  if (first < 0) return '';
  // "un jabón de avena para mi hermana": who it is for is not the product's name (unless the name goes on: "chocolate para taza").
  const purpose = words.findIndex((w, i) => i > first && /^(para|pa|hasta|desde)$/.test(w[0]) && !words.slice(i + 1).some((after) => tokensOf(after[0]).some(isCatalogWord)));
  let last = (purpose > 0 ? purpose : words.length) - 1;
  while (last > first && isEdgeFiller(words[last]?.[0] ?? '')) last -= 1;
  const start = words[first]?.index ?? 0;
  const end = (words[last]?.index ?? 0) + (words[last]?.[0].length ?? 0);
  const trimmed = phrase.slice(start, end);
  const { folded, origins } = foldWithOrigins(original);
  const at = folded.indexOf(trimmed);
  if (at < 0) return trimmed.slice(0, 200);
  return original.slice(origins[at], origins[at + trimmed.length]).replace(/[\s,.;:!?¿¡]+$/u, '').slice(0, 200);
};
