import { fail } from '../../../shared/api/errors';
import type { StallConflict, StallSyncResult } from '../../../shared/api/methods/stall';
import { isVariantLow } from '../../../shared/domain/catalog';
import { catalogChanged } from '../catalog/handlers';
import type { CoreContext, Handlers } from '../context';
import { deviceOf, personOf } from '../lan/principal';
import { normalizePhone } from '../orders/customers';
import { readSettings } from '../settings/repo';
import { availableStock, recordMovement } from '../stock/repo';
import { runAs } from '../team/actor';
import * as repo from './repo';
import { applySale, planSale, quantitiesOf, type SaleToApply } from './sale';
import { buildSnapshot } from './snapshot';

/** A phone's clock may be off by minutes, or by a time zone; a sale "sold" further ahead than this is refused. */
const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

/** Tells every open screen what moved: the catalog's stock, the stall's lines and the conflicts badge. */
const stallChanged = (ctx: CoreContext, variantIds: number[], orderIds: number[] = []): void => {
  const ids = [...new Set(variantIds)];
  const rows = ctx.db
    .prepare<[string], { id: number; product_id: number; stock: number; low_stock_threshold: number }>(
      `SELECT v.id, v.product_id, v.stock, p.low_stock_threshold FROM variants v JOIN products p ON p.id = v.product_id
        WHERE v.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids));
  for (const row of rows) {
    ctx.emit('stock.changed', { variantId: row.id, productId: row.product_id, stock: row.stock, isLowStock: isVariantLow(row.stock, row.low_stock_threshold) });
  }
  if (rows.length > 0) catalogChanged(ctx, [...new Set(rows.map((r) => r.product_id))]);
  if (orderIds.length > 0) ctx.emit('orders.changed', { orderIds });
  ctx.emit('stall.changed', { variantIds: ids, openConflicts: repo.openConflictCount(ctx.db) });
};

const toConflicts = (ctx: CoreContext, rows: ReturnType<typeof repo.conflictRows>): StallConflict[] => {
  const lines = rows.map((row) => repo.linesOf(row));
  const known = new Map(repo.stockLines(ctx.db, [...new Set(lines.flat().map((l) => l.variantId))]).map((l) => [l.variantId, l]));
  return rows.map((row, i) => ({
    id: row.id,
    eventId: row.event_id,
    soldAt: row.sold_at,
    personName: row.person_name,
    paymentMethod: row.payment_method,
    customerPhone: row.customer_phone || null,
    total: (lines[i] ?? []).reduce((sum, l) => sum + l.quantity * l.unitPrice, 0),
    lines: (lines[i] ?? []).map((l) => {
      const line = known.get(l.variantId);
      return {
        variantId: l.variantId,
        productName: line?.productName ?? `#${l.variantId}`,
        label: line?.label ?? '',
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        available: line ? line.stallUnits + line.shopUnits : 0,
      };
    }),
    reason: row.conflict_reason ?? 'no_units',
    settledAs: row.settled_as,
    settledAt: row.settled_at,
  }));
};

const conflictById = (ctx: CoreContext, id: number): StallConflict => {
  const found = toConflicts(ctx, repo.conflictRows(ctx.db, false).filter((r) => r.id === id))[0];
  return found ?? fail('not_found', `Stall conflict ${id} does not exist`, { field: 'id' });
};

export const stallHandlers = {
  'stall.snapshot': (ctx) => buildSnapshot(ctx),

  'stall.stock': (ctx) => ({ items: repo.stockLines(ctx.db, null) }),

  'stall.setAside': (ctx, args) => {
    const now = ctx.now();
    const variantIds: number[] = [];
    args.lines.forEach((line, i) => {
      const field = `lines.${i}`;
      const product = ctx.db
        .prepare<[number], { is_archived: number }>('SELECT max(v.is_archived, p.is_archived) AS is_archived FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = ?')
        .get(line.variantId);
      if (!product) return fail('not_found', `Variant ${line.variantId} does not exist`, { field: `${field}.variantId` });
      if (product.is_archived === 1) fail('conflict', `Variant ${line.variantId} is archived`, { field: `${field}.variantId` });
      const available = Math.max(0, availableStock(ctx.db, line.variantId));
      if (available < line.quantity) {
        fail('insufficient_stock', `Only ${available} left at home of variant ${line.variantId}`, {
          field: `${field}.quantity`,
          details: { variantId: line.variantId, available, requested: line.quantity },
        });
      }
      recordMovement(ctx.db, { variantId: line.variantId, delta: -line.quantity, reason: 'to_stall', location: 'shop', now });
      recordMovement(ctx.db, { variantId: line.variantId, delta: line.quantity, reason: 'to_stall', location: 'stall', now });
      variantIds.push(line.variantId);
    });
    stallChanged(ctx, variantIds);
    return { items: repo.stockLines(ctx.db, null) };
  },

  // Answers the lines it brought back, now with no stall units, so the screen can say what came home.
  'stall.returnUnsold': (ctx) => {
    const now = ctx.now();
    const lines = repo.stockLines(ctx.db, null);
    for (const line of lines) {
      recordMovement(ctx.db, { variantId: line.variantId, delta: -line.stallUnits, reason: 'from_stall', location: 'stall', now });
      recordMovement(ctx.db, { variantId: line.variantId, delta: line.stallUnits, reason: 'from_stall', location: 'shop', now });
    }
    const variantIds = lines.map((l) => l.variantId);
    if (variantIds.length > 0) stallChanged(ctx, variantIds);
    return { returnedUnits: lines.reduce((sum, l) => sum + l.stallUnits, 0), items: variantIds.length > 0 ? repo.stockLines(ctx.db, variantIds) : [] };
  },

  'stall.sync': (ctx, args) => {
    const now = ctx.now();
    const locale = readSettings(ctx.db).locale;
    // Everything is checked before anything is recorded: a refused batch changes nothing.
    const sales = args.sales.map((sale, i): SaleToApply & { id: string } => {
      if (sale.soldAt > now + MAX_CLOCK_AHEAD_MS) {
        fail('invalid_input', `sales.${i}.soldAt: the sale is dated more than a day ahead of this computer's clock; check the phone's date and time`, {
          field: `sales.${i}.soldAt`,
          details: { soldAt: sale.soldAt, now },
        });
      }
      const customerPhone = sale.customerPhone ? normalizePhone(sale.customerPhone, locale, `sales.${i}.customerPhone`) : '';
      return { id: sale.id, soldAt: sale.soldAt, paymentMethod: sale.paymentMethod, customerPhone, lines: sale.lines };
    });
    const who = { deviceId: deviceOf(ctx.principal), personId: personOf(ctx.principal) };
    const variantIds: number[] = [];
    const orderIds: number[] = [];
    let conflicts = 0;
    const results = sales.map((sale): StallSyncResult => {
      const seen = repo.findSaleByEvent(ctx.db, sale.id);
      if (seen) return { id: sale.id, ...repo.resultOf(seen) };
      const outcome = planSale(ctx, sale.lines, false);
      const base = { eventId: sale.id, ...who, soldAt: sale.soldAt, paymentMethod: sale.paymentMethod, customerPhone: sale.customerPhone, lines: sale.lines };
      if ('reason' in outcome) {
        // Kept whole, never dropped: the owner settles it; a repeated sync finds its id and says duplicate.
        const conflictId = repo.insertSale(ctx.db, { ...base, outcome: 'conflict', conflictReason: outcome.reason, orderId: null }, now);
        conflicts += 1;
        return { id: sale.id, status: 'conflict', orderId: null, conflictId };
      }
      const orderId = applySale(ctx, sale, outcome.plan);
      repo.insertSale(ctx.db, { ...base, outcome: 'applied', conflictReason: null, orderId }, now);
      variantIds.push(...quantitiesOf(sale.lines).keys());
      orderIds.push(orderId);
      return { id: sale.id, status: 'applied', orderId, conflictId: null };
    });
    // A sync of sales already received changes nothing, and says nothing.
    if (orderIds.length > 0 || conflicts > 0) stallChanged(ctx, variantIds, orderIds);
    return { results };
  },

  'stall.conflicts': (ctx, args) => ({ items: toConflicts(ctx, repo.conflictRows(ctx.db, args.isOpenOnly)) }),

  'stall.settleConflict': (ctx, args) => {
    const row = repo.findSale(ctx.db, args.id);
    if (!row || row.outcome !== 'conflict') return fail('not_found', `Stall conflict ${args.id} does not exist`, { field: 'id' });
    if (row.settled_as !== null) fail('conflict', `Stall conflict ${args.id} was already settled (${row.settled_as})`, { field: 'id' });
    const now = ctx.now();
    const note = args.note ?? '';
    const lines = repo.linesOf(row);
    if (args.resolution === 'dismiss') {
      repo.settleSale(ctx.db, row.id, 'dismissed', null, note, now);
      stallChanged(ctx, []);
      return conflictById(ctx, row.id);
    }
    let outcome = planSale(ctx, lines, true);
    if ('reason' in outcome && outcome.reason === 'no_units' && args.resolution === 'adjust') {
      // She sold it by hand, so the unit existed: count it in at the stall, then record the sale.
      for (const [variantId, missing] of outcome.missing) {
        recordMovement(ctx.db, { variantId, delta: missing, reason: 'adjustment', note: 'conteo en feria', location: 'stall', now });
      }
      outcome = planSale(ctx, lines, true);
    }
    if ('reason' in outcome) {
      if (outcome.reason === 'unknown_variant') return fail('conflict', 'A product of this sale no longer exists; dismiss it instead', { field: 'id' });
      const [variantId, missing] = [...outcome.missing][0] ?? [0, 0];
      return fail('insufficient_stock', `${missing} unit(s) of variant ${variantId} are still missing; adjust or dismiss the sale`, {
        field: 'id',
        details: { variantId, missing, available: availableStock(ctx.db, variantId) },
      });
    }
    const plan = outcome.plan;
    // The order is the seller's who made the sale at the stall, not the owner's who settles it.
    const sale: SaleToApply = { soldAt: row.sold_at, paymentMethod: row.payment_method, customerPhone: row.customer_phone, lines };
    const orderId = row.person_id === null ? applySale(ctx, sale, plan) : runAs(row.person_id, () => applySale(ctx, sale, plan));
    repo.settleSale(ctx.db, row.id, args.resolution === 'adjust' ? 'adjusted' : 'applied', orderId, note, now);
    stallChanged(ctx, lines.map((l) => l.variantId), [orderId]);
    return conflictById(ctx, row.id);
  },
} satisfies Partial<Handlers>;
