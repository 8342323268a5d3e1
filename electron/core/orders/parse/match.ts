import type { AliasRule } from './aliases';
import { editDistance, stem, tokensOf } from './normalize';

export interface CatalogEntry {
  variantId: number;
  sku: string;
  productName: string;
  variantName: string;
  category: string;
  tags: string[];
  price: number;
  /** Units on hand; among equally good matches the one in stock wins. */
  stock?: number;
  /** The product's id, for the shop's aliases (which name a product, or one of its variants). */
  productId?: number;
}

/** Words that never identify a product. */
const stopwords = new Set(
  'de del la el los las un una unos unas y o con sin para por en al a mi me te se le lo su sus que quiero queria quisiera dame deme das da separas separa separame mandas manda mandame envias enviame pedido pido encargo favor porfavor hola buenas buenos dias tardes noches gracias tambien mas otro otra otros otras este esta ese esa eso porque ya si no pero nada cada uno recojo recoger paso tienes tienen hay necesito llevo reservame reservas apuntame anota anotame vendes'.split(' '),
);

export interface IndexedEntry {
  entry: CatalogEntry;
  stems: string[];
}

export interface CatalogIndex {
  entries: IndexedEntry[];
  /** How telling a stem is: rare words (a color, a size) weigh more than common ones ("talla"). */
  weight(stem: string): number;
  /** Every stem that appears in the catalog, to tell product words from chatter. */
  vocabulary: Set<string>;
  /** Stems that follow each other in a catalog name ("tres lech"), so "torta tres leches" is not three. */
  pairs: Set<string>;
  /** The shop's own words for its products, learned from the seller's corrections. */
  aliases: readonly AliasRule[];
}

export const indexCatalog = (catalog: CatalogEntry[], aliases: readonly AliasRule[] = []): CatalogIndex => {
  const entries = catalog.map((entry) => ({
    entry,
    stems: [...new Set(tokensOf(`${entry.productName} ${entry.variantName} ${entry.tags.join(' ')}`).filter((t) => !stopwords.has(t)).map(stem))],
  }));
  const documentFrequency = new Map<string, number>();
  for (const { stems } of entries) for (const s of stems) documentFrequency.set(s, (documentFrequency.get(s) ?? 0) + 1);
  const count = Math.max(entries.length, 1);
  const pairs = new Set<string>();
  for (const entry of catalog) {
    const names = tokensOf(`${entry.productName} ${entry.variantName}`).map(stem);
    for (let i = 1; i < names.length; i += 1) pairs.add(`${names[i - 1]} ${names[i]}`);
  }
  return {
    pairs,
    aliases,
    entries,
    weight: (s) => Math.log(1 + count / (documentFrequency.get(s) ?? count)),
    vocabulary: new Set(documentFrequency.keys()),
  };
};

/** 1 for the same stem, less for a typo or a prefix, 0 for no match. */
const similarity = (word: string, candidate: string): number => {
  if (word === candidate) return 1;
  if (/^\d+$/.test(word) || /^\d+$/.test(candidate) || word.length < 3 || candidate.length < 3) return 0;
  const distance = editDistance(word, candidate);
  const allowed = Math.min(word.length, candidate.length) >= 7 ? 2 : Math.min(word.length, candidate.length) >= 4 ? 1 : 0;
  if (distance <= allowed) return 0.85 - 0.1 * distance;
  if (word.length >= 4 && candidate.startsWith(word)) return 0.7;
  return 0;
};

export const productWords = (tokens: string[]): string[] => tokens.filter((t) => !stopwords.has(t)).map(stem);

/** Product words without the ones that are filler once stemmed ("holaa" → "hola"): what aliases and confidence compare. */
export const contentWords = (tokens: string[]): string[] => productWords(tokens).filter((w) => !stopwords.has(w));

/** A word that never names a product ("quiero", "de", "porfa"). */
export const isFiller = (token: string): boolean => stopwords.has(token);

/**
 * The share of the telling words this entry explains (exactly or as a typo), for how sure a line is.
 * A word counts against it only where it names the thing: the first word after the count, or one
 * after "de", "sabor", "color", "talla" ("jaboncitos de coco"); "nomás", "al toque", "con el nombre
 * Ana" are chatter unless the entry explains them.
 */
export const coverageOf = (index: CatalogIndex, entry: CatalogEntry, words: { word: string; isTelling: boolean }[], isFromFirstMatch: boolean): number => {
  const stems = index.entries.find((e) => e.entry === entry)?.stems ?? [];
  const explained = words.map(({ word }) => stems.some((s) => similarity(word, s) > 0));
  // Without a count to mark where the product begins, words before it are chatter ("me gustó la vela").
  const from = isFromFirstMatch ? Math.max(0, explained.indexOf(true)) : 0;
  const counted = explained.slice(from).filter((isExplained, i) => isExplained || words[from + i]?.isTelling);
  return counted.length === 0 ? 1 : counted.filter(Boolean).length / counted.length;
};

export interface EntryScore {
  entry: CatalogEntry;
  score: number;
  /** The share of the customer's words the entry explains. */
  coverage: number;
  /** Another variant of the same product fits as well: "2 polos" without saying which. */
  isVague?: boolean;
  /** At least one word matched exactly, not only as a typo ("mamá" is near "llama" but is not it). */
  isExact: boolean;
  /** The best score of another product (0 if none scored), to tell a clear match from a close call. */
  rivalScore?: number;
}

/**
 * Scores every entry against the customer's words. The best entry must match at least one
 * telling word; among near-equal scores, a variant of the product named just before wins
 * ("una vela de lavanda y otra de vainilla" is a candle, not a vanilla cupcake), then the one
 * with stock (the seller can change it).
 */
export const bestEntry = (index: CatalogIndex, words: string[], context: CatalogEntry | null = null): EntryScore | null => {
  if (words.length === 0) return null;
  let best: EntryScore | null = null;
  const scored: EntryScore[] = [];
  for (const { entry, stems } of index.entries) {
    let score = 0;
    let explained = 0;
    let isExact = false;
    for (const word of words) {
      let top = 0;
      let topStem = '';
      for (const s of stems) {
        const value = similarity(word, s);
        if (value > top) [top, topStem] = [value, s];
      }
      if (top > 0) {
        isExact ||= top === 1;
        score += top * index.weight(topStem);
        explained += 1;
      }
    }
    // A word the customer wrote that contradicts this entry (another color or size in the catalog) counts against it.
    const contradicting = words.filter((w) => index.vocabulary.has(w) && !stems.includes(w)).length;
    score -= contradicting * 0.35;
    if (score <= 0.6) continue;
    const candidate = { entry, score, coverage: explained / words.length, isExact };
    scored.push(candidate);
    const isSameProduct = (e: CatalogEntry) => (context?.productName === e.productName ? 1 : 0);
    const isTie = best !== null && Math.abs(candidate.score - best.score) <= 1e-9;
    const isBetter =
      !best ||
      candidate.score > best.score + 1e-9 ||
      (isTie && isSameProduct(candidate.entry) > isSameProduct(best.entry)) ||
      (isTie && isSameProduct(candidate.entry) === isSameProduct(best.entry) && (candidate.entry.stock ?? 0) > (best.entry.stock ?? 0));
    if (isBetter) best = candidate;
  }
  const top = best;
  if (!top) return null;
  const isVague = scored.some((c) => c.entry !== top.entry && c.entry.productName === top.entry.productName && Math.abs(c.score - top.score) <= 1e-9);
  const rivalScore = Math.max(0, ...scored.filter((c) => c.entry.productName !== top.entry.productName).map((c) => c.score));
  return { ...top, isVague, rivalScore };
};
