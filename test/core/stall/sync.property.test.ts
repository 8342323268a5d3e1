import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import type { Principal } from '../../../electron/core/lan/principal';
import type { ApiClient } from '../../../shared/api/client';
import type { StallSaleEvent, StallSyncResult } from '../../../shared/api/methods/stall';
import { makeTempDir } from '../../helpers/tmp';
import { ledgerMismatches, NOW } from './helpers';

type Step =
  | { kind: 'aside' | 'online' | 'receive'; variant: number; quantity: number }
  | { kind: 'sell'; lines: { variant: number; quantity: number }[] }
  | { kind: 'sync'; picks: number[] }
  | { kind: 'return' };

const variant = fc.nat(2);
const quantity = fc.integer({ min: 1, max: 4 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom('aside' as const, 'online' as const, 'receive' as const), variant, quantity }),
  { arbitrary: fc.record({ kind: fc.constant('sell' as const), lines: fc.array(fc.record({ variant, quantity }), { minLength: 1, maxLength: 3 }) }), weight: 3 },
  // Indexes into the phone's queue, repeated and in any order: a sync cut short and sent again, twice.
  { arbitrary: fc.record({ kind: fc.constant('sync' as const), picks: fc.array(fc.nat(40), { minLength: 1, maxLength: 12 }) }), weight: 2 },
  fc.record({ kind: fc.constant('return' as const) }),
);

describe('stall sync properties', () => {
  const tmp = makeTempDir();
  let core: Core;
  let api: ApiClient;
  let rosa: Principal;
  let run = 0;
  beforeAll(async () => {
    core = createCore({ dataDir: tmp.dir, clock: () => NOW, isOutboxTimerEnabled: false });
    api = coreClient(core);
    rosa = { kind: 'device', deviceId: 3, role: 'stall', personId: (await api.call('team.add', { name: 'Rosa', role: 'stall' })).id };
  });
  afterAll(() => {
    core.close();
    tmp.cleanup();
  });

  it('applies every sale exactly once or keeps it as a conflict, whatever the repeats and order, and the ledger adds up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps) => {
        run += 1;
        const product = await api.call('catalog.createProduct', { name: `Labial ${run}`, variants: [0, 1, 2].map((i) => ({ sku: `S${run}-${i}`, price: 2000, initialStock: 3 + i })) });
        const ids = product.variants.map((v) => v.id);
        const idOf = (i: number) => ids[i] ?? 0;
        let received = 3 + 4 + 5;
        const queue: StallSaleEvent[] = [];
        const firstSeen = new Map<string, StallSyncResult>();
        const sync = async (events: StallSaleEvent[]) => {
          const envelope = await core.dispatch('stall.sync', { sales: events }, { principal: rosa });
          if (!envelope.ok) throw new Error(envelope.error.message);
          const { results } = envelope.value as { results: StallSyncResult[] };
          expect(results.map((r) => r.id)).toEqual(events.map((e) => e.id));
          for (const result of results) {
            const first = firstSeen.get(result.id);
            if (!first) {
              expect(result.status).not.toBe('duplicate');
              firstSeen.set(result.id, result);
            } else {
              // Same answer as the first time, only now called a duplicate (a settled conflict may since have an order).
              expect({ ...result, status: first.status }).toEqual(first);
            }
          }
        };
        for (const s of steps) {
          if (s.kind === 'aside') await core.dispatch('stall.setAside', { lines: [{ variantId: idOf(s.variant), quantity: s.quantity }] });
          if (s.kind === 'receive') {
            await api.call('stock.adjust', { variantId: idOf(s.variant), delta: s.quantity, reason: 'receive' });
            received += s.quantity;
          }
          if (s.kind === 'online') {
            const order = await api.call('orders.create', { channel: 'instagram', items: [{ variantId: idOf(s.variant), quantity: s.quantity }] });
            const confirmed = await core.dispatch('orders.setStatus', { id: order.id, status: 'confirmed' });
            if (!confirmed.ok) await api.call('orders.cancel', { id: order.id, reason: 'sin stock' });
          }
          if (s.kind === 'sell') {
            queue.push({ id: crypto.randomUUID(), soldAt: NOW - 60_000 * (50 - queue.length), paymentMethod: 'Efectivo', lines: s.lines.map((l) => ({ variantId: idOf(l.variant), quantity: l.quantity, unitPrice: 2000 })) });
          }
          if (s.kind === 'sync' && queue.length > 0) await sync(s.picks.map((i) => queue[i % queue.length]).filter((e): e is StallSaleEvent => e !== undefined));
          if (s.kind === 'return') await api.call('stall.returnUnsold', {});
        }
        // Back home: everything is sent, twice, the second time backwards.
        if (queue.length > 0) {
          await sync(queue);
          await sync([...queue].reverse());
        }

        const rows = core.db
          .prepare<[string], { event_id: string; outcome: string; order_id: number | null }>(
            'SELECT event_id, outcome, order_id FROM stall_sales WHERE event_id IN (SELECT value FROM json_each(?))',
          )
          .all(JSON.stringify(queue.map((e) => e.id)));
        // Every sale is there exactly once: none lost, none doubled.
        expect(rows.map((r) => r.event_id).sort()).toEqual(queue.map((e) => e.id).sort());
        const applied = rows.filter((r) => r.outcome === 'applied');
        for (const row of applied) {
          const order = await api.call('orders.get', { id: row.order_id ?? 0 });
          const event = queue.find((e) => e.id === row.event_id);
          expect(order.items.map((i) => [i.variantId, i.quantity])).toEqual(event?.lines.map((l) => [l.variantId, l.quantity]));
          expect(order).toMatchObject({ channel: 'stall', status: 'delivered', balanceDue: 0 });
        }
        const stallOrders = Number(
          core.db.prepare("SELECT count(DISTINCT o.id) FROM orders o JOIN order_items i ON i.order_id = o.id WHERE o.channel = 'stall' AND i.variant_id IN (SELECT value FROM json_each(?))").pluck().get(JSON.stringify(ids)),
        );
        expect(stallOrders).toBe(applied.length);
        expect(ledgerMismatches(core)).toEqual([]);
        // Units are neither made nor lost: what came in is at home, at the stall, or in an order that holds it.
        const where = core.db
          .prepare<[string], { shop: number; stall: number }>('SELECT sum(stock) AS shop, sum(stall_stock) AS stall FROM variants WHERE id IN (SELECT value FROM json_each(?))')
          .get(JSON.stringify(ids));
        const sold = Number(
          core.db
            .prepare("SELECT coalesce(sum(i.quantity), 0) FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.status NOT IN ('new', 'cancelled') AND i.variant_id IN (SELECT value FROM json_each(?))")
            .pluck()
            .get(JSON.stringify(ids)),
        );
        expect((where?.shop ?? 0) + (where?.stall ?? 0) + sold).toBe(received);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
