import { z } from 'zod';
import * as s from '../schemas';
import { read, write } from './define';

/**
 * The market stall, offline. Before leaving, the owner moves units to "feria" (a stock movement like
 * any other) and the stall phone takes a snapshot; at the stall the phone records sales with no
 * connection; back home each sale is sent as an event with its own id until acknowledged, and the
 * core applies it once. What cannot be applied is kept as a conflict for the owner to settle.
 */

export interface StallVariant {
  variantId: number;
  /** '' for a product's only variant. */
  label: string;
  sku: string;
  /** Regular price, minor units. */
  price: number;
  /** Price under the best active promotion, or null. */
  promoPrice: number | null;
  promoName: string | null;
  /** Units set aside for the stall ("en feria"). */
  stallUnits: number;
  /** Units left at home that could still be sold if she carried extra. */
  shopUnits: number;
}

export interface StallProduct {
  productId: number;
  name: string;
  /** Media id of the first photo, or null. Media ids are text (a content hash), not numbers. */
  photoId: string | null;
  /** Where to fetch that photo and its small WebP thumbnail (what the phone caches), or null. */
  photoUrl?: string | null;
  thumbUrl?: string | null;
  variants: StallVariant[];
}

export interface StallSnapshot {
  /** Core clock when it was taken; the phone shows it ("datos de las 8:02"). */
  takenAt: number;
  shopName: string;
  currency: string;
  locale: string;
  paymentMethods: string[];
  products: StallProduct[];
}

export interface StallStockLine {
  variantId: number;
  productName: string;
  label: string;
  stallUnits: number;
  shopUnits: number;
}

export const stallSyncStatuses = ['applied', 'duplicate', 'conflict'] as const;
export type StallSyncStatus = (typeof stallSyncStatuses)[number];

export interface StallSyncResult {
  /** The event id the phone sent. */
  id: string;
  /** applied: recorded now; duplicate: already recorded by an earlier sync (nothing changed); conflict: kept for the owner. */
  status: StallSyncStatus;
  orderId: number | null;
  conflictId: number | null;
}

export const stallConflictReasons = ['no_units', 'unknown_variant'] as const;

export interface StallConflict {
  id: number;
  eventId: string;
  soldAt: number;
  personName: string | null;
  paymentMethod: string;
  customerPhone: string | null;
  total: number;
  lines: { variantId: number; productName: string; label: string; quantity: number; unitPrice: number; available: number }[];
  reason: (typeof stallConflictReasons)[number];
  /** null while open. */
  settledAs: 'applied' | 'adjusted' | 'dismissed' | null;
  settledAt: number | null;
}

const stallSaleEvent = z
  .object({
    /** Made on the phone (crypto.randomUUID()), kept with the sale so a repeated sync changes nothing. */
    id: z.string().uuid(),
    /** Phone clock when the sale was recorded. */
    soldAt: z.number().int().positive(),
    lines: z
      .array(z.object({ variantId: s.id, quantity: z.number().int().min(1).max(999), unitPrice: s.money }).strict())
      .min(1)
      .max(50),
    paymentMethod: s.requiredText(40),
    customerPhone: s.shortText(30).optional(),
  })
  .strict();
export type StallSaleEvent = z.input<typeof stallSaleEvent>;

export const stallMethods = {
  /** Everything the stall phone needs offline: products with stall or shop units, prices, active promos. */
  'stall.snapshot': read<StallSnapshot>()(s.empty),
  /** Units now at the stall and at home, per variant with any stall units. */
  'stall.stock': read<{ items: StallStockLine[] }>()(s.empty),
  /** Moves N units of each variant from the shop's stock to "feria" (two movements in one transaction). */
  'stall.setAside': write<{ items: StallStockLine[] }>()(
    z.object({ lines: z.array(z.object({ variantId: s.id, quantity: z.number().int().min(1).max(10_000) }).strict()).min(1).max(500) }).strict(),
  ),
  /** Every unsold stall unit back to the shop's stock, in one action. items: the lines brought back, now with no stall units. */
  'stall.returnUnsold': write<{ returnedUnits: number; items: StallStockLine[] }>()(s.empty),
  /** Sales recorded offline; each applied once by its id. Results are in the order sent. */
  'stall.sync': write<{ results: StallSyncResult[] }>()(z.object({ sales: z.array(stallSaleEvent).min(1).max(100) }).strict()),
  'stall.conflicts': read<{ items: StallConflict[] }>()(z.object({ isOpenOnly: z.boolean().default(true) }).strict()),
  /**
   * apply: record the sale now if units have come back; adjust: the unit evidently existed (she sold it
   * by hand), so count it in with an adjustment and record the sale; dismiss: the sale did not stand.
   */
  'stall.settleConflict': write<StallConflict>()(
    z.object({ id: s.id, resolution: z.enum(['apply', 'adjust', 'dismiss']), note: s.shortText(200).optional() }).strict(),
  ),
} as const;
