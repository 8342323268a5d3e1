import type { StallConflict } from '../../../shared/api/methods/stall';
import { foldText } from '../../../shared/domain/catalog';
import { orderTotals } from '../../../shared/domain/orders';
import type { CoreContext } from '../context';
import { customerName, resolveCustomer } from '../orders/customers';
import * as orders from '../orders/repo';
import { readSettings } from '../settings/repo';
import { availableStock, recordMovement } from '../stock/repo';
import type { SaleLine } from './repo';

export interface SaleToApply {
  soldAt: number;
  paymentMethod: string;
  /** E.164 or ''. */
  customerPhone: string;
  lines: SaleLine[];
}

interface VariantFacts {
  variantId: number;
  sku: string;
  name: string;
  regularPrice: number;
  isArchived: boolean;
  stallUnits: number;
  shopAvailable: number;
}

/** What a stall sale would take from the stall and, past the stall's units, from the shop. */
export interface SalePlan {
  facts: Map<number, VariantFacts>;
  takes: { variantId: number; fromStall: number; fromShop: number }[];
}

export type PlanOutcome = { plan: SalePlan } | { reason: StallConflict['reason']; missing: Map<number, number> };

const factsOf = (ctx: CoreContext, variantId: number): VariantFacts | undefined => {
  const row = ctx.db
    .prepare<[number], { sku: string; product_name: string; variant_name: string; price: number; is_archived: number; stall_stock: number }>(
      `SELECT v.sku, p.name AS product_name, v.name AS variant_name, v.price, max(v.is_archived, p.is_archived) AS is_archived, v.stall_stock
         FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = ?`,
    )
    .get(variantId);
  if (!row) return undefined;
  return {
    variantId,
    sku: row.sku,
    name: [row.product_name, row.variant_name].filter(Boolean).join(' – '),
    regularPrice: row.price,
    isArchived: row.is_archived === 1,
    stallUnits: row.stall_stock,
    shopAvailable: Math.max(0, availableStock(ctx.db, variantId)),
  };
};

export const quantitiesOf = (lines: SaleLine[]): Map<number, number> => {
  const totals = new Map<number, number>();
  for (const line of lines) totals.set(line.variantId, (totals.get(line.variantId) ?? 0) + line.quantity);
  return totals;
};

/**
 * Checks a sale against the units there are now, changing nothing. The stall's units go first; she
 * may have carried extra, so what the stall lacks may come from the shop's available stock.
 * An archived variant is a conflict at sync (the owner decides), but may be applied when she settles.
 */
export const planSale = (ctx: CoreContext, lines: SaleLine[], isArchivedAllowed: boolean): PlanOutcome => {
  const facts = new Map<number, VariantFacts>();
  const missing = new Map<number, number>();
  const takes: SalePlan['takes'] = [];
  for (const [variantId, quantity] of quantitiesOf(lines)) {
    const found = factsOf(ctx, variantId);
    if (!found || (found.isArchived && !isArchivedAllowed)) return { reason: 'unknown_variant', missing };
    facts.set(variantId, found);
    const fromStall = Math.min(found.stallUnits, quantity);
    const fromShop = quantity - fromStall;
    if (fromShop > found.shopAvailable) missing.set(variantId, fromShop - found.shopAvailable);
    takes.push({ variantId, fromStall, fromShop });
  }
  return missing.size > 0 ? { reason: 'no_units', missing } : { plan: { facts, takes } };
};

/**
 * Records a planned stall sale the way Pedidos records one: an order (channel stall, delivered, at the
 * moment it was sold) with its items, events and full payment through the orders repository, so the
 * reports' rollups and "registrado por" follow as for any order; then the units leave the stall
 * ("venta en feria"). Returns the order's id. Runs inside the caller's transaction.
 */
export const applySale = (ctx: CoreContext, sale: SaleToApply, plan: SalePlan): number => {
  const settings = readSettings(ctx.db);
  const customerId = sale.customerPhone ? resolveCustomer(ctx.db, { name: sale.customerPhone, phone: sale.customerPhone }, settings.locale, sale.soldAt) : null;
  const items: orders.ItemRecord[] = sale.lines.map((line) => {
    const facts = plan.facts.get(line.variantId);
    return {
      variantId: line.variantId,
      sku: facts?.sku ?? '',
      name: facts?.name ?? '',
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      regularPrice: facts?.regularPrice ?? line.unitPrice,
    };
  });
  const totals = orderTotals(items, 0, 0);
  const record = {
    ...totals,
    status: 'delivered' as const,
    channel: 'stall' as const,
    customerId,
    discount: 0,
    deliveryFee: 0,
    deliveryDate: null,
    note: 'Venta en feria',
    sourceText: '',
    searchText: '',
  };
  const orderId = orders.insertOrder(ctx.db, record, sale.soldAt);
  orders.replaceItems(ctx.db, orderId, items);
  const number = orders.getOrder(ctx.db, orderId).number;
  const searchText = foldText([number, customerName(ctx.db, customerId), ...items.map((i) => `${i.name} ${i.sku}`)].join(' '));
  orders.updateOrderRow(ctx.db, orderId, { ...record, searchText }, sale.soldAt);
  orders.addEvent(ctx.db, orderId, { type: 'created', status: 'delivered', note: 'Venta en feria' }, sale.soldAt);
  const now = ctx.now();
  for (const take of plan.takes) {
    const note = `Pedido ${number}`;
    if (take.fromStall > 0) recordMovement(ctx.db, { variantId: take.variantId, delta: -take.fromStall, reason: 'stall_sale', note, orderId, location: 'stall', now });
    // Units she carried beyond what was set aside: they leave the shop's stock.
    if (take.fromShop > 0) recordMovement(ctx.db, { variantId: take.variantId, delta: -take.fromShop, reason: 'stall_sale', note, orderId, location: 'shop', now });
  }
  if (totals.total > 0) {
    orders.addPayment(ctx.db, orderId, { amount: totals.total, method: sale.paymentMethod, note: 'Venta en feria' }, sale.soldAt);
    orders.addEvent(ctx.db, orderId, { type: 'payment', note: sale.paymentMethod }, sale.soldAt);
  }
  return orderId;
};
