import type { StallProduct, StallSnapshot } from '../../../shared/api/methods/stall';
import type { CoreContext } from '../context';
import { photoUrls } from '../media/store';
import { itemRowsOf, listPromotionRows } from '../promotions/repo';
import { promotionStatus, unitPromoPrice } from '../../../shared/domain/promotions';
import { readSettings } from '../settings/repo';
import { snapshotRows } from './repo';

/**
 * The best unit price per variant under the promotions active now, with the promotion's name: the rule
 * orders use (currentPrice: price and percent promotions, lowest wins; bundles price sets, not units),
 * through the same pieces promotions are assembled from (status and unit price from shared/domain,
 * items in one query), without assembling each promotion's channel texts, which cost a second on a big shop.
 */
const bestPromoPrices = (ctx: CoreContext, now: number): Map<number, { price: number; name: string }> => {
  const { timeZone } = readSettings(ctx.db);
  const rows = listPromotionRows(ctx.db).filter((r) => r.ended_at === null && r.kind !== 'bundle');
  const items = itemRowsOf(ctx.db, rows.map((r) => r.id));
  const best = new Map<number, { price: number; name: string }>();
  for (const row of rows) {
    const own = items.filter((i) => i.promotion_id === row.id);
    if (promotionStatus({ startsOn: row.starts_on, endsOn: row.ends_on, isEnded: false, itemCount: own.length }, now, timeZone) !== 'active') continue;
    for (const item of own) {
      const price = unitPromoPrice(row.kind, item.price, item.promo_price, row.percent_off);
      const current = best.get(item.variant_id);
      if (price < item.price && (!current || price < current.price)) best.set(item.variant_id, { price, name: row.title });
    }
  }
  return best;
};

export const buildSnapshot = (ctx: CoreContext): StallSnapshot => {
  const takenAt = ctx.now();
  const settings = readSettings(ctx.db);
  const promos = bestPromoPrices(ctx, takenAt);
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
