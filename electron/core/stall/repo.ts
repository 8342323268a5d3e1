import type { StallConflict, StallStockLine, StallSyncStatus } from '../../../shared/api/methods/stall';
import type { Db } from '../db/open';
import { byName } from '../catalog/repo';

/** A live claim's reserved units are spoken for; the rest of the shop's stock may go to the stall. */
const HELD = `(SELECT coalesce(sum(quantity), 0) FROM live_claims c WHERE c.variant_id = v.id AND c.status = 'reserved')`;

interface StockLineRow {
  variant_id: number;
  product_name: string;
  label: string;
  stall_units: number;
  shop_units: number;
}

const toLine = (r: StockLineRow): StallStockLine => ({
  variantId: r.variant_id,
  productName: r.product_name,
  label: r.label,
  stallUnits: r.stall_units,
  shopUnits: Math.max(0, r.shop_units),
});

/** Stall and shop units of the given variants, or of every variant with stall units when ids is null. */
export const stockLines = (db: Db, variantIds: number[] | null): StallStockLine[] => {
  const select = `SELECT v.id AS variant_id, p.name AS product_name, v.name AS label, v.stall_stock AS stall_units,
                         v.stock - ${HELD} AS shop_units, v.position
                    FROM variants v JOIN products p ON p.id = v.product_id`;
  const rows =
    variantIds === null
      ? db.prepare<[], StockLineRow & { position: number }>(`${select} WHERE v.stall_stock > 0`).all()
      : db.prepare<[string], StockLineRow & { position: number }>(`${select} WHERE v.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(variantIds));
  return rows
    .sort((a, b) => byName.compare(a.product_name, b.product_name) || a.position - b.position || a.variant_id - b.variant_id)
    .map(toLine);
};

export interface SnapshotRow {
  product_id: number;
  product_name: string;
  variant_id: number;
  label: string;
  sku: string;
  price: number;
  stall_units: number;
  shop_units: number;
  position: number;
  media_id: string | null;
  ext: string | null;
}

/** Every variant the stall could sell (units at the stall or at home), with its product's first photo, in one query. */
export const snapshotRows = (db: Db): SnapshotRow[] =>
  db
    .prepare<[], SnapshotRow>(
      `SELECT p.id AS product_id, p.name AS product_name, v.id AS variant_id, v.name AS label, v.sku, v.price,
              v.stall_stock AS stall_units, max(0, v.stock - ${HELD}) AS shop_units, v.position,
              m.id AS media_id, m.ext
         FROM variants v
         JOIN products p ON p.id = v.product_id
         LEFT JOIN media m ON m.id = (SELECT pp.media_id FROM product_photos pp WHERE pp.product_id = p.id ORDER BY pp.position LIMIT 1)
        WHERE p.is_archived = 0 AND v.is_archived = 0 AND (v.stall_stock > 0 OR v.stock > 0)`,
    )
    .all()
    .filter((r) => r.stall_units > 0 || r.shop_units > 0)
    .sort((a, b) => byName.compare(a.product_name, b.product_name) || a.product_id - b.product_id || a.position - b.position || a.variant_id - b.variant_id);

export interface SaleLine {
  variantId: number;
  quantity: number;
  unitPrice: number;
}

export interface StallSaleRow {
  id: number;
  event_id: string;
  device_id: number | null;
  person_id: number | null;
  sold_at: number;
  received_at: number;
  payment_method: string;
  customer_phone: string;
  lines: string;
  outcome: 'applied' | 'conflict';
  conflict_reason: StallConflict['reason'] | null;
  order_id: number | null;
  settled_as: StallConflict['settledAs'];
  settled_at: number | null;
  settle_note: string;
}

export const findSaleByEvent = (db: Db, eventId: string): StallSaleRow | undefined =>
  db.prepare<[string], StallSaleRow>('SELECT * FROM stall_sales WHERE event_id = ?').get(eventId);

export const findSale = (db: Db, id: number): StallSaleRow | undefined =>
  db.prepare<[number], StallSaleRow>('SELECT * FROM stall_sales WHERE id = ?').get(id);

/** What a repeated sync answers for an event already received, whatever became of it. */
export const resultOf = (row: StallSaleRow): { status: StallSyncStatus; orderId: number | null; conflictId: number | null } => ({
  status: 'duplicate',
  orderId: row.order_id,
  conflictId: row.outcome === 'conflict' ? row.id : null,
});

export interface NewSale {
  eventId: string;
  deviceId: number | null;
  personId: number | null;
  soldAt: number;
  paymentMethod: string;
  customerPhone: string;
  lines: SaleLine[];
  outcome: 'applied' | 'conflict';
  conflictReason: StallConflict['reason'] | null;
  orderId: number | null;
}

export const insertSale = (db: Db, sale: NewSale, now: number): number =>
  Number(
    db
      .prepare(
        `INSERT INTO stall_sales (event_id, device_id, person_id, sold_at, received_at, payment_method, customer_phone, lines, outcome, conflict_reason, order_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        sale.eventId,
        sale.deviceId,
        sale.personId,
        sale.soldAt,
        now,
        sale.paymentMethod,
        sale.customerPhone,
        JSON.stringify(sale.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, unitPrice: l.unitPrice }))),
        sale.outcome,
        sale.conflictReason,
        sale.orderId,
      ).lastInsertRowid,
  );

export const settleSale = (db: Db, id: number, settledAs: NonNullable<StallConflict['settledAs']>, orderId: number | null, note: string, now: number): void => {
  db.prepare('UPDATE stall_sales SET settled_as = ?, settled_at = ?, order_id = coalesce(?, order_id), settle_note = ? WHERE id = ?').run(settledAs, now, orderId, note, id);
};

export const linesOf = (row: StallSaleRow): SaleLine[] => JSON.parse(row.lines) as SaleLine[];

export const openConflictCount = (db: Db): number =>
  Number(db.prepare("SELECT count(*) FROM stall_sales WHERE outcome = 'conflict' AND settled_as IS NULL").pluck().get());

export const conflictRows = (db: Db, isOpenOnly: boolean): (StallSaleRow & { person_name: string | null })[] =>
  db
    .prepare<[number], StallSaleRow & { person_name: string | null }>(
      `SELECT s.*, pe.name AS person_name FROM stall_sales s LEFT JOIN people pe ON pe.id = s.person_id
        WHERE s.outcome = 'conflict' AND (? = 0 OR s.settled_as IS NULL) ORDER BY s.sold_at, s.id`,
    )
    .all(isOpenOnly ? 1 : 0);
