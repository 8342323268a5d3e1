import { fail } from '../../../shared/api/errors';
import type { PromotionKind } from '../../../shared/domain/promotions';
import type { Db } from '../db/open';

export interface PromotionRow {
  id: number;
  title: string;
  text: string;
  kind: PromotionKind;
  percent_off: number | null;
  bundle_quantity: number | null;
  bundle_pay_for: number | null;
  bundle_price: number | null;
  starts_on: string | null;
  ends_on: string | null;
  ended_at: number | null;
  whatsapp_text: string | null;
  instagram_text: string | null;
  facebook_text: string | null;
  image_ids: string;
  created_at: number;
  updated_at: number;
}

export interface PromotionItemRow {
  promotion_id: number;
  variant_id: number;
  promo_price: number | null;
  product_id: number;
  sku: string;
  product_name: string;
  variant_name: string;
  price: number;
  media_id: string | null;
  ext: string | null;
}

export interface PromotionRecord {
  title: string;
  text: string;
  kind: PromotionKind;
  percentOff: number | null;
  bundleQuantity: number | null;
  bundlePayFor: number | null;
  bundlePrice: number | null;
  startsOn: string | null;
  endsOn: string | null;
  customTexts: { whatsapp: string | null; instagram: string | null; facebook: string | null };
}

export const insertPromotion = (db: Db, r: PromotionRecord, now: number): number =>
  Number(
    db
      .prepare(
        `INSERT INTO promotions (title, text, kind, percent_off, bundle_quantity, bundle_pay_for, bundle_price, starts_on, ends_on,
                                 whatsapp_text, instagram_text, facebook_text, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(r.title, r.text, r.kind, r.percentOff, r.bundleQuantity, r.bundlePayFor, r.bundlePrice, r.startsOn, r.endsOn,
        r.customTexts.whatsapp, r.customTexts.instagram, r.customTexts.facebook, now, now).lastInsertRowid,
  );

export const updatePromotionRow = (db: Db, id: number, r: PromotionRecord, now: number): void => {
  db.prepare(
    `UPDATE promotions SET title = ?, text = ?, percent_off = ?, bundle_quantity = ?, bundle_pay_for = ?, bundle_price = ?,
            starts_on = ?, ends_on = ?, whatsapp_text = ?, instagram_text = ?, facebook_text = ?, updated_at = ? WHERE id = ?`,
  ).run(r.title, r.text, r.percentOff, r.bundleQuantity, r.bundlePayFor, r.bundlePrice, r.startsOn, r.endsOn,
    r.customTexts.whatsapp, r.customTexts.instagram, r.customTexts.facebook, now, id);
};

export const endPromotionRow = (db: Db, id: number, now: number): void => {
  db.prepare('UPDATE promotions SET ended_at = coalesce(ended_at, ?), updated_at = ? WHERE id = ?').run(now, now, id);
};

export const replacePromotionItems = (db: Db, promotionId: number, items: { variantId: number; promoPrice: number | null }[]): void => {
  db.prepare('DELETE FROM promotion_items WHERE promotion_id = ?').run(promotionId);
  const exists = db.prepare('SELECT 1 FROM variants WHERE id = ?');
  const insert = db.prepare('INSERT INTO promotion_items (promotion_id, variant_id, promo_price, position) VALUES (?, ?, ?, ?)');
  items.forEach((item, position) => {
    if (!exists.get(item.variantId)) fail('not_found', `Variant ${item.variantId} does not exist`, { field: `items.${position}.variantId` });
    insert.run(promotionId, item.variantId, item.promoPrice, position);
  });
};

export const findPromotionRow = (db: Db, id: number): PromotionRow | undefined =>
  db.prepare<[number], PromotionRow>('SELECT * FROM promotions WHERE id = ?').get(id);

export const listPromotionRows = (db: Db): PromotionRow[] =>
  db.prepare<[], PromotionRow>('SELECT * FROM promotions ORDER BY coalesce(starts_on, \'9999\') DESC, id DESC').all();

export const itemRowsOf = (db: Db, promotionIds: number[]): PromotionItemRow[] =>
  db
    .prepare<[string], PromotionItemRow>(
      `SELECT pi.promotion_id, pi.variant_id, pi.promo_price, v.product_id, v.sku, p.name AS product_name, v.name AS variant_name, v.price,
              (SELECT pp.media_id FROM product_photos pp WHERE pp.product_id = v.product_id ORDER BY pp.position LIMIT 1) AS media_id,
              (SELECT m.ext FROM product_photos pp JOIN media m ON m.id = pp.media_id WHERE pp.product_id = v.product_id ORDER BY pp.position LIMIT 1) AS ext
         FROM promotion_items pi JOIN variants v ON v.id = pi.variant_id JOIN products p ON p.id = v.product_id
        WHERE pi.promotion_id IN (SELECT value FROM json_each(?)) ORDER BY pi.promotion_id, pi.position`,
    )
    .all(JSON.stringify(promotionIds));

/** Promotions that include this variant and have not been ended by hand; dates are checked by the caller. */
export const promotionIdsForVariant = (db: Db, variantId: number): number[] =>
  db
    .prepare<[number], number>(
      'SELECT pi.promotion_id FROM promotion_items pi JOIN promotions p ON p.id = pi.promotion_id WHERE pi.variant_id = ? AND p.ended_at IS NULL',
    )
    .pluck()
    .all(variantId);

/** Uploaded promotion photos must exist in the media table; the ids are stored in order. */
export const setPromotionImages = (db: Db, promotionId: number, imageIds: string[]): void => {
  imageIds.forEach((id, i) => {
    if (!db.prepare('SELECT 1 FROM media WHERE id = ?').get(id)) fail('not_found', `Photo ${id} was not uploaded`, { field: `imageIds.${i}` });
  });
  db.prepare('UPDATE promotions SET image_ids = ? WHERE id = ?').run(JSON.stringify([...new Set(imageIds)]), promotionId);
};

export const imagesOf = (db: Db, row: PromotionRow): { id: string; ext: string }[] => {
  const ids: unknown = JSON.parse(row.image_ids);
  const list = Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  return list.flatMap((id) => db.prepare<[string], { id: string; ext: string }>('SELECT id, ext FROM media WHERE id = ?').get(id) ?? []);
};
