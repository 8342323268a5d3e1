import { generateChannelTexts } from '../../../shared/domain/promoTexts';
import { promotionStatus, unitPromoPrice, type Promotion } from '../../../shared/domain/promotions';
import type { ShopSettings } from '../../../shared/domain/settings';
import type { Db } from '../db/open';
import { photoUrls } from '../media/store';
import { imagesOf, itemRowsOf, type PromotionRow } from './repo';
import { parseTags } from '../db/tags';

/** Builds full promotions (items, status, channel texts) from rows in two queries. */
export const assemblePromotions = (db: Db, rows: PromotionRow[], settings: ShopSettings, now: number): Promotion[] => {
  const items = itemRowsOf(db, rows.map((r) => r.id));
  // The hashtags come from the promoted products alone: reading every product's category and tags
  // cost 10 ms a promotion on a catalog of 5,000, and every order priced with a promotion asked for one.
  const categories = new Map<number, string[]>();
  const promoted = JSON.stringify([...new Set(items.map((i) => i.product_id))]);
  for (const row of db.prepare<[string], { id: number; category: string; tags: string }>('SELECT id, category, tags FROM products WHERE id IN (SELECT value FROM json_each(?))').all(promoted)) {
    categories.set(row.id, [row.category, ...parseTags(row.tags).slice(0, 2)].filter(Boolean));
  }
  return rows.map((row) => {
    const own = items.filter((i) => i.promotion_id === row.id);
    const base = {
      title: row.title,
      text: row.text,
      kind: row.kind,
      percentOff: row.percent_off,
      bundleQuantity: row.bundle_quantity,
      bundlePayFor: row.bundle_pay_for,
      bundlePrice: row.bundle_price,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      items: own.map((i) => ({
        variantId: i.variant_id,
        productId: i.product_id,
        sku: i.sku,
        name: [i.product_name, i.variant_name].filter(Boolean).join(' – '),
        regularPrice: i.price,
        promoPrice: unitPromoPrice(row.kind, i.price, i.promo_price, row.percent_off),
        photoUrl: i.media_id && i.ext ? photoUrls(i.media_id, i.ext).url : null,
      })),
    };
    const hashtags = [...new Set(own.flatMap((i) => categories.get(i.product_id) ?? []))];
    const generated = generateChannelTexts(base, settings, hashtags);
    const customTexts = { whatsapp: row.whatsapp_text, instagram: row.instagram_text, facebook: row.facebook_text };
    return {
      ...base,
      images: imagesOf(db, row).map((m) => photoUrls(m.id, m.ext)),
      id: row.id,
      status: promotionStatus({ startsOn: row.starts_on, endsOn: row.ends_on, isEnded: row.ended_at !== null, itemCount: own.length }, now, settings.timeZone),
      customTexts,
      texts: {
        whatsapp: customTexts.whatsapp ?? generated.whatsapp,
        instagram: customTexts.instagram ?? generated.instagram,
        facebook: customTexts.facebook ?? generated.facebook,
      },
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
};
