import type { StockLocation, StockMovement, StockReason } from '../../../shared/domain/catalog';
import { fail } from '../../../shared/api/errors';
import type { Db } from '../db/open';

interface MovementRow {
  id: number;
  variant_id: number;
  delta: number;
  reason: StockReason;
  note: string;
  balance_after: number;
  created_at: number;
  location: StockLocation;
}

const toMovement = (row: MovementRow): StockMovement => ({
  id: row.id,
  variantId: row.variant_id,
  delta: row.delta,
  reason: row.reason,
  note: row.note,
  location: row.location,
  balanceAfter: row.balance_after,
  createdAt: row.created_at,
});

/** Units held by live claims not yet paid or expired. */
export const heldByLives = (db: Db, variantId: number): number =>
  Number(db.prepare("SELECT coalesce(sum(quantity), 0) FROM live_claims WHERE variant_id = ? AND status = 'reserved'").pluck().get(variantId));

/** What may still be sold: stock minus what live claims hold. */
export const availableStock = (db: Db, variantId: number): number =>
  Number(db.prepare('SELECT stock FROM variants WHERE id = ?').pluck().get(variantId) ?? 0) - heldByLives(db, variantId);

export interface MovementInput {
  variantId: number;
  delta: number;
  reason: StockReason;
  note?: string;
  /** The order that moved the goods, for sales and returns made by orders. */
  orderId?: number | null;
  /** The shop (default) or the stall's units ("en feria"). */
  location?: StockLocation;
  now: number;
}

/**
 * Appends one movement and refreshes the cached stock in the same transaction.
 * Going below zero is refused with insufficient_stock, naming what is left.
 */
export const recordMovement = (db: Db, input: MovementInput): StockMovement => {
  const location = input.location ?? 'shop';
  const variant = db
    .prepare<[number], { stock: number; stall_stock: number; sku: string; product_name: string; variant_name: string }>(
      `SELECT v.stock, v.stall_stock, v.sku, p.name AS product_name, v.name AS variant_name
         FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = ?`,
    )
    .get(input.variantId);
  if (!variant) return fail('not_found', `Variant ${input.variantId} does not exist`, { field: 'variantId' });
  const current = location === 'stall' ? variant.stall_stock : variant.stock;
  const balance = current + input.delta;
  // Units reserved by live claims are spoken for: orders and the stall may not take them from the shop.
  const held = input.delta < 0 && location === 'shop' ? heldByLives(db, input.variantId) : 0;
  if (balance < held) {
    const label = [variant.product_name, variant.variant_name].filter(Boolean).join(' – ');
    const available = Math.max(0, current - held);
    const where = location === 'stall' ? ' at the stall' : '';
    return fail('insufficient_stock', `Only ${available} left${where} of ${label} (${variant.sku})${held > 0 ? `; ${held} reserved in a live` : ''}`, {
      details: { variantId: input.variantId, sku: variant.sku, available, requested: -input.delta, reserved: held, location },
    });
  }
  const row = db
    .prepare<[number, number, string, string, number, number, number | null, string], MovementRow>(
      `INSERT INTO stock_movements (variant_id, delta, reason, note, balance_after, created_at, order_id, location)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    )
    .get(input.variantId, input.delta, input.reason, input.note ?? '', balance, input.now, input.orderId ?? null, location);
  db.prepare(location === 'stall' ? 'UPDATE variants SET stall_stock = ? WHERE id = ?' : 'UPDATE variants SET stock = ? WHERE id = ?').run(balance, input.variantId);
  if (!row) return fail('internal', 'Stock movement was not recorded');
  return toMovement(row);
};

export const listMovements = (db: Db, variantId: number, limit: number): StockMovement[] =>
  db
    .prepare<[number, number], MovementRow>(
      'SELECT * FROM stock_movements WHERE variant_id = ? ORDER BY id DESC LIMIT ?',
    )
    .all(variantId, limit)
    .map(toMovement);

/** Sum of one place's movements, for checks that the cached stock (shop) or stall_stock never drifts. */
export const ledgerBalance = (db: Db, variantId: number, location: StockLocation = 'shop'): number =>
  Number(
    db.prepare('SELECT coalesce(sum(delta), 0) FROM stock_movements WHERE variant_id = ? AND location = ?').pluck().get(variantId, location),
  );
