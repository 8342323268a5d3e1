import type { OrderDraft } from '../../../shared/api/methods/orders';
import type { CoreContext } from '../context';
import * as catalog from '../catalog/repo';
import { readSettings } from '../settings/repo';
import { parseOrderText, type CatalogEntry } from './parse';
import { currentPrice } from './pricing';

/** Reads a chat message into a draft the seller confirms or edits; nothing is saved here. */
export const draftFromText = (ctx: CoreContext, text: string, now: number): OrderDraft => {
  const { timeZone } = readSettings(ctx.db);
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
        })),
    );
  return parseOrderText(text, entries, { now, timeZone });
};
