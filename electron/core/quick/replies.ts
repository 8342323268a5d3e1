import { fail } from '../../../shared/api/errors';
import type { Photo } from '../../../shared/domain/catalog';
import { formatMoney } from '../../../shared/domain/money';
import { balanceDueOf } from '../../../shared/domain/orders';
import { fillQuickText, type FilledReply, type QuickField, type QuickReply } from '../../../shared/domain/quick';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { findProduct } from '../catalog/repo';
import { photoUrls } from '../media/store';
import { currentPrice } from '../orders/pricing';
import { readSettings } from '../settings/repo';

interface ReplyRow {
  id: number;
  name: string;
  text: string;
  photo_ids: string;
  product_id: number | null;
  product_name: string | null;
  updated_at: number;
}

const photosOf = (db: Db, ids: string[]): Photo[] =>
  ids.flatMap((id) => {
    const ext = db.prepare<[string], string>('SELECT ext FROM media WHERE id = ?').pluck().get(id);
    return ext ? [photoUrls(id, ext)] : [];
  });

const parseIds = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

const toReply = (db: Db, row: ReplyRow): QuickReply => ({
  id: row.id,
  name: row.name,
  text: row.text,
  photos: photosOf(db, parseIds(row.photo_ids)),
  productId: row.product_id,
  productName: row.product_name ?? '',
  updatedAt: row.updated_at,
});

const REPLY_SQL = 'SELECT q.*, p.name AS product_name FROM quick_replies q LEFT JOIN products p ON p.id = q.product_id';

export const listReplies = (db: Db): QuickReply[] =>
  db.prepare<[], ReplyRow>(`${REPLY_SQL} ORDER BY q.name COLLATE NOCASE, q.id`).all().map((row) => toReply(db, row));

const replyRow = (db: Db, id: number): ReplyRow => db.prepare<[number], ReplyRow>(`${REPLY_SQL} WHERE q.id = ?`).get(id) ?? fail('not_found', `Quick reply ${id} does not exist`, { field: 'id' });

export const getReply = (db: Db, id: number): QuickReply => toReply(db, replyRow(db, id));

export const saveReply = (
  db: Db,
  args: { id?: number; name: string; text: string; photoIds: string[]; productId: number | null },
  now: number,
): QuickReply => {
  for (const photoId of args.photoIds) {
    if (!db.prepare('SELECT 1 FROM media WHERE id = ?').get(photoId)) fail('not_found', `photoIds: photo ${photoId} was not uploaded`, { field: 'photoIds' });
  }
  if (args.productId !== null && !findProduct(db, args.productId)) fail('not_found', `productId: product ${args.productId} does not exist`, { field: 'productId' });
  const clash = db.prepare<[string, number], number>('SELECT id FROM quick_replies WHERE name = ? AND id <> ?').pluck().get(args.name, args.id ?? 0);
  if (clash !== undefined) fail('conflict', `name: another quick reply is already called "${args.name}"`, { field: 'name' });
  const photos = JSON.stringify(args.photoIds);
  if (args.id === undefined) {
    const id = Number(
      db
        .prepare('INSERT INTO quick_replies (name, text, photo_ids, product_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(args.name, args.text, photos, args.productId, now, now).lastInsertRowid,
    );
    return getReply(db, id);
  }
  replyRow(db, args.id);
  db.prepare('UPDATE quick_replies SET name = ?, text = ?, photo_ids = ?, product_id = ?, is_starter = 0, updated_at = ? WHERE id = ?').run(
    args.name,
    args.text,
    photos,
    args.productId,
    now,
    args.id,
  );
  return getReply(db, args.id);
};

export const deleteReply = (db: Db, id: number): void => {
  replyRow(db, id);
  db.prepare('DELETE FROM quick_replies WHERE id = ?').run(id);
};

/** Today's price of a product: its first variant on sale, with the promotion price when one is on. */
const priceOf = (ctx: CoreContext, productId: number): { name: string; price: number; promoPrice: number | null; photoIds: string[] } | null => {
  const product = findProduct(ctx.db, productId);
  const variant = product?.variants.find((v) => !v.isArchived) ?? product?.variants[0];
  if (!product || !variant) return null;
  const today = currentPrice(ctx, variant);
  return { name: product.name, price: variant.price, promoPrice: today < variant.price ? today : null, photoIds: product.photos.map((p) => p.id) };
};

interface OpenOrder {
  total: number;
  paid: number;
  status: 'new' | 'confirmed' | 'prepared' | 'on_the_way';
  first_product_id: number | null;
}

/** What fills the fields for this conversation: the customer's first name and her latest open order. */
const fieldValues = (ctx: CoreContext, conversationId: number, productId: number | null): Partial<Record<QuickField, string>> => {
  const settings = readSettings(ctx.db);
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  const conversation = ctx.db
    .prepare<[number], { customer_id: number | null; name: string | null; title: string }>(
      'SELECT c.customer_id, cu.name, c.title FROM conversations c LEFT JOIN customers cu ON cu.id = c.customer_id WHERE c.id = ?',
    )
    .get(conversationId) ?? fail('not_found', `Conversation ${conversationId} does not exist`, { field: 'conversationId' });
  const order =
    conversation.customer_id === null
      ? undefined
      : ctx.db
          .prepare<[number], OpenOrder>(
            `SELECT o.total, o.paid, o.status,
                    (SELECT v.product_id FROM order_items i JOIN variants v ON v.id = i.variant_id WHERE i.order_id = o.id ORDER BY i.position, i.id LIMIT 1) AS first_product_id
               FROM orders o WHERE o.customer_id = ? AND o.status NOT IN ('delivered', 'cancelled')
              ORDER BY o.created_at DESC, o.id DESC LIMIT 1`,
          )
          .get(conversation.customer_id);
  const product = productId ?? order?.first_product_id ?? null;
  const priced = product === null ? null : priceOf(ctx, product);
  const name = (conversation.name ?? conversation.title).trim().split(/\s+/)[0] ?? '';
  return {
    cliente: name,
    producto: priced?.name ?? '',
    precio: priced ? money(priced.promoPrice ?? priced.price) : '',
    'total del pedido': order ? money(order.total) : '',
    saldo: order ? money(balanceDueOf(order.status, order.total, order.paid)) : '',
  };
};

/** A saved reply with its fields filled for this conversation, and the photos that go with it. */
export const fillReply = (ctx: CoreContext, args: { id: number; conversationId: number; productId?: number }): FilledReply & { photoIds: string[] } => {
  const row = replyRow(ctx.db, args.id);
  const productId = args.productId ?? row.product_id;
  const filled = fillQuickText(row.text, fieldValues(ctx, args.conversationId, productId));
  const photoIds = parseIds(row.photo_ids);
  // A reply tied to a product (or asked for with one) carries the product's first photo unless she attached her own.
  if (photoIds.length === 0 && productId !== null) photoIds.push(...(priceOf(ctx, productId)?.photoIds.slice(0, 1) ?? []));
  return { ...filled, photos: photosOf(ctx.db, photoIds), photoIds };
};

/** A product card: name, price (struck through by the promotion price when one is on) and the first photo. */
export const productCard = (ctx: CoreContext, productId: number): FilledReply & { photoIds: string[] } => {
  const priced = priceOf(ctx, productId) ?? fail('not_found', `Product ${productId} does not exist`, { field: 'productId' });
  const settings = readSettings(ctx.db);
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  const isEnglish = settings.language === 'en';
  const price =
    priced.promoPrice === null
      ? money(priced.price)
      : isEnglish
        ? `${money(priced.promoPrice)} (was ${money(priced.price)}) 🔥`
        : `${money(priced.promoPrice)} (antes ${money(priced.price)}) 🔥`;
  const photoIds = priced.photoIds.slice(0, 1);
  return { text: `${priced.name}\n${price}`, missing: [], photos: photosOf(ctx.db, photoIds), photoIds };
};
