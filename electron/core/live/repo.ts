import type { Claim, ClaimChannel, ClaimStatus, Live, LiveChannel, LiveItem } from '../../../shared/domain/lives';
import type { Db } from '../db/open';
import { photoUrls } from '../media/store';
import { heldByLives } from '../stock/repo';

interface LiveRow {
  id: number;
  title: string;
  channel: LiveChannel;
  status: 'live' | 'ended';
  on_air_item_id: number | null;
  hold_hours: number;
  external_id: string | null;
  last_comment_at: number;
  started_at: number;
  ended_at: number | null;
  messages_queued_at: number | null;
}

export interface ClaimRow {
  id: number;
  live_id: number;
  live_item_id: number;
  variant_id: number;
  customer_id: number;
  channel: ClaimChannel;
  handle: string;
  comment: string;
  quantity: number;
  status: ClaimStatus;
  expires_at: number | null;
  order_id: number | null;
  created_at: number;
  item_name: string;
  customer_name: string;
}

export const findLiveRow = (db: Db, id: number): LiveRow | undefined => db.prepare<[number], LiveRow>('SELECT * FROM lives WHERE id = ?').get(id);
export const currentLiveId = (db: Db): number | undefined => db.prepare<[], number>("SELECT id FROM lives WHERE status = 'live' ORDER BY id DESC LIMIT 1").pluck().get();

const itemsOf = (db: Db, liveId: number): LiveItem[] =>
  db
    .prepare<[number], { id: number; variant_id: number; product_id: number; name: string; sku: string; live_price: number; stock: number; photo: string | null; ext: string | null }>(
      `SELECT li.id, li.variant_id, v.product_id, p.name || CASE WHEN v.name <> '' THEN ' – ' || v.name ELSE '' END AS name, v.sku, li.live_price, v.stock,
              (SELECT pp.media_id FROM product_photos pp WHERE pp.product_id = p.id ORDER BY pp.position LIMIT 1) AS photo,
              (SELECT m.ext FROM media m WHERE m.id = (SELECT pp.media_id FROM product_photos pp WHERE pp.product_id = p.id ORDER BY pp.position LIMIT 1)) AS ext
         FROM live_items li JOIN variants v ON v.id = li.variant_id JOIN products p ON p.id = v.product_id
        WHERE li.live_id = ? ORDER BY li.position`,
    )
    .all(liveId)
    .map((r) => {
      const reserved = heldByLives(db, r.variant_id);
      const waitlist = Number(db.prepare("SELECT coalesce(sum(quantity), 0) FROM live_claims WHERE live_item_id = ? AND status = 'waitlist'").pluck().get(r.id));
      return {
        id: r.id,
        variantId: r.variant_id,
        productId: r.product_id,
        name: r.name,
        sku: r.sku,
        photoUrl: r.photo && r.ext ? photoUrls(r.photo, r.ext).thumbUrl : null,
        livePrice: r.live_price,
        available: Math.max(0, r.stock - reserved),
        reserved,
        waitlist,
      };
    });

export const assembleLive = (db: Db, row: LiveRow): Live => ({
  id: row.id,
  title: row.title,
  channel: row.channel,
  status: row.status,
  onAirItemId: row.on_air_item_id,
  holdHours: row.hold_hours,
  isReadingComments: row.external_id !== null && row.status === 'live',
  items: itemsOf(db, row.id),
  startedAt: row.started_at,
  endedAt: row.ended_at,
  messagesQueuedAt: row.messages_queued_at,
});

const CLAIM_SQL = `
  SELECT lc.*, p.name || CASE WHEN v.name <> '' THEN ' – ' || v.name ELSE '' END AS item_name, c.name AS customer_name
    FROM live_claims lc JOIN variants v ON v.id = lc.variant_id JOIN products p ON p.id = v.product_id JOIN customers c ON c.id = lc.customer_id`;

export const toClaim = (r: ClaimRow): Claim => ({
  id: r.id,
  liveId: r.live_id,
  itemId: r.live_item_id,
  itemName: r.item_name,
  customerId: r.customer_id,
  customerName: r.customer_name,
  channel: r.channel,
  handle: r.handle,
  comment: r.comment,
  quantity: r.quantity,
  status: r.status,
  expiresAt: r.expires_at,
  orderId: r.order_id,
  createdAt: r.created_at,
});

export const findClaim = (db: Db, id: number): ClaimRow | undefined => db.prepare<[number], ClaimRow>(`${CLAIM_SQL} WHERE lc.id = ?`).get(id);

export const claimsOf = (db: Db, liveId: number, itemId?: number): ClaimRow[] =>
  itemId === undefined
    ? db.prepare<[number], ClaimRow>(`${CLAIM_SQL} WHERE lc.live_id = ? ORDER BY lc.id`).all(liveId)
    : db.prepare<[number, number], ClaimRow>(`${CLAIM_SQL} WHERE lc.live_id = ? AND lc.live_item_id = ? ORDER BY lc.id`).all(liveId, itemId);

export const openReservations = (db: Db): ClaimRow[] => db.prepare<[], ClaimRow>(`${CLAIM_SQL} WHERE lc.status = 'reserved' ORDER BY lc.expires_at, lc.id`).all();

export const dueReservations = (db: Db, now: number): ClaimRow[] =>
  db.prepare<[number], ClaimRow>(`${CLAIM_SQL} WHERE lc.status = 'reserved' AND lc.expires_at <= ? ORDER BY lc.expires_at, lc.id`).all(now);

export const firstWaiting = (db: Db, itemId: number): ClaimRow | undefined =>
  db.prepare<[number], ClaimRow>(`${CLAIM_SQL} WHERE lc.live_item_id = ? AND lc.status = 'waitlist' ORDER BY lc.id LIMIT 1`).get(itemId);

export const setClaimStatus = (db: Db, id: number, status: ClaimStatus, now: number, extra: { expiresAt?: number | null; orderId?: number } = {}): void => {
  db.prepare('UPDATE live_claims SET status = ?, updated_at = ?, expires_at = CASE WHEN ? THEN ? ELSE expires_at END, order_id = coalesce(?, order_id) WHERE id = ?').run(
    status,
    now,
    extra.expiresAt === undefined ? 0 : 1,
    extra.expiresAt ?? null,
    extra.orderId ?? null,
    id,
  );
};
