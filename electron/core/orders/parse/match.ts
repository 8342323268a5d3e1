import type { AliasRule } from './aliases';
import { editDistance, stem, tokensOf } from './normalize';

export interface CatalogEntry {
  variantId: number;
  sku: string;
  productName: string;
  variantName: string;
  category: string;
  tags: string[];
  /** The regular price; a draft reads it (and today's promotion) through `CatalogIndex.priceOf`. */
  price?: number;
  /** Units on hand; among equally good matches the one in stock wins. Read through `CatalogIndex.stocksOf`. */
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
  /** Each entry's stems, found without walking every entry. */
  stemsOf: ReadonlyMap<CatalogEntry, readonly string[]>;
  /** The entries that have each stem: only those can score for a word near it. */
  entriesWith: ReadonlyMap<string, readonly IndexedEntry[]>;
  /** The stems a word can be a typo or the start of (letters, three or more): numbers match only themselves. */
  wordStems: readonly string[];
  /** What an order line costs today; the entry's own price unless the draft reads it fresh. */
  priceOf(entry: CatalogEntry): number;
  /** Units on hand by variant id, for ties only: the entries' own counts unless the draft reads them fresh, all in one go. */
  stocksOf(entries: readonly CatalogEntry[]): ReadonlyMap<number, number>;
}

export const indexCatalog = (catalog: CatalogEntry[], aliases: readonly AliasRule[] = []): CatalogIndex => {
  // A shop's names share most of their words: each word is stemmed once per index, not once per name.
  const stems = new Map<string, string>();
  const stemOf = (token: string): string => {
    const known = stems.get(token);
    if (known !== undefined) return known;
    const value = stem(token);
    stems.set(token, value);
    return value;
  };
  const pairs = new Set<string>();
  const entries = catalog.map((entry) => {
    const names = tokensOf(`${entry.productName} ${entry.variantName}`);
    const named = names.map(stemOf);
    for (let i = 1; i < named.length; i += 1) pairs.add(`${named[i - 1]} ${named[i]}`);
    const words = [...names, ...tokensOf(entry.tags.join(' '))].filter((t) => !stopwords.has(t));
    return { entry, stems: [...new Set(words.map(stemOf))] };
  });
  const documentFrequency = new Map<string, number>();
  const entriesWith = new Map<string, IndexedEntry[]>();
  for (const indexed of entries) {
    for (const s of indexed.stems) {
      documentFrequency.set(s, (documentFrequency.get(s) ?? 0) + 1);
      const some = entriesWith.get(s);
      if (some) some.push(indexed);
      else entriesWith.set(s, [indexed]);
    }
  }
  const count = Math.max(entries.length, 1);
  return {
    pairs,
    aliases,
    entries,
    weight: (s) => Math.log(1 + count / (documentFrequency.get(s) ?? count)),
    vocabulary: new Set(documentFrequency.keys()),
    stemsOf: new Map(entries.map(({ entry, stems }) => [entry, stems])),
    entriesWith,
    wordStems: [...documentFrequency.keys()].filter((s) => s.length >= 3 && !/^\d+$/.test(s)),
    priceOf: (entry) => entry.price ?? 0,
    stocksOf: (some) => new Map(some.map((entry) => [entry.variantId, entry.stock ?? 0])),
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
  const stems = index.stemsOf.get(entry) ?? [];
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
  // An entry none of whose stems is near a word scores nothing: only the entries of the stems near
  // some word are weighed, each word's nearness worked out once per stem, not once per entry.
  const near = words.map(nearStems(index));
  const candidates = new Set<IndexedEntry>();
  for (const stems of near) for (const s of stems.keys()) for (const indexed of index.entriesWith.get(s) ?? []) candidates.add(indexed);
  const scored: EntryScore[] = [];
  // In the index's order, so ties go where they always went.
  for (const indexed of index.entries) {
    if (!candidates.has(indexed)) continue;
    const { entry, stems } = indexed;
    let score = 0;
    let explained = 0;
    let isExact = false;
    for (const nearWord of near) {
      let top = 0;
      let topStem = '';
      for (const s of stems) {
        const value = nearWord.get(s) ?? 0;
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
    if (score > 0.6) scored.push({ entry, score, coverage: explained / words.length, isExact });
  }
  // Stock settles ties only, and only a tie at the top can decide the best (an entry further down
  // loses to the top on score whatever its stock): read for those, at once.
  const highest = Math.max(...scored.map((c) => c.score));
  const contenders = scored.filter((c) => c.score >= highest - 1e-6);
  const stock = contenders.length > 1 ? index.stocksOf(contenders.map((c) => c.entry)) : new Map<number, number>();
  const stockOf = (e: CatalogEntry) => stock.get(e.variantId) ?? 0;
  const isSameProduct = (e: CatalogEntry) => (context?.productName === e.productName ? 1 : 0);
  let best: EntryScore | null = null;
  for (const candidate of scored) {
    const isTie = best !== null && Math.abs(candidate.score - best.score) <= 1e-9;
    const isBetter =
      !best ||
      candidate.score > best.score + 1e-9 ||
      (isTie && isSameProduct(candidate.entry) > isSameProduct(best.entry)) ||
      (isTie && isSameProduct(candidate.entry) === isSameProduct(best.entry) && stockOf(candidate.entry) > stockOf(best.entry));
    if (isBetter) best = candidate;
  }
  const top = best;
  if (!top) return null;
  const isVague = scored.some((c) => c.entry !== top.entry && c.entry.productName === top.entry.productName && Math.abs(c.score - top.score) <= 1e-9);
  const rivalScore = Math.max(0, ...scored.filter((c) => c.entry.productName !== top.entry.productName).map((c) => c.score));
  return { ...top, isVague, rivalScore };
};

/** The catalog's stems near a word (the word itself, a typo of it, a longer word it starts), with how near. */
const nearStems =
  (index: CatalogIndex) =>
  (word: string): Map<string, number> => {
    const found = new Map<string, number>();
    if (index.vocabulary.has(word)) found.set(word, 1);
    // similarity() gives nothing else to a number or a word under three letters.
    if (/^\d+$/.test(word) || word.length < 3) return found;
    for (const s of index.wordStems) {
      if (s === word) continue;
      const value = similarity(word, s);
      if (value > 0) found.set(s, value);
    }
    return found;
  };
