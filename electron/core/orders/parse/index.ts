import { findDate } from './dates';
import type { DoubtReason, DraftConfidence } from '../../../../shared/domain/drafts';
import { findAlias, type AliasRule } from './aliases';
import { confidenceOf, type Evidence } from './confidence';
import { bestEntry, contentWords, coverageOf, indexCatalog, productWords, type CatalogEntry, type CatalogIndex, type EntryScore } from './match';
import { sourceWords } from './source';
import { fold, stem, tokensOf } from './normalize';
import { findQuantity, type QuantityMatch } from './quantities';
import { clausesOf, hasOrderIntent, isAboutPlacedOrder, isCancelling, isGreeting, isOnlyAsking, isThanks } from './intent';

export type { CatalogEntry, CatalogIndex } from './match';
export { indexCatalog } from './match';
export { clausesOf, hasOrderIntent, isAboutPlacedOrder, isCancelling, isOnlyAsking, isThanks } from './intent';

export { aliasKey, aliasPhraseOf, toAliasRule, type AliasRule } from './aliases';

export interface DraftItem {
  variantId: number;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  /** 'check' lines are shown first, with why. */
  confidence: DraftConfidence;
  score: number;
  reasons: DoubtReason[];
  /** The customer's words this line came from, as she wrote them. */
  words: string;
  /** The words are one the shop taught the draft (an alias). */
  isLearned: boolean;
}

/** Words with a count (or an article) that name nothing in the catalog: the seller picks the product. */
export interface UnknownPhrase {
  words: string;
  quantity: number;
}

export interface ParsedOrderText {
  items: DraftItem[];
  deliveryDate: string | null;
  unmatched: string[];
  unknown: UnknownPhrase[];
}

/** "vivo en surco", "mi dirección es…": where she lives names no product ("vivo" must not become "Vino Tinto"). */
const placePhrase =
  /^(vivo|vivimos|estoy en|estamos en|soy de|queda en|mi casa|mi direccion|direccion|av|avenida|jr|jiron|calle|urb|urbanizacion|distrito|entrega en|envio a|enviar a|mandar a|mandalo a)\b/;

/** Splits a message into the phrases that can each name one product: "1 polo negro M, 1 jean 28 y un gorro". */
export const phrasesOf = (folded: string): string[] =>
  folded
    .split(/[,;\n]|\s+y\s+|\s+e\s+|\s+mas\s+|\s+\+\s+|\.\s+|\s+tambien\s+/)
    .map((p) => p.trim())
    .filter(Boolean);

/** "1/2 docena" is half a dozen, never the first of February. */
export const withPlainFractions = (text: string): string => text.replace(/\b1\s*\/\s*2\s+(docenas?)\b/gi, 'media $1');

interface PhraseReading {
  entry: CatalogEntry | null;
  /** The entry came from the shop's alias for these words. */
  isLearned: boolean;
  /** Another product scored nearly as well. */
  isAmbiguous: boolean;
  coverage: number;
  /** The phrase names the product but not which variant. */
  isVague: boolean;
  isExact: boolean;
  quantity: QuantityMatch | null;
  /** The words left once the quantity is taken out, for a breakdown to borrow. */
  rest: string[];
  /** A count of something the catalog does not have ("3 jabones de coco"), for the seller to see. */
  isUnknown: boolean;
}

/**
 * Reads a chat message into an order draft against the shop's catalog: products (typos, plurals,
 * diminutives, no accents), quantities (digits, words, "un par", "media docena") and the delivery day.
 * It reads clause by clause: a question names a product ("¿tienes el gorro?") that a later request
 * may order without naming it ("si hay me guardas 3"); thanks, cancellations and questions about an
 * order already placed order nothing. Nothing here is saved; the seller confirms or edits the draft.
 */
export const parseOrderText = (text: string, catalog: CatalogEntry[] | CatalogIndex, options: { now: number; timeZone: string }): ParsedOrderText => {
  const plain = withPlainFractions(text);
  const folded = fold(plain);
  if (isAboutPlacedOrder(folded)) return { items: [], deliveryDate: null, unmatched: [], unknown: [] };
  // Reading many messages (a chat's timeline) indexes the catalog once and hands the index in.
  const index = Array.isArray(catalog) ? indexCatalog(catalog) : catalog;
  const found = findDate(plain, options.now, options.timeZone, (word) => index.vocabulary.has(stem(word)));
  const isCatalogWord = (word: string) => index.vocabulary.has(stem(word));
  const withoutDate = found ? folded.replace(found.phrase, ' ') : folded;
  const items = new Map<number, Omit<DraftItem, 'confidence' | 'score' | 'reasons' | 'words' | 'isLearned'> & { isImplicit: boolean; evidence: Evidence }>();
  const unmatched: string[] = [];
  const unknown: UnknownPhrase[] = [];
  let lastNamed: CatalogEntry | null = null;
  // How the product named last was read, for a line that takes it ("sepárame 2").
  let lastEvidence: Evidence | null = null;
  // The count said with it ("¿cuánto sería por 50 alfajores? … te los pido"), for a request that names nothing.
  let lastNamedCount: QuantityMatch | null = null;

  const read = (phrase: string, borrowed: string[] = []): PhraseReading => {
    const tokens = tokensOf(phrase);
    // A number right after a product word ("tono 3", "jean 28", "perfume de 50") names a variant.
    const isProductWord = (i: number) => index.vocabulary.has(stem(tokens[i] ?? ''));
    const isInName = (a: number, b: number) => index.pairs.has(`${stem(tokens[a] ?? '')} ${stem(tokens[b] ?? '')}`);
    const quantity = findQuantity(
      tokens,
      (i) =>
        (/^\d+$/.test(tokens[i] ?? '') && index.vocabulary.has(tokens[i] ?? '') && (isProductWord(i - 1) || (tokens[i - 1] === 'de' && isProductWord(i - 2)))) ||
        isInName(i - 1, i) ||
        isInName(i, i + 1),
    );
    const rest = quantity ? [...tokens.slice(0, quantity.start), ...tokens.slice(quantity.end)] : tokens;
    const words = productWords([...borrowed, ...rest]).filter((w) => w.length > 0);
    // The shop's own words for a product beat any likeness to a catalog name.
    const alias = findAlias(index.aliases, contentWords([...borrowed, ...rest]));
    const learned = alias ? aliasEntry(index, alias, words) : null;
    const match = learned ?? bestEntry(index, words, lastNamed);
    const isUnknown = !match && quantity !== null && productWords(rest).length > 0;
    // "un polo para mi hermana": what follows "para" is about someone, not the product.
    // A count marks where the product's words begin ("quiero 2 cremitas de rosa").
    const named = quantity && quantity.end < tokens.length ? tokens.slice(quantity.end) : rest;
    const purpose = named.findIndex((t, i) => i > 0 && /^(para|pa|hasta|desde|en)$/.test(t));
    const own = purpose > 0 ? named.slice(0, purpose) : named;
    const ownWords = [
      ...contentWords(borrowed).map((word) => ({ word, isTelling: true })),
      ...own.flatMap((token, i) => {
        const [word] = contentWords([token]);
        if (word === undefined) return [];
        const isHead = contentWords(own.slice(0, i)).length === 0;
        return [{ word, isTelling: isHead || /^(de|sabor|color|talla|tono|modelo)$/.test(own[i - 1] ?? '') }];
      }),
    ];
    return {
      entry: match?.entry ?? null,
      isLearned: learned !== null,
      isAmbiguous: !learned && match !== null && (match.rivalScore ?? 0) >= match.score * 0.85,
      coverage: match && !learned ? coverageOf(index, match.entry, ownWords, named === rest) : 1,
      isVague: match?.isVague ?? false,
      isExact: match?.isExact ?? false,
      quantity,
      rest,
      isUnknown,
    };
  };
  // "¿me das 2 polos? uno blanco y uno negro": counts for variants, said later, that add up to a
  // count given without a variant break it down; the vague count is taken back at the end.
  const vagueCounts: { entry: CatalogEntry; quantity: number; later: number }[] = [];
  const add = (entry: CatalogEntry, quantity: QuantityMatch | null, isVague: boolean, evidence: Evidence) => {
    const previous = items.get(entry.variantId);
    const count = quantity?.quantity ?? 1;
    // A line keeps the words that named its product; a later count only settles how many.
    const reasons = new Set(previous ? previous.evidence.reasons : evidence.reasons);
    if (quantity === null && (!previous || previous.isImplicit)) reasons.add('assumedQuantity');
    else reasons.delete('assumedQuantity');
    for (const vague of vagueCounts) if (quantity && !isVague && vague.entry.productName === entry.productName) vague.later += count;
    if (isVague && quantity) vagueCounts.push({ entry, quantity: count, later: 0 });
    items.set(entry.variantId, {
      variantId: entry.variantId,
      sku: entry.sku,
      name: [entry.productName, entry.variantName].filter(Boolean).join(' – '),
      // "la bufanda…, sepárame 2": a count said after the product replaces the one assumed.
      quantity: previous && !previous.isImplicit ? previous.quantity + count : count,
      unitPrice: index.priceOf(entry),
      isImplicit: quantity === null && (!previous || previous.isImplicit),
      evidence: { ...(previous?.evidence ?? evidence), reasons },
    });
  };
  const evidenceOf = (reading: PhraseReading, phrase: string): Evidence => {
    const reasons = new Set<DoubtReason>();
    if (!reading.isLearned && !reading.isExact) reasons.add('fuzzy');
    if (reading.isAmbiguous) reasons.add('ambiguous');
    if (reading.isVague) reasons.add('variantGuessed');
    if (reading.coverage < 1) reasons.add('partial');
    return { reasons, coverage: reading.coverage, words: sourceWords(plain, phrase, isCatalogWord), isLearned: reading.isLearned };
  };
  /** A line that takes the product named before: as sure as that naming, and a little less. */
  const inferred = (): Evidence => {
    const base = lastEvidence ?? { reasons: new Set<DoubtReason>(), coverage: 1, words: '', isLearned: false };
    return { ...base, reasons: new Set([...base.reasons, 'inferred']) };
  };

  let hasAsked = false;
  let wasAsking = false;
  for (const clause of clausesOf(withoutDate)) {
    if (isCancelling(clause.text) || isThanks(clause.text)) {
      hasAsked = true;
      continue;
    }
    const isAsking = isOnlyAsking(clause.text, clause.isQuestion);
    hasAsked ||= isAsking;
    const isOrdering = !isAsking && hasOrderIntent(clause.text);
    // "¿qué precio tiene la vela? la de lavanda": a bare product after a question still asks.
    const isFollowUp: boolean = wasAsking && !isOrdering;
    wasAsking = isAsking || isFollowUp;
    const before = items.size;
    let isPreviousBare = false;
    for (const { phrase, borrowed } of phrasesWithBreakdown(clause.text, read, index)) {
      if (isGreeting(phrase) || placePhrase.test(phrase)) continue;
      const reading = read(phrase, borrowed);
      // Recorded here, not in read(): a breakdown probe reads the same phrase once more.
      if (reading.isUnknown) {
        unmatched.push(phrase);
        unknown.push({ words: sourceWords(plain, phrase, isCatalogWord), quantity: reading.quantity?.quantity ?? 1 });
      }
      // Chatter with neither a count nor a request ("es para mi mamá") names a product only by exact words.
      if (reading.entry && !reading.isExact && !reading.quantity && !isOrdering) continue;
      if (reading.entry) [lastNamed, lastNamedCount, lastEvidence] = [reading.entry, reading.quantity, evidenceOf(reading, phrase)];
      const isBare = reading.entry !== null && reading.quantity === null;
      const isCountForPrevious = isPreviousBare && reading.entry === null && reading.quantity !== null;
      isPreviousBare = isBare;
      if (isAsking || (isFollowUp && reading.quantity === null)) continue;
      if (reading.entry) add(reading.entry, reading.quantity, reading.isVague, evidenceOf(reading, phrase));
      // "las velas… sepárame una de cada una": the count is for every variant of the product named.
      else if (lastNamed && /\bde cada\b/.test(phrase) && (isOrdering || isCountForPrevious)) {
        const family = lastNamed.productName;
        for (const { entry } of index.entries) if (entry.productName === family) add(entry, reading.quantity, false, inferred());
      }
      // "cupcakes, 15 para el lunes": a bare count right after a bare product counts it.
      else if (isCountForPrevious && lastNamed) add(lastNamed, reading.quantity, false, inferred());
      // "sepárame 2" after the product was named: the count is for that product.
      // "¿tienes gorros? 2 porfa": a count answering her own question orders what she asked about.
      else if (reading.quantity && lastNamed && (isOrdering || isFollowUp)) add(lastNamed, reading.quantity, false, inferred());
    }
    // "¿el jean es talla 28? Si es así me lo separas": a request that names nothing orders what was asked about.
    if (isOrdering && items.size === before && lastNamed && !items.has(lastNamed.variantId)) add(lastNamed, lastNamedCount, false, inferred());
    // "quiero el rosadito": a request whose words name nothing is still shown, for the seller to say what it is.
    else if (isOrdering && items.size === before && !lastNamed) unknown.push(...unknownWithoutCount(clause.text, read, plain, unknown, isCatalogWord));
  }
  for (const vague of vagueCounts) {
    const item = items.get(vague.entry.variantId);
    if (!item || vague.later !== vague.quantity) continue;
    if (item.quantity > vague.quantity) item.quantity -= vague.quantity;
    else items.delete(vague.entry.variantId);
  }
  const drafted = [...items.values()].map(({ isImplicit: _, evidence, ...item }) => ({
    ...item,
    ...confidenceOf(evidence),
    words: evidence.words,
    isLearned: evidence.isLearned,
  }));
  // A message that only asks or thanks names no delivery day either.
  const deliveryDate = drafted.length > 0 || !hasAsked ? (found?.date ?? null) : null;
  return { items: drafted, deliveryDate, unmatched, unknown };
};

/**
 * "quiero 6 polos: 4 blancos y 2 negros" is six polos, broken down: when the counts after the colon
 * add up to the one before it, only the breakdown is read, each part borrowing the head's words.
 */
const phrasesWithBreakdown = (
  clause: string,
  read: (phrase: string) => PhraseReading,
  index: CatalogIndex,
): { phrase: string; borrowed: string[] }[] => {
  const colon = clause.indexOf(':');
  if (colon > 0) {
    const head = read(clause.slice(0, colon));
    const parts = phrasesOf(clause.slice(colon + 1));
    if (isBreakdownOf(head, parts, index, false)) return parts.map((phrase) => ({ phrase, borrowed: head.rest }));
  }
  const phrases = phrasesOf(clause);
  // Without a colon ("dos tazas, una con foto y otra con nombre") the parts must not name another product.
  const [first, ...parts] = phrases;
  if (first !== undefined && parts.length >= 2) {
    const head = read(first);
    if (head.entry && isBreakdownOf(head, parts, index, true)) return [...parts.map((phrase) => ({ phrase, borrowed: head.rest }))];
  }
  return phrases.map((phrase) => ({ phrase, borrowed: [] }));
};

/** The parts' counts ("otra" counting one) add up to the head's, and none names a different product. */
const isBreakdownOf = (head: PhraseReading, parts: string[], index: CatalogIndex, isSameProductNeeded: boolean): boolean => {
  if (head.quantity === null) return false;
  const counts = parts.map((part) => {
    const tokens = tokensOf(part);
    return findQuantity(tokens)?.quantity ?? (/^(otr[oa]s?)$/.test(tokens[0] ?? '') ? 1 : 0);
  });
  const isSum = counts.every((c) => c > 0) && counts.reduce((a, b) => a + b, 0) === head.quantity.quantity;
  if (!isSum || !isSameProductNeeded) return isSum;
  return parts.every((part) => {
    const own = bestEntry(index, productWords(tokensOf(part)));
    return own === null || own.entry.productName === head.entry?.productName;
  });
};

/** An article before the words ("el rosadito", "unas vinchas") says they name a thing she wants. */
const namesAThing = /\b(el|la|los|las|unos|unas|este|esta|estos|estas|ese|esa|esos|esas)\s+\p{L}/u;

const unknownWithoutCount = (clause: string, read: (phrase: string) => PhraseReading, plain: string, known: UnknownPhrase[], isCatalogWord: (word: string) => boolean): UnknownPhrase[] =>
  phrasesOf(clause).flatMap((phrase) => {
    if (!namesAThing.test(phrase) || placePhrase.test(phrase)) return [];
    const reading = read(phrase);
    if (reading.entry || reading.quantity || productWords(reading.rest).length === 0) return [];
    const words = sourceWords(plain, phrase, isCatalogWord);
    return words && !known.some((u) => u.words === words) ? [{ words, quantity: 1 }] : [];
  });

/**
 * The catalog entry an alias names: its variant when the seller picked one; else the variant the
 * other words pick ("el rosadito en talla M"), else the one in stock, marked as a guess.
 */
const aliasEntry = (index: CatalogIndex, alias: AliasRule, words: string[]): EntryScore | null => {
  const family = index.entries.filter(({ entry }) => entry.productId === alias.productId);
  const exact = family.find(({ entry }) => entry.variantId === alias.variantId);
  const sure = { score: Number.MAX_SAFE_INTEGER, coverage: 1, isExact: true, rivalScore: 0, isVague: false };
  if (exact) return { entry: exact.entry, ...sure };
  const [only, ...others] = family;
  if (!only) return null;
  if (others.length === 0) return { entry: only.entry, ...sure };
  const rest = words.filter((w) => !alias.words.includes(w));
  const picked = bestEntry({ ...index, entries: family }, rest);
  if (picked && !picked.isVague) return { entry: picked.entry, ...sure };
  const stock = index.stocksOf(family.map(({ entry }) => entry));
  const inStock = family.reduce((a, b) => ((stock.get(b.entry.variantId) ?? 0) > (stock.get(a.entry.variantId) ?? 0) ? b : a));
  return { entry: inStock.entry, ...sure, isVague: true };
};
