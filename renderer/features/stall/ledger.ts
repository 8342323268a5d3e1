import type { StallSaleEvent, StallSnapshot, StallSyncResult, StallVariant } from '../../../shared/api/methods/stall';

/**
 * The stall phone's own record of what it sold, in pure functions over plain data: what is left at the
 * stall, the day's takings, what still has to be sent and what an answer from the core means.
 */

export type SaleState = 'pending' | 'synced' | 'conflict';

export interface StallSaleLine {
  variantId: number;
  quantity: number;
  unitPrice: number;
  /** As shown on the phone when sold ("Labial mate – Rojo"), for the day's list. */
  name: string;
}

export interface StallSale {
  /** crypto.randomUUID(): the event id, so a sale sent twice is recorded once. */
  id: string;
  soldAt: number;
  /** The shop's day (YYYY-MM-DD) when it was sold, for "today". */
  day: string;
  /** takenAt of the snapshot the phone was selling from. */
  snapshotAt: number;
  lines: StallSaleLine[];
  paymentMethod: string;
  customerPhone: string | null;
  total: number;
  state: SaleState;
  orderId: number | null;
  conflictId: number | null;
}

export interface CartLine {
  variantId: number;
  quantity: number;
}

/** The promo price when a promotion is on, else the regular one. */
export const priceOf = (variant: Pick<StallVariant, 'price' | 'promoPrice'>): number => variant.promoPrice ?? variant.price;

export const variantName = (productName: string, label: string): string => (label ? `${productName} – ${label}` : productName);

export interface StallItem {
  productId: number;
  productName: string;
  photoId: string | null;
  variant: StallVariant;
}

export const itemsOf = (snapshot: StallSnapshot): StallItem[] =>
  snapshot.products.flatMap((product) =>
    product.variants.map((variant) => ({
      productId: product.productId,
      productName: product.name,
      photoId: product.photoId,
      variant,
    })),
  );

/**
 * A snapshot counts the stall's units when it was taken. Sales made from it come off; so do sales still
 * unsent from an earlier snapshot (the core had not heard of them when it counted). Sales sent before
 * this snapshot was taken are already in its figures.
 */
export const unitsSold = (snapshot: StallSnapshot, sales: readonly StallSale[]): Map<number, number> => {
  const sold = new Map<number, number>();
  for (const sale of sales) {
    if (sale.snapshotAt !== snapshot.takenAt && sale.state !== 'pending') continue;
    for (const line of sale.lines) sold.set(line.variantId, (sold.get(line.variantId) ?? 0) + line.quantity);
  }
  return sold;
};

export const unitsLeft = (snapshot: StallSnapshot, sales: readonly StallSale[]): Map<number, number> => {
  const sold = unitsSold(snapshot, sales);
  return new Map(itemsOf(snapshot).map(({ variant }) => [variant.variantId, variant.stallUnits - (sold.get(variant.variantId) ?? 0)]));
};

export interface DaySummary {
  count: number;
  total: number;
  pending: number;
  conflicts: number;
}

export const summaryOf = (sales: readonly StallSale[], day: string): DaySummary => {
  const today = sales.filter((sale) => sale.day === day);
  return {
    count: today.length,
    total: today.reduce((sum, sale) => sum + sale.total, 0),
    pending: sales.filter((sale) => sale.state === 'pending').length,
    conflicts: today.filter((sale) => sale.state === 'conflict').length,
  };
};

export const cartTotal = (cart: readonly CartLine[], prices: ReadonlyMap<number, number>): number =>
  cart.reduce((sum, line) => sum + line.quantity * (prices.get(line.variantId) ?? 0), 0);

/** Adds `delta` units of a variant; a line that reaches zero leaves the cart. */
export const changeCart = (cart: readonly CartLine[], variantId: number, delta: number): CartLine[] => {
  const current = cart.find((line) => line.variantId === variantId)?.quantity ?? 0;
  const quantity = Math.min(999, Math.max(0, current + delta));
  const others = cart.filter((line) => line.variantId !== variantId);
  if (quantity === 0) return others;
  return current === 0 ? [...cart, { variantId, quantity }] : cart.map((line) => (line.variantId === variantId ? { variantId, quantity } : line));
};

/** What the core receives for a sale: only the facts of the sale, never the names shown on the phone. */
export const eventOf = (sale: StallSale): StallSaleEvent => ({
  id: sale.id,
  soldAt: sale.soldAt,
  lines: sale.lines.map(({ variantId, quantity, unitPrice }) => ({ variantId, quantity, unitPrice })),
  paymentMethod: sale.paymentMethod,
  ...(sale.customerPhone ? { customerPhone: sale.customerPhone } : {}),
});

/** The contract takes at most this many sales per call. */
export const SYNC_BATCH = 100;

export const batchesOf = <T>(items: readonly T[], size = SYNC_BATCH): T[][] => {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
};

/**
 * A sale's state after the core's answer. applied and duplicate both mean the core has it; a conflict
 * is kept by the core for the owner and so is acknowledged too. A sale the answer does not name stays
 * pending and goes again next time.
 */
export const settleWith = (sale: StallSale, results: readonly StallSyncResult[]): StallSale => {
  const result = results.find((r) => r.id === sale.id);
  if (!result) return sale;
  // A repeat of a sale that had conflicted comes back 'duplicate' with its conflict: still the owner's to settle.
  const isConflict = result.status === 'conflict' || (result.status === 'duplicate' && result.conflictId !== null && result.orderId === null);
  return {
    ...sale,
    state: isConflict ? 'conflict' : 'synced',
    orderId: result.orderId ?? sale.orderId,
    conflictId: result.conflictId ?? sale.conflictId,
  };
};
