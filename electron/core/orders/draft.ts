import type { OrderDraft } from '../../../shared/api/methods/orders';
import type { CoreContext } from '../context';
import { detectZone } from '../../../shared/domain/orders';
import { readSettings } from '../settings/repo';
import { allAliasKeys } from '../catalog/aliases';
import { parseOrderText, toAliasRule, type CatalogIndex } from './parse';
import { parseOrderMessages } from './parse/messages';
import { catalogIndexOf } from './catalogIndex';
import { currentPrice } from './pricing';
import { stockOf } from './quote';

/** Each variant read once per draft, and only the variants asked about. */
const remembered = <T>(read: (variantId: number) => T): ((variantId: number) => T) => {
  const known = new Map<number, T>();
  return (variantId) => {
    const hit = known.get(variantId);
    if (hit !== undefined) return hit;
    const value = read(variantId);
    known.set(variantId, value);
    return value;
  };
};

/**
 * The catalog index as this draft reads it: the kept words, the shop's aliases, and today's price
 * and stock read fresh for the lines and ties that ask (a sale or a promotion leaves the words alone).
 */
const draftIndex = (ctx: CoreContext): CatalogIndex => {
  const regular = ctx.db.prepare<[number], number>('SELECT price FROM variants WHERE id = ?').pluck();
  const price = remembered((id) => currentPrice(ctx, { id, price: regular.get(id) ?? 0 }));
  const stock = new Map<number, number>();
  return {
    ...catalogIndexOf(ctx.db),
    // The shop's aliases are read from its own database on every draft: few, and taught one at a time.
    aliases: allAliasKeys(ctx.db).map(toAliasRule),
    priceOf: (entry) => price(entry.variantId),
    stocksOf: (entries) => {
      const unread = entries.map((e) => e.variantId).filter((id) => !stock.has(id));
      if (unread.length > 0) {
        const rows = ctx.db.prepare<[string], [number, number]>('SELECT id, stock FROM variants WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(unread));
        for (const [id, units] of rows) stock.set(id, units);
      }
      return stock;
    },
  };
};

/** Reads a chat message (or several, oldest first, as one order) into a draft the seller confirms or edits; nothing is saved here. */
export const draftFromText = (ctx: CoreContext, text: string | string[], now: number): OrderDraft => {
  const { timeZone, deliveryZones } = readSettings(ctx.db);
  const index = draftIndex(ctx);
  const parsed = Array.isArray(text) ? parseOrderMessages(text, index, { now, timeZone }) : parseOrderText(text, index, { now, timeZone });
  const zone = detectZone(Array.isArray(text) ? text.join('\n') : text, deliveryZones);
  // Stock is told before saving, with the same product's variants that have some, so a
  // draft never reaches "Confirmar" to learn that nothing is left.
  return {
    ...parsed,
    items: parsed.items.map((item) => ({ ...item, ...stockOf(ctx, item.variantId) })),
    zone: zone ? { name: zone.name, fee: zone.fee } : null,
  };
};
