import type { StallProduct, StallSnapshot } from '../../../shared/api/methods/stall';
import type { CoreContext } from '../context';
import { photoUrls } from '../media/store';
import { assemblePromotions } from '../promotions/assemble';
import { listPromotionRows } from '../promotions/repo';
import { readSettings } from '../settings/repo';
import { snapshotRows } from './repo';

/**
 * The best unit price per variant under the promotions active now, with the promotion's name; the same
 * rule orders use (currentPrice: price and percent promotions, lowest wins; bundles price sets, not units).
 * Assembled once for every promotion, not once per variant.
 */
const bestPromoPrices = (ctx: CoreContext): Map<number, { price: number; name: string }> => {
  const settings = readSettings(ctx.db);
  const rows = listPromotionRows(ctx.db).filter((r) => r.ended_at === null && r.kind !== 'bundle');
  const best = new Map<number, { price: number; name: string }>();
  for (const promo of assemblePromotions(ctx.db, rows, settings, ctx.now())) {
    if (promo.status !== 'active') continue;
    for (const item of promo.items) {
      const current = best.get(item.variantId);
      if (item.promoPrice < item.regularPrice && (!current || item.promoPrice < current.price)) best.set(item.variantId, { price: item.promoPrice, name: promo.title });
    }
  }
  return best;
};

export const buildSnapshot = (ctx: CoreContext): StallSnapshot => {
  const takenAt = ctx.now();
  const settings = readSettings(ctx.db);
  const promos = bestPromoPrices(ctx);
  const products: StallProduct[] = [];
  for (const row of snapshotRows(ctx.db)) {
    let product = products.at(-1);
    if (product?.productId !== row.product_id) {
      const photo = row.media_id && row.ext ? photoUrls(row.media_id, row.ext) : null;
      product = { productId: row.product_id, name: row.product_name, photoId: row.media_id, photoUrl: photo?.url ?? null, thumbUrl: photo?.thumbUrl ?? null, variants: [] };
      products.push(product);
    }
    const promo = promos.get(row.variant_id);
    product.variants.push({
      variantId: row.variant_id,
      label: row.label,
      sku: row.sku,
      price: row.price,
      promoPrice: promo?.price ?? null,
      promoName: promo?.name ?? null,
      stallUnits: row.stall_units,
      shopUnits: row.shop_units,
    });
  }
  return { takenAt, shopName: settings.shopName, currency: settings.currency, locale: settings.locale, paymentMethods: settings.paymentMethods, products };
};
