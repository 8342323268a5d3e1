import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { SEARCH_TOTAL_CAP } from '../../../shared/api/schemas';
import { fillShop } from '../../bench/shop';
import { makeTempDir } from '../../helpers/tmp';

// 1,500 orders written as the bench writes them (every customer is "Clienta N"), through the same triggers.
describe('a search that matches more orders than the cap', () => {
  const tmp = makeTempDir();
  let core: Core;
  const now = Date.UTC(2026, 10, 29, 15);
  beforeAll(() => {
    core = createCore({ dataDir: tmp.dir, isOutboxTimerEnabled: false, clock: () => now });
    fillShop(core, { name: 'small', products: 20, customers: 60, orders: 1_500, messages: 0 }, now, '2026-11-29');
  });
  afterAll(() => {
    core.close();
    tmp.cleanup();
  });

  it('counts up to the cap and says so, then counts on as she scrolls, newest number first, and every order is found', async () => {
    const api = coreClient(core);
    const first = await api.call('orders.list', { query: 'clienta', limit: 100 });
    expect(first).toMatchObject({ total: SEARCH_TOTAL_CAP, isTotalCapped: true });
    expect(first.items.map((o) => o.number).slice(0, 2)).toEqual(['P-001500', 'P-001499']);
    const end = await api.call('orders.list', { query: 'clienta', limit: 100, offset: SEARCH_TOTAL_CAP - 50 });
    expect(end).toMatchObject({ total: 1_500 });
    expect(end.isTotalCapped ?? false).toBe(false);
    expect(end.items[0]?.number).toBe('P-000550');
    // Without a search every order is counted exactly.
    expect(await api.call('orders.list', { limit: 1 })).toMatchObject({ total: 1_500 });
    // The index holds each order exactly once: every number finds its own order.
    const indexed = core.db.prepare<[], number>('SELECT count(*) FROM order_search').pluck().get();
    expect(indexed).toBe(1_500);
    for (const n of [1, 77, 1500]) {
      const number = `P-${String(n).padStart(6, '0')}`;
      expect((await api.call('orders.list', { query: number })).items.map((o) => o.number)).toEqual([number]);
    }
  });

  it('counts a filter up to the cap too, exactly below it, and its page is the newest matches', async () => {
    const api = coreClient(core);
    const exact = (sql: string) => core.db.prepare<[], number>(`SELECT count(*) FROM orders WHERE ${sql}`).pluck().get() ?? 0;
    const byChannel = exact("channel = 'instagram'");
    expect(byChannel).toBeGreaterThan(SEARCH_TOTAL_CAP / 3);
    const instagram = await api.call('orders.list', { channel: 'instagram', limit: 50 });
    expect(instagram).toMatchObject(byChannel > SEARCH_TOTAL_CAP ? { total: SEARCH_TOTAL_CAP, isTotalCapped: true } : { total: byChannel });
    const newest = core.db.prepare<[], number>("SELECT id FROM orders WHERE channel = 'instagram' ORDER BY created_at DESC, id DESC LIMIT 50").pluck().all();
    expect(instagram.items.map((o) => o.id)).toEqual(newest);
    const paid = exact('paid >= total AND paid > 0');
    expect(paid).toBeGreaterThan(SEARCH_TOTAL_CAP);
    expect(await api.call('orders.list', { paymentState: 'paid', limit: 10 })).toMatchObject({ total: SEARCH_TOTAL_CAP, isTotalCapped: true });
    // Scrolled past the cap, the count goes on from her page.
    const further = await api.call('orders.list', { paymentState: 'paid', limit: 10, offset: SEARCH_TOTAL_CAP });
    expect(further).toMatchObject({ total: Math.min(paid, 2 * SEARCH_TOTAL_CAP + 10) });
    const cancelled = exact("status = 'cancelled'");
    expect(cancelled).toBeLessThan(SEARCH_TOTAL_CAP);
    const page = await api.call('orders.list', { status: 'cancelled', limit: 10 });
    expect(page.total).toBe(cancelled);
    expect(page.isTotalCapped ?? false).toBe(false);
  });
});
