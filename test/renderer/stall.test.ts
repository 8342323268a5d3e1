import { describe, expect, it } from 'vitest';
import type { StallSnapshot, StallSyncResult } from '../../shared/api/methods/stall';
import { batchesOf, changeCart, eventOf, settleWith, summaryOf, unitsLeft, type StallSale } from '../../renderer/features/stall/ledger';
import { newSaleId } from '../../renderer/features/stall/saleId';

const variant = (variantId: number, stallUnits: number) => ({ variantId, label: '', sku: `SKU-${variantId}`, price: 2500, promoPrice: null, promoName: null, stallUnits, shopUnits: 3 });
const snapshotAt = (takenAt: number, units: Record<number, number>): StallSnapshot => ({
  takenAt,
  shopName: 'Tienda',
  currency: 'PEN',
  locale: 'es-PE',
  paymentMethods: ['Efectivo', 'Yape'],
  products: [{ productId: 1, name: 'Labial', photoId: null, variants: Object.entries(units).map(([id, n]) => variant(Number(id), n)) }],
});

let serial = 0;
const sale = (over: Partial<StallSale> & Pick<StallSale, 'snapshotAt'>): StallSale => ({
  id: `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`,
  soldAt: 1_000 + serial,
  day: '2026-11-28',
  lines: [{ variantId: 10, quantity: 1, unitPrice: 2500, name: 'Labial' }],
  paymentMethod: 'Efectivo',
  customerPhone: null,
  total: 2500,
  state: 'pending',
  orderId: null,
  conflictId: null,
  ...over,
});

describe('the stall phone ledger', () => {
  it('takes from the snapshot its own sales and any still unsent, but not those the snapshot already counted', () => {
    const second = snapshotAt(200, { 10: 5, 11: 2 });
    const sales = [
      sale({ snapshotAt: 100, state: 'synced', lines: [{ variantId: 10, quantity: 2, unitPrice: 2500, name: 'Labial' }] }), // in the new count already
      sale({ snapshotAt: 100, state: 'pending' }), // the core has not heard of it
      sale({ snapshotAt: 200, state: 'synced' }),
      sale({ snapshotAt: 200, state: 'conflict', lines: [{ variantId: 11, quantity: 1, unitPrice: 2500, name: 'Labial' }] }),
    ];
    expect(unitsLeft(second, sales)).toEqual(new Map([[10, 3], [11, 1]]));
  });

  it('sums the day it is asked about and counts pending sales of any day', () => {
    const sales = [sale({ snapshotAt: 1, total: 1000 }), sale({ snapshotAt: 1, total: 500, state: 'conflict' }), sale({ snapshotAt: 1, day: '2026-11-27', total: 9000 })];
    expect(summaryOf(sales, '2026-11-28')).toEqual({ count: 2, total: 1500, pending: 2, conflicts: 1 });
  });

  it('marks a sale only from an answer that names it, and keeps a repeated conflict a conflict', () => {
    const pending = sale({ snapshotAt: 1 });
    const answer = (status: StallSyncResult['status'], orderId: number | null, conflictId: number | null): StallSyncResult[] => [{ id: pending.id, status, orderId, conflictId }];
    expect(settleWith(pending, [])).toBe(pending);
    expect(settleWith(pending, answer('applied', 7, null))).toMatchObject({ state: 'synced', orderId: 7 });
    expect(settleWith(pending, answer('duplicate', 7, null)).state).toBe('synced');
    expect(settleWith(pending, answer('conflict', null, 3))).toMatchObject({ state: 'conflict', conflictId: 3 });
    expect(settleWith(pending, answer('duplicate', null, 3)).state).toBe('conflict');
  });

  it('sends only the facts of a sale, in batches the contract accepts', () => {
    const one = sale({ snapshotAt: 1, customerPhone: '987 654 321' });
    expect(eventOf(one)).toEqual({ id: one.id, soldAt: one.soldAt, lines: [{ variantId: 10, quantity: 1, unitPrice: 2500 }], paymentMethod: 'Efectivo', customerPhone: '987 654 321' });
    expect(eventOf(sale({ snapshotAt: 1 }))).not.toHaveProperty('customerPhone');
    expect(batchesOf(Array.from({ length: 250 }, (_, i) => i)).map((b) => b.length)).toEqual([100, 100, 50]);
  });

  it('adds and takes units in the cart, a line at zero leaving it', () => {
    let cart = changeCart([], 10, 1);
    cart = changeCart(cart, 11, 1);
    cart = changeCart(cart, 10, 1);
    expect(cart).toEqual([{ variantId: 10, quantity: 2 }, { variantId: 11, quantity: 1 }]);
    expect(changeCart(changeCart(cart, 11, -1), 10, -5)).toEqual([]);
  });

  it('makes v4 UUIDs the contract accepts', () => {
    const ids = new Set(Array.from({ length: 50 }, newSaleId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
