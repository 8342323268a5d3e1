import { findDate } from './dates';
import { parseOrderText, phrasesOf, withPlainFractions, type DraftItem, type ParsedOrderText, type UnknownPhrase } from './index';
import { confidenceOf } from './confidence';
import { clausesOf, hasOrderIntent, isAboutPlacedOrder, isCancelling, isOnlyAsking, isThanks } from './intent';
import { bestEntry, indexCatalog, productWords, type CatalogEntry, type CatalogIndex } from './match';
import { editDistance, fold, stem, tokensOf } from './normalize';
import { findQuantity, type QuantityMatch } from './quantities';

/** One line of the draft being built, with what the messages said of it so far. */
interface Line {
  item: DraftItem;
  entry: CatalogEntry;
  /** The customer named the variant ("el rojo"), not only the product the parser picked one of. */
  isVariantChosen: boolean;
}

/** "ya no el rimel", "mejor sin el rubor", "quítale el delineador": what the intent rules call a cancellation, and more. */
const dropping = /^(y\s+)?(ya\s+no|mejor\s+no|mejor\s+sin|no\s+(me\s+)?(mandes|envies|separes|pongas|incluyas)|quit(a|ale|ame|en)|sac(a|ale|ame)|borr(a|ale)|olvid(a|ate|alo|ala))\b/;
const everything = /\b(todo|nada|pedido)\b/;
/** "dame 2 más", "otros 2": a count that adds to the one before instead of replacing it. */
const adding = /\b(mas|otr[oa]s?)\b/;
/** Numbers that are times, distances or money, never how many: "a las 3", "en 2 dias", "3 cuadras". */
const notCount = new Set(['pm', 'am', 'hrs', 'hr', 'h', 'horas', 'hora', 'min', 'minutos', 'dias', 'dia', 'semanas', 'semana', 'cuadras', 'soles', 'sol', 'lucas', 'anos', 'meses']);
/** Words around a bare count that are not products: "mejor 3 nomas", "que sean 2 entonces". */
const filler = new Set(['mejor', 'sean', 'seria', 'serian', 'nomas', 'noma', 'solo', 'entonces', 'ok', 'oka', 'okey', 'dale', 'bueno', 'ya', 'listo', 'pon', 'ponme', 'poneme', 'unidad', 'unidades', 'piezas', 'amiga', 'vecina', 'linda', 'igual', 'mismo', 'misma']);

const lineName = (entry: CatalogEntry) => [entry.productName, entry.variantName].filter(Boolean).join(' – ');

/**
 * Reads an order a customer spread over several messages ("quiero el labial" … "el rojo" … "dame 2")
 * into one draft, oldest message first. Each clause is read by the one-message parser, with what the
 * earlier ones named as context: a clause naming only a variant refines the product named before, a
 * bare count sets the last product's quantity, a cancellation removes it, and a day said anywhere applies.
 */
export const parseOrderMessages = (
  texts: string[],
  catalog: CatalogEntry[] | CatalogIndex,
  options: { now: number; timeZone: string },
): ParsedOrderText => {
  const index = Array.isArray(catalog) ? indexCatalog(catalog) : catalog;
  const byId = new Map(index.entries.map(({ entry }) => [entry.variantId, entry]));
  const lines: Line[] = [];
  const unmatched: string[] = [];
  const unknown: UnknownPhrase[] = [];
  // Clauses are read folded (no accents, lower case); a line's words are shown as she wrote them.
  let currentPlain = '';
  let deliveryDate: string | null = null;
  /** The product named last, ordered or only asked about: what a bare count or "me lo separas" is for. */
  let last: CatalogEntry | null = null;
  /** "¿cuánto por 3?" asks with a count that a later "ya, sepáralos" orders. */
  let askedCount: number | null = null;

  // The same phrase is weighed more than once (whether it refines, counts or orders): scored once.
  const scores = new Map<string, ReturnType<typeof bestEntry>>();
  const best = (words: string[], context: CatalogEntry | null = null) => {
    const key = `${words.join(' ')}|${context?.productName ?? ''}`;
    if (!scores.has(key)) scores.set(key, bestEntry(index, words, context));
    return scores.get(key) ?? null;
  };
  // Looked up per word of every message: built once, not per look-up, so a large catalog stays fast.
  const families = new Map<string, CatalogEntry[]>();
  for (const { entry } of index.entries) families.set(entry.productName, [...(families.get(entry.productName) ?? []), entry]);
  const family = (entry: CatalogEntry) => families.get(entry.productName) ?? [entry];
  const nameStems = (entry: CatalogEntry) => new Set(tokensOf(`${entry.productName} ${entry.tags.join(' ')}`).map(stem));
  const ownStems = new Map<number, string[]>();
  /** Stems of the variant's own name that the product's name does not have: "roj" of "Labial – Rojo". */
  const variantStems = (entry: CatalogEntry): string[] => {
    const known = ownStems.get(entry.variantId);
    if (known) return known;
    const shared = nameStems(entry);
    const own = tokensOf(entry.variantName).map(stem).filter((s) => !shared.has(s));
    ownStems.set(entry.variantId, own);
    return own;
  };
  const isNear = (word: string, stems: string[]) => stems.some((s) => s === word || (word.length >= 4 && s.length >= 4 && editDistance(word, s) <= 1));
  const namesVariant = (entry: CatalogEntry, words: string[]) => family(entry).length <= 1 || words.some((w) => isNear(w, variantStems(entry)));
  const lineOf = (entry: CatalogEntry) => lines.find((l) => l.item.variantId === entry.variantId) ?? lines.find((l) => l.entry.productName === entry.productName);

  const put = (entry: CatalogEntry, quantity: number, isVariantChosen: boolean, base?: DraftItem) => {
    // Spreading the parser's own item keeps whatever else it says of a line.
    // A line made from context alone (a product asked about, then "dame 2") is inferred, as in one message.
    const doubt = base ?? { ...confidenceOf({ reasons: new Set(['inferred']), coverage: 1, words: '', isLearned: false }), words: entry.productName, isLearned: false };
    const item = { ...doubt, variantId: entry.variantId, sku: entry.sku, name: lineName(entry), quantity, unitPrice: index.priceOf(entry) } satisfies DraftItem;
    lines.push({ item, entry, isVariantChosen });
  };
  const switchVariant = (line: Line, entry: CatalogEntry, quantity: number) => {
    // The customer has now named the variant herself: that doubt is gone.
    const reasons = new Set(line.item.reasons.filter((r) => r !== 'variantGuessed'));
    const doubt = confidenceOf({ reasons, coverage: 1, words: line.item.words, isLearned: line.item.isLearned });
    line.item = { ...line.item, ...doubt, variantId: entry.variantId, sku: entry.sku, name: lineName(entry), quantity, unitPrice: index.priceOf(entry) };
    line.entry = entry;
    line.isVariantChosen = true;
  };
  const knownEntries = () => [...lines.map((l) => l.entry), ...(last ? [last] : [])];
  /** "el de 50" after the perfume names its 50 ml, not fifty perfumes. */
  const isVariantNumber = (token: string) =>
    /^\d+$/.test(token) && knownEntries().some((k) => family(k).some((entry) => variantStems(entry).includes(token)));

  /** A count that keeps the numbers that are part of a product's name ("el de 50") out. */
  const countIn = (tokens: string[]): QuantityMatch | null => {
    const found = findQuantity(tokens, (i) => isVariantNumber(tokens[i] ?? ''));
    if (!found || (found.start === 0 && isVariantNumber(tokens[0] ?? ''))) return null;
    if (notCount.has(tokens[found.end] ?? '') || tokens[found.start - 1] === 'las') return null;
    return found;
  };

  /** "el rojo", "en talla M", "mejor el de 50": a clause that names a variant of a product already named. */
  const refine = (phrase: string, isAsking: boolean, isDry = false): boolean => {
    if (!last && lines.length === 0) return false;
    const tokens = tokensOf(phrase);
    const known = knownEntries();
    const quantity = countIn(tokens);
    const rest = quantity ? [...tokens.slice(0, quantity.start), ...tokens.slice(quantity.end)] : tokens;
    const words = productWords(rest);
    // Cheap first: without a word of a known product's variants there is nothing to refine.
    const knownVariantStems = known.flatMap((k) => family(k).flatMap(variantStems));
    if (!words.some((w) => isNear(w, knownVariantStems))) return false;
    const match = best(words, last);
    if (!match || !known.some((k) => k.productName === match.entry.productName)) return false;
    const own = nameStems(match.entry);
    const variantWords = words.filter((w) => !own.has(w));
    if (!variantWords.some((w) => isNear(w, variantStems(match.entry)))) return false;
    if (isDry) return true;
    last = match.entry;
    const line = lineOf(match.entry);
    const count = quantity?.quantity;
    if (line && line.item.variantId === match.entry.variantId) {
      if (count && !isAsking) line.item.quantity = count;
      line.isVariantChosen = true;
    } else if (line && !line.isVariantChosen) {
      // "quiero el labial" … "¿tienes en rojo?": even asking, she says which one she wants.
      switchVariant(line, match.entry, count && !isAsking ? count : line.item.quantity);
    } else if (line && /^(mejor|no|cambia|cambialo|cambiamelo|en vez)\b/.test(phrase)) {
      switchVariant(line, match.entry, count ?? line.item.quantity);
    } else if (!isAsking) put(match.entry, count ?? 1, true);
    return true;
  };

  /** "dame 2", "mejor 3", "si hay me guardas 3": a count with no product is for the last one named. */
  const countForLast = (phrase: string, isAsking: boolean, isDry = false): boolean => {
    const tokens = tokensOf(phrase);
    const quantity = countIn(tokens);
    const rest = quantity ? [...tokens.slice(0, quantity.start), ...tokens.slice(quantity.end)] : tokens;
    const words = productWords(rest).filter((w) => !filler.has(w));
    const isOrdering = hasOrderIntent(phrase);
    if ((!quantity && !isOrdering) || !last) return false;
    if (best(productWords(rest)) !== null) return false;
    if (!quantity) {
      // "ya, sepáramelo": a request naming nothing orders what she asked about.
      if (!isOrdering || isAsking || !last || lineOf(last)) return false;
      if (isDry) return true;
      put(last, askedCount ?? 1, namesVariant(last, []));
      return true;
    }
    if (!last || (words.length > 2 && !isOrdering)) return false;
    if (isDry) return true;
    if (isAsking) {
      askedCount = quantity.quantity;
      return true;
    }
    const line = lineOf(last);
    if (!line) put(last, quantity.quantity, namesVariant(last, []));
    else line.item.quantity = adding.test(phrase) ? line.item.quantity + quantity.quantity : quantity.quantity;
    return true;
  };

  /** "ya no el rímel", "quítale 1 labial", "cancela todo": takes out what was ordered before. */
  const drop = (clause: string) => {
    if (everything.test(clause) && !/\b(todo|nada)\s+(el|la|los|las)\b/.test(clause)) {
      lines.length = 0;
      return;
    }
    const tokens = tokensOf(clause);
    const quantity = findQuantity(tokens);
    const rest = quantity ? [...tokens.slice(0, quantity.start), ...tokens.slice(quantity.end)] : tokens;
    const match = best(productWords(rest), last);
    const line = match ? lineOf(match.entry) : lines.at(-1);
    if (!line) return;
    if (quantity && line.item.quantity > quantity.quantity) line.item.quantity -= quantity.quantity;
    else lines.splice(lines.indexOf(line), 1);
  };

  /** Any other clause: the one-message parser reads it; its lines join the draft's. */
  const read = (text: string) => {
    // Lines of this same reading are distinct ("una de cada una"); only earlier ones can be the same line.
    const earlier = [...lines];
    const parsed = parseOrderText(text, index, options);
    unmatched.push(...parsed.unmatched);
    unknown.push(...parsed.unknown);
    const tokens = tokensOf(text);
    const words = productWords(tokens);
    const isCountSaid = findQuantity(tokens) !== null;
    for (const parsedItem of parsed.items) {
      const item = { ...parsedItem, words: asWritten(currentPlain, parsedItem.words) };
      const entry = byId.get(item.variantId);
      if (!entry) continue;
      last = entry;
      const isVariantChosen = namesVariant(entry, words);
      const line = lines.find((l) => l.item.variantId === entry.variantId) ?? earlier.find((l) => l.entry.productName === entry.productName);
      if (line && (line.item.variantId === entry.variantId || !isVariantChosen)) {
        // "del rímel dame 2": the product named again without its variant is the line already there.
        if (isCountSaid) line.item.quantity = item.quantity;
        line.isVariantChosen ||= isVariantChosen;
        last = line.entry;
      } else if (line && !line.isVariantChosen) switchVariant(line, entry, isCountSaid ? item.quantity : line.item.quantity);
      else put(entry, item.quantity, isVariantChosen, item);
    }
    // A question orders nothing but says what a later "dame 2" is about.
    if (parsed.items.length === 0) {
      const named = best(words, last);
      if (named?.isExact) last = named.entry;
      // "¿el jean es talla 28?" asks about a size, not for 28 jeans.
      const count = countIn(tokens);
      if (named?.isExact && count) askedCount = count.quantity;
    }
  };

  for (const text of texts) {
    const plain = withPlainFractions(text.slice(0, 2000));
    currentPlain = plain;
    const folded = fold(plain);
    if (isAboutPlacedOrder(folded)) continue;
    const found = findDate(plain, options.now, options.timeZone, (word) => index.vocabulary.has(stem(word)));
    // The day stays in what the parser reads ("para el sábado 2 gorros" is two); the checks below go without it.
    const withoutDate = (phrase: string) => (found ? phrase.replace(found.phrase, ' ').trim() : phrase);
    let hasAsked = false;
    let wasAsking = false;
    for (const clause of clausesOf(folded)) {
      if (isCancelling(clause.text) || dropping.test(withoutDate(clause.text))) {
        hasAsked = true;
        drop(withoutDate(clause.text));
        continue;
      }
      const isAsking = isOnlyAsking(clause.text, clause.isQuestion);
      // "¿qué precio tiene la vela? la de lavanda": in the same message, a bare variant after a question still asks.
      const isFollowUp: boolean = wasAsking && !hasOrderIntent(clause.text);
      hasAsked ||= isAsking || isThanks(clause.text);
      wasAsking = isAsking || isFollowUp;
      // "el rojo y un rímel": a phrase that only names a variant or only a count uses what came
      // before it; the others are read together, as one message would be.
      const others: string[] = [];
      const flush = () => {
        if (others.length > 0) read(`${others.join(', ')}${clause.isQuestion ? '?' : ''}`);
        others.length = 0;
      };
      const isContextual = (phrase: string, isDry: boolean) => countForLast(phrase, isAsking, isDry) || refine(phrase, isAsking || isFollowUp, isDry);
      for (const phrase of phrasesOf(clause.text)) {
        if (!isContextual(withoutDate(phrase), true)) others.push(phrase);
        else {
          flush();
          if (!isContextual(withoutDate(phrase), false)) others.push(phrase);
        }
      }
      flush();
    }
    // As for one message: a day said while only asking or thanking ("¿hay pan hoy?") is no delivery day.
    if (found && (lines.length > 0 || !hasAsked)) deliveryDate = found.date;
  }
  return { items: lines.map((l) => l.item), deliveryDate, unmatched: [...new Set(unmatched)], unknown };
};

/** The words of `plain` that fold to `foldedWords`, so the seller sees «un rímel negro» and not «un rimel negro». */
const asWritten = (plain: string, foldedWords: string): string => {
  if (!foldedWords) return foldedWords;
  // Where each character of the original starts in its folded form.
  const starts: number[] = [];
  let folded = '';
  for (const char of plain) {
    starts.push(folded.length);
    folded += fold(char);
  }
  const at = folded.indexOf(fold(foldedWords));
  if (at < 0) return foldedWords;
  const chars = [...plain];
  const first = starts.findIndex((start) => start >= at);
  const end = starts.findIndex((start) => start >= at + fold(foldedWords).length);
  return chars.slice(first, end < 0 ? chars.length : end).join('') || foldedWords;
};
