import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { seedDemoShop } from '../../../electron/core/demo/seed';
import { makeTempDir } from '../../helpers/tmp';

const resourcesDir = path.resolve(__dirname, '../../../resources');

describe('demo shop', () => {
  const tmp = makeTempDir();
  let core: Core;
  beforeAll(() => {
    core = createCore({ dataDir: tmp.dir });
  });
  afterAll(() => {
    core.close();
    tmp.cleanup();
  });

  it('fills an empty data dir with a cosmetics shop that has photos, variants, low stock and orders', async () => {
    const result = await seedDemoShop(core, { resourcesDir, now: Date.UTC(2026, 10, 21, 15) });
    expect(result.products).toBeGreaterThanOrEqual(20);
    const api = coreClient(core);
    const { items } = await api.call('catalog.listProducts', {});
    expect(items.length).toBeGreaterThanOrEqual(20);
    expect(items.every((p) => p.photos.length > 0 && p.variants.length > 0)).toBe(true);
    expect(items.filter((p) => p.variants.length > 1).length).toBeGreaterThan(5);
    expect(items.filter((p) => p.isLowStock).length).toBeGreaterThanOrEqual(3);
    expect((await api.call('settings.get', {})).shopName).toBe('Karina Cosméticos');
    const orders = await api.call('orders.list', {});
    expect(new Set(orders.items.map((o) => o.channel))).toEqual(new Set(['whatsapp', 'instagram', 'facebook', 'stall', 'phone']));
    expect(new Set(orders.items.map((o) => o.status)).size).toBeGreaterThanOrEqual(4);
    const chats = await api.call('inbox.listConversations', {});
    expect(new Set(chats.items.map((c) => c.channel))).toEqual(new Set(['whatsapp', 'instagram', 'facebook']));
    expect(chats.items[0]?.unreadCount).toBeGreaterThan(0);
    const promotions = await api.call('promotions.list', {});
    expect(promotions.items.map((p) => p.status).sort()).toEqual(['active', 'active', 'scheduled']);
  });

  it('never seeds twice or into a shop with data', async () => {
    const again = await seedDemoShop(core, { resourcesDir, now: Date.now() });
    expect(again).toEqual({ products: 0, orders: 0 });
    const { items } = await coreClient(core).call('catalog.listProducts', {});
    expect(items.length).toBe(24);
  });
});
