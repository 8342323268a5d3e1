import type { Message } from '../../../shared/domain/inbox';
import type { Db } from '../db/open';
import { indexCatalog, parseOrderText, type CatalogEntry } from '../orders/parse';

/** The catalog's names only, in one query: enough for the order parser to tell an order from chatter. */
const catalogNames = (db: Db): CatalogEntry[] =>
  db
    .prepare<[], { variantId: number; sku: string; productName: string; variantName: string; category: string; tags: string }>(
      `SELECT v.id AS variantId, v.sku, p.name AS productName, v.name AS variantName, p.category, p.tags
         FROM variants v JOIN products p ON p.id = v.product_id WHERE v.is_archived = 0 AND p.is_archived = 0`,
    )
    .all()
    .map((r) => {
      const tags: unknown = JSON.parse(r.tags);
      return { ...r, tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [], price: 0 };
    });

/**
 * The ids of the customer's messages that read as orders (the order parser finds a product, with or without a quantity), so
 * "Crear pedido" shows on "me separas 2 labiales" and hides in a menu on "holaa" or "¿a cuánto?".
 */
export const orderLikeMessageIds = (db: Db, messages: Message[], options: { now: number; timeZone: string }): number[] => {
  const inbound = messages.filter((m) => m.direction === 'in' && m.text.trim() !== '');
  if (inbound.length === 0) return [];
  const index = indexCatalog(catalogNames(db));
  return inbound.flatMap((m) => {
    const parsed = parseOrderText(m.text.slice(0, 2000), index, options);
    // A product of the catalog must be named: "mensaje 398" or "tengo 2 hijas" carry a number, not an order.
    return parsed.items.length > 0 ? [m.id] : [];
  });
};
