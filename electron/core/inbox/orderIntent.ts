import type { Message } from '../../../shared/domain/inbox';
import type { Db } from '../db/open';
import { clausesOf, hasOrderIntent, isAboutPlacedOrder, isCancelling, isOnlyAsking, isThanks } from '../orders/parse';
import { productWords } from '../orders/parse/match';
import { catalogIndexOf, catalogVersion } from '../orders/catalogIndex';
import { fold, tokensOf } from '../orders/parse/normalize';
import { findQuantity } from '../orders/parse/quantities';

interface Reading {
  version: number;
  vocabulary: Set<string>;
  /** Message id → reads as an order, for this version of the catalog. */
  verdicts: Map<number, boolean>;
}

// Reading a page of messages takes a few milliseconds; a conversation opens many times between
// catalog edits, so the verdicts are kept until the catalog changes, as its index is (catalogIndex.ts).
const readings = new WeakMap<Db, Reading>();
const MAX_VERDICTS = 50_000;

const readingOf = (db: Db): Reading => {
  const version = catalogVersion(db);
  const cached = readings.get(db);
  if (cached?.version === version && cached.verdicts.size < MAX_VERDICTS) return cached;
  const reading = { version, vocabulary: catalogIndexOf(db).vocabulary, verdicts: new Map<number, boolean>() };
  readings.set(db, reading);
  return reading;
};

/** The order parser's own pieces decide: not only asking, a word of the catalog, and a quantity or an order verb. */
const readsAsOrder = (text: string, vocabulary: Set<string>): boolean => {
  const folded = fold(text.slice(0, 2000));
  if (isAboutPlacedOrder(folded)) return false;
  // Numbers name variants ("tono 3") but also anything else: a catalog word must be a word.
  const isCatalogWord = productWords(tokensOf(folded)).some((word) => !/^\d+$/.test(word) && vocabulary.has(word));
  // "¿tienes el gorro? si hay me guardas 3": the product may be named in a question, the order in the next clause.
  const isOrdering = clausesOf(folded).some(
    (clause) =>
      !isOnlyAsking(clause.text, clause.isQuestion) &&
      !isCancelling(clause.text) &&
      !isThanks(clause.text) &&
      (findQuantity(tokensOf(clause.text)) !== null || hasOrderIntent(clause.text)),
  );
  return isCatalogWord && isOrdering;
};

/**
 * The ids of the customer's messages that read as orders, so "Crear pedido" shows on "me separas 2
 * labiales" and hides in a menu on "holaa", "¿a cuánto?" or "tengo 2 hijas". The parser's full fuzzy
 * match costs ~10 ms a message on a large catalog, too slow for a page of 300; this looks words up.
 */
export const orderLikeMessageIds = (db: Db, messages: Message[]): number[] => {
  const inbound = messages.filter((m) => m.direction === 'in' && m.text.trim() !== '');
  if (inbound.length === 0) return [];
  const { vocabulary, verdicts } = readingOf(db);
  return inbound.flatMap((m) => {
    const verdict = verdicts.get(m.id) ?? readsAsOrder(m.text, vocabulary);
    verdicts.set(m.id, verdict);
    return verdict ? [m.id] : [];
  });
};
