import { findDate } from './dates';
import { bestEntry, indexCatalog, productWords, type CatalogEntry } from './match';
import { fold, stem, tokensOf } from './normalize';
import { findQuantity } from './quantities';

export type { CatalogEntry } from './match';

export interface DraftItem {
  variantId: number;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
}

export interface ParsedOrderText {
  items: DraftItem[];
  deliveryDate: string | null;
  unmatched: string[];
}

const orderIntent =
  /\b(quiero|queria|quisiera|dame|deme|me (das|da|separas|separa|mandas|manda|envias|envia|vendes|reservas|pasas|traes|llevas)|separame|mandame|enviame|reservame|traeme|pedido|pido|encargo|te encargo|necesito|me llevo|llevo|apuntame|anotame|anota|para mi)\b/;
const asking = /^(y\s+)?(cuanto|cuantos|cuantas|a como|tienen|tienes|tiene|hay|hacen|haces|precio|cual|cuales|que precio|que colores|donde|como|venden|vendes|aceptan|trabajan)\b/;

/** A message that only asks (price, stock, shipping) makes no items, even when it names a product. */
const isOnlyAsking = (folded: string): boolean =>
  /\b(saber si|consulta|pregunta|preguntar)\b/.test(folded) ||
  (!orderIntent.test(folded) && (asking.test(folded.replace(/^[^\p{L}\p{N}]+/u, '').replace(/^(hola|buenas|buenos dias|buenas tardes)\W*/, '')) || (folded.includes('?') && !/\d/.test(folded.split('?')[0] ?? ''))));

/** "vivo en surco", "mi dirección es…": where she lives names no product ("vivo" must not become "Vino Tinto"). */
const placePhrase =
  /^(vivo|vivimos|estoy en|estamos en|soy de|queda en|mi casa|mi direccion|direccion|av|avenida|jr|jiron|calle|urb|urbanizacion|distrito|entrega en|envio a|enviar a|mandar a|mandalo a)\b/;

/** Splits a message into the phrases that can each name one product: "1 polo negro M, 1 jean 28 y un gorro". */
const phrasesOf = (folded: string): string[] =>
  folded
    .split(/[,;\n]|\s+y\s+|\s+e\s+|\s+mas\s+|\s+\+\s+|\.\s+|\s+tambien\s+/)
    .map((p) => p.trim())
    .filter(Boolean);

/**
 * Reads a chat message into an order draft against the shop's catalog: products (typos, plurals,
 * diminutives, no accents), quantities (digits, words, "un par", "media docena") and the delivery day.
 * Nothing here is saved; the seller confirms or edits the draft.
 */
export const parseOrderText = (text: string, catalog: CatalogEntry[], options: { now: number; timeZone: string }): ParsedOrderText => {
  const found = findDate(text, options.now, options.timeZone);
  const folded = fold(text);
  if (isOnlyAsking(folded)) return { items: [], deliveryDate: found?.date ?? null, unmatched: [] };
  const index = indexCatalog(catalog);
  const withoutDate = found ? folded.replace(found.phrase, ' ') : folded;
  const items = new Map<number, DraftItem>();
  const unmatched: string[] = [];
  for (const phrase of phrasesOf(withoutDate).filter((p) => !placePhrase.test(p))) {
    const tokens = tokensOf(phrase);
    // A number right after a product word ("tono 3", "jean 28", "perfume de 50") names a variant.
    const isProductWord = (i: number) => index.vocabulary.has(stem(tokens[i] ?? ''));
    const quantity = findQuantity(
      tokens,
      (i) => /^\d+$/.test(tokens[i] ?? '') && index.vocabulary.has(tokens[i] ?? '') && (isProductWord(i - 1) || (tokens[i - 1] === 'de' && isProductWord(i - 2))),
    );
    const rest = quantity ? [...tokens.slice(0, quantity.start), ...tokens.slice(quantity.end)] : tokens;
    const words = productWords(rest).filter((w) => w.length > 0);
    const match = bestEntry(index, words);
    if (!match) {
      if (quantity && words.length > 0) unmatched.push(phrase);
      continue;
    }
    const { entry } = match;
    const previous = items.get(entry.variantId);
    const count = quantity?.quantity ?? 1;
    items.set(entry.variantId, {
      variantId: entry.variantId,
      sku: entry.sku,
      name: [entry.productName, entry.variantName].filter(Boolean).join(' – '),
      quantity: (previous?.quantity ?? 0) + count,
      unitPrice: entry.price,
    });
  }
  return { items: [...items.values()], deliveryDate: found?.date ?? null, unmatched };
};
