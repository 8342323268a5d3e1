import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { DEMO_TIME_ZONE, seedDemoShop } from '../../../electron/core/demo/seed';
import { makeTempDir } from '../../helpers/tmp';

const resourcesDir = path.resolve(__dirname, '../../../resources');
const HOUR = 3_600_000;

/**
 * The demo must tell its story on whatever day it is opened: promotions running and one coming,
 * deliveries due today, chats from the last hours, a month of sales up to today. Each "now" below
 * is a day the app could be opened on, including a year's last minutes in the shop's zone.
 */
const openedOn = [
  ['a Saturday afternoon', DateTime.fromISO('2026-11-21T10:00', { zone: DEMO_TIME_ZONE })],
  ['New Year’s Eve, 23:50 in Lima', DateTime.fromISO('2026-12-31T23:50', { zone: DEMO_TIME_ZONE })],
  ['a day far from when it was written', DateTime.fromISO('2031-02-28T07:15', { zone: DEMO_TIME_ZONE })],
] as const;

describe.each(openedOn)('demo shop opened on %s', (_, opened) => {
  const tmp = makeTempDir();
  const now = opened.toMillis();
  const today = opened.toISODate() ?? '';
  const dayOffset = (days: number) => opened.plus({ days }).toISODate() ?? '';
  let core: Core;
  afterAll(() => {
    core.close();
    tmp.cleanup();
  });

  it('fills an empty data dir with a shop whose dates sit around the day it is opened', async () => {
    core = createCore({ dataDir: tmp.dir, clock: () => now });
    const result = await seedDemoShop(core, { resourcesDir });
    expect(result.products).toBeGreaterThanOrEqual(20);
    const api = coreClient(core);

    const { items } = await api.call('catalog.listProducts', {});
    expect(items.length).toBeGreaterThanOrEqual(20);
    expect(items.every((p) => p.photos.length > 0 && p.variants.length > 0)).toBe(true);
    expect(items.filter((p) => p.variants.length > 1).length).toBeGreaterThan(5);
    expect(items.filter((p) => p.isLowStock).length).toBeGreaterThanOrEqual(3);
    expect((await api.call('settings.get', {})).shopName).toBe('Karina Cosméticos');

    // Two promotions running today, one that starts later.
    const promotions = (await api.call('promotions.list', {})).items;
    const active = promotions.filter((p) => p.status === 'active');
    const scheduled = promotions.filter((p) => p.status === 'scheduled');
    expect(active).toHaveLength(2);
    expect(scheduled).toHaveLength(1);
    for (const p of active) expect((p.startsOn ?? '') <= today && today <= (p.endsOn ?? '')).toBe(true);
    for (const p of scheduled) expect((p.startsOn ?? '') > today).toBe(true);

    // Deliveries due today, in the shop's zone, for the courier.
    const deliveries = await api.call('deliveries.listForDay', { date: today });
    expect(deliveries.stops.length).toBeGreaterThanOrEqual(2);
    expect(deliveries.stops.every((s) => s.assignee === 'Diego')).toBe(true);

    // Orders on every channel and status; none from the future.
    const orders = await api.call('orders.list', {});
    expect(new Set(orders.items.map((o) => o.channel))).toEqual(new Set(['whatsapp', 'instagram', 'facebook', 'stall', 'phone']));
    expect(new Set(orders.items.map((o) => o.status)).size).toBeGreaterThanOrEqual(4);
    expect(orders.items.every((o) => o.createdAt <= now)).toBe(true);

    // Chats written in the last day, the newest unread.
    const chats = (await api.call('inbox.listConversations', {})).items;
    expect(new Set(chats.map((c) => c.channel))).toEqual(new Set(['whatsapp', 'instagram', 'facebook']));
    expect(chats[0]?.unreadCount).toBeGreaterThan(0);
    expect(chats.every((c) => c.lastMessageAt <= now && c.lastMessageAt > now - 25 * HOUR)).toBe(true);

    // A month of sales that ends today: most of the last four weeks had some.
    const sales = await api.call('reports.sales', { from: dayOffset(-29), to: today, groupBy: 'day' });
    const daysWithSales = sales.buckets.filter((b) => b.orders > 0).length;
    expect(daysWithSales).toBeGreaterThanOrEqual(20);
    const earlier = await api.call('reports.sales', { from: dayOffset(-400), to: dayOffset(-31), groupBy: 'day' });
    expect(earlier.totals.orders).toBe(0);
  });

  it('never seeds twice or into a shop with data', async () => {
    const again = await seedDemoShop(core, { resourcesDir });
    expect(again).toEqual({ products: 0, orders: 0 });
    const { items } = await coreClient(core).call('catalog.listProducts', {});
    expect(items.length).toBe(24);
  });
});
