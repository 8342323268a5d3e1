import type { OrderDraft } from '../../../shared/api/methods/orders';
import type { CoreContext } from '../context';
import * as catalog from '../catalog/repo';
import { detectZone } from '../../../shared/domain/orders';
import { readSettings } from '../settings/repo';
import { allAliasKeys } from '../catalog/aliases';
import { indexCatalog, parseOrderText, toAliasRule, type CatalogEntry } from './parse';
import { parseOrderMessages } from './parse/messages';
import { currentPrice } from './pricing';
import { stockOf } from './quote';

/** Reads a chat message (or several, oldest first, as one order) into a draft the seller confirms or edits; nothing is saved here. */
export const draftFromText = (ctx: CoreContext, text: string | string[], now: number): OrderDraft => {
  const { timeZone, deliveryZones } = readSettings(ctx.db);
  const entries: CatalogEntry[] = catalog
    .listAllProducts(ctx.db)
    .filter((p) => !p.isArchived)
    .flatMap((p) =>
      p.variants
        .filter((v) => !v.isArchived)
        .map((v) => ({
          variantId: v.id,
          sku: v.sku,
          productName: p.name,
          variantName: v.name,
          category: p.category,
          tags: p.tags,
          price: currentPrice(ctx, v),
          stock: v.stock,
          productId: p.id,
        })),
    );
  // The shop's aliases are read from its own database on every draft: nothing of one shop is kept
  // in memory where another shop's data (an import, a restore) could meet it.
  const index = indexCatalog(entries, allAliasKeys(ctx.db).map(toAliasRule));
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
