import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { ledgerBalance } from '../../../electron/core/stock/repo';
import { makeTempDir } from '../../helpers/tmp';

type Step =
  | { kind: 'create'; variant: number; quantity: number }
  | { kind: 'confirm' | 'cancel' | 'advance'; order: number }
  | { kind: 'adjust'; variant: number; delta: number }
  | { kind: 'pay'; order: number; amount: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), variant: fc.nat(2), quantity: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constantFrom('confirm' as const, 'cancel' as const, 'advance' as const), order: fc.nat(9) }),
  fc.record({ kind: fc.constant('adjust' as const), variant: fc.nat(2), delta: fc.integer({ min: -5, max: 8 }).filter((n) => n !== 0) }),
  fc.record({ kind: fc.constant('pay' as const), order: fc.nat(9), amount: fc.integer({ min: 1, max: 6000 }) }),
);

const nextOf: Record<string, string> = { confirmed: 'prepared', prepared: 'on_the_way', on_the_way: 'delivered' };

describe('order ledger properties', () => {
  const tmp = makeTempDir();
  let core: Core;
  let run = 0;
  beforeAll(() => {
    core = createCore({ dataDir: tmp.dir });
  });
  afterAll(() => {
    core.close();
    tmp.cleanup();
  });

  it('keeps stock non-negative and equal to its movements, and balances adding up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 30 }), async (steps) => {
        run += 1;
        const created = await core.dispatch('catalog.createProduct', {
          name: `Producto ${run}`,
          variants: [0, 1, 2].map((i) => ({ sku: `R${run}-${i}`, price: 1000 + i * 250, initialStock: 5 })),
        });
        if (!created.ok) throw new Error(created.error.message);
        const variantIds = core.db.prepare<[string], number>("SELECT id FROM variants WHERE sku LIKE ? ORDER BY sku").pluck().all(`R${run}-%`);
        const orderIds: number[] = [];
        for (const s of steps) {
          if (s.kind === 'create') {
            const r = await core.dispatch('orders.create', { channel: 'whatsapp', items: [{ variantId: variantIds[s.variant], quantity: s.quantity }] });
            if (r.ok) orderIds.push(core.db.prepare('SELECT max(id) FROM orders').pluck().get() as number);
          } else if (s.kind === 'adjust') {
            await core.dispatch('stock.adjust', { variantId: variantIds[s.variant], delta: s.delta, reason: 'adjustment' });
          } else {
            const id = orderIds[s.order % Math.max(orderIds.length, 1)];
            if (id === undefined) continue;
            const status = String(core.db.prepare('SELECT status FROM orders WHERE id = ?').pluck().get(id));
            if (s.kind === 'confirm') await core.dispatch('orders.setStatus', { id, status: 'confirmed' });
            if (s.kind === 'cancel') await core.dispatch('orders.cancel', { id });
            if (s.kind === 'advance' && nextOf[status]) await core.dispatch('orders.setStatus', { id, status: nextOf[status] });
            if (s.kind === 'pay') await core.dispatch('orders.addPayment', { id, amount: s.amount, method: 'Efectivo' });
          }
          for (const variantId of variantIds) {
            const stock = Number(core.db.prepare('SELECT stock FROM variants WHERE id = ?').pluck().get(variantId));
            expect(stock).toBeGreaterThanOrEqual(0);
            expect(ledgerBalance(core.db, variantId)).toBe(stock);
            // What open orders hold plus what is on the shelf never exceeds what ever came in.
            const held = Number(
              core.db
                .prepare("SELECT coalesce(sum(i.quantity), 0) FROM order_items i JOIN orders o ON o.id = i.order_id WHERE i.variant_id = ? AND o.status NOT IN ('new', 'cancelled')")
                .pluck()
                .get(variantId),
            );
            const sold = 0 - Number(core.db.prepare("SELECT coalesce(sum(delta), 0) FROM stock_movements WHERE variant_id = ? AND order_id IS NOT NULL").pluck().get(variantId));
            expect(sold).toBe(held);
          }
          for (const id of orderIds) {
            const o = core.db.prepare<[number], { total: number; paid: number }>('SELECT total, paid FROM orders WHERE id = ?').get(id);
            const sum = Number(core.db.prepare('SELECT coalesce(sum(amount), 0) FROM payments WHERE order_id = ?').pluck().get(id));
            expect(o?.paid).toBe(sum);
            expect(sum).toBeLessThanOrEqual(o?.total ?? 0);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
