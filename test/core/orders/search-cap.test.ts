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
});
