import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';

/** Lima is UTC-5 all year: 2026-03-02 00:00 in Lima is 05:00 UTC. */
const lima = (day: number, hour: number) => Date.UTC(2026, 2, day, hour + 5);

describe('reports against hand-computed figures', () => {
  const tmp = makeTempDir();
  let now = lima(1, 9);
  let core: Core;
  let api: ApiClient;
  beforeAll(async () => {
    core = createCore({ dataDir: tmp.dir, clock: () => now });
    api = coreClient(core);
    const lip = await api.call('catalog.createProduct', { name: 'Labial', variants: [{ sku: 'LAB', price: 2500, cost: 1000, initialStock: 20 }] });
    const ser = await api.call('catalog.createProduct', { name: 'Sérum', lowStockThreshold: 5, variants: [{ sku: 'SER', price: 6000, cost: 3000, initialStock: 6 }] });
    const [lab, serum] = [lip.variants[0]?.id ?? 0, ser.variants[0]?.id ?? 0];
    const order = async (day: number, hour: number, channel: 'whatsapp' | 'instagram' | 'stall', customer: string | null, items: [number, number][]) => {
      now = lima(day, hour);
      return api.call('orders.create', {
        channel,
        ...(customer ? { customer: { name: customer, phone: customer === 'Ana' ? '987000001' : '987000002' } } : {}),
        items: items.map(([variantId, quantity]) => ({ variantId, quantity })),
      });
    };
    // Ana returns (first order before the range), Beto is new, the stall sale has no customer.
    await order(1, 10, 'whatsapp', 'Ana', [[lab, 1]]); // 25.00, before the range
    const ana = (await api.call('orders.list', {})).items[0];
    await order(2, 23, 'whatsapp', null, [[lab, 2]]); // 50.00 on the 2nd, late at night in Lima
    const beto = await order(3, 8, 'instagram', 'Beto', [[serum, 1], [lab, 1]]); // 85.00
    await order(3, 18, 'stall', null, [[lab, 4]]); // 100.00
    const cancelled = await order(4, 12, 'whatsapp', null, [[serum, 1]]);
    await api.call('orders.cancel', { id: cancelled.id });
    await order(9, 12, 'whatsapp', 'Ana', [[serum, 2]]); // 120.00, next week
    await api.call('orders.setStatus', { id: beto.id, status: 'confirmed' });
    expect(ana?.customerName).toBe('Ana');
  });
  afterAll(() => {
    core.close();
    tmp.cleanup();
  });

  it('sums sales per day in the shop time zone, skipping cancelled orders', async () => {
    const report = await api.call('reports.sales', { from: '2026-03-02', to: '2026-03-04' });
    expect(report.buckets).toEqual([
      { period: '2026-03-02', orders: 1, revenue: 5000, units: 2 },
      { period: '2026-03-03', orders: 2, revenue: 18500, units: 6 },
      { period: '2026-03-04', orders: 0, revenue: 0, units: 0 },
    ]);
    expect(report.totals).toEqual({ orders: 3, revenue: 23500, averageTicket: 7833 });
  });

  it('groups by week and month', async () => {
    const weeks = await api.call('reports.sales', { from: '2026-03-01', to: '2026-03-10', groupBy: 'week' });
    expect(weeks.buckets.map((b) => [b.period, b.revenue])).toEqual([
      ['2026-02-23', 2500],
      ['2026-03-02', 23500],
      ['2026-03-09', 12000],
    ]);
    const month = await api.call('reports.sales', { from: '2026-03-01', to: '2026-03-31', groupBy: 'month' });
    expect(month.buckets).toEqual([{ period: '2026-03', orders: 5, revenue: 38000, units: 11 }]);
  });

  it('splits by channel and ranks products', async () => {
    const channels = await api.call('reports.channels', { from: '2026-03-01', to: '2026-03-31' });
    expect(channels.items.filter((c) => c.orders > 0).map((c) => [c.channel, c.orders, c.revenue])).toEqual([
      ['whatsapp', 3, 19500],
      ['instagram', 1, 8500],
      ['stall', 1, 10000],
    ]);
    expect(channels.items.find((c) => c.channel === 'whatsapp')?.conversion).toBeNull();
    for (const [i, sender] of ['51911111111', '51922222222'].entries()) {
      await api.call('inbox.ingestMessage', {
        channel: 'whatsapp', conversationExternalId: sender, messageExternalId: `m${i}`, direction: 'in', author: 'x', senderExternalId: sender, text: 'hola', sentAt: lima(5, 10),
      });
    }
    const withTalks = await api.call('reports.channels', { from: '2026-03-01', to: '2026-03-31' });
    // Two people wrote and neither bought: 0%, not "3 orders ÷ 2 chats = 150%".
    expect(withTalks.items.find((c) => c.channel === 'whatsapp')).toMatchObject({ conversations: 2, converted: 0, conversion: 0 });
    const products = await api.call('reports.products', { from: '2026-03-01', to: '2026-03-31' });
    expect(products.top.map((p) => [p.sku, p.units, p.revenue])).toEqual([
      ['LAB', 8, 20000],
      ['SER', 3, 18000],
    ]);
    // Only Beto's order is confirmed: 1 labial and 1 sérum left the shelf.
    expect(products.stockValue).toEqual({ units: 19 + 5, atCost: 19 * 1000 + 5 * 3000, atPrice: 19 * 2500 + 5 * 6000 });
    expect(products.lowStock.map((v) => v.sku)).toEqual(['SER']);
  });

  it('says what sells where: each best seller\'s units per channel', async () => {
    const products = await api.call('reports.products', { from: '2026-03-01', to: '2026-03-31' });
    expect(products.whereSold.map((p) => [p.sku, p.units, p.byChannel.map((c) => [c.channel, c.units, c.revenue])])).toEqual([
      ['LAB', 8, [['stall', 4, 10000], ['whatsapp', 3, 7500], ['instagram', 1, 2500]]],
      ['SER', 3, [['whatsapp', 2, 12000], ['instagram', 1, 6000]]],
    ]);
  });

  it('counts new and returning customers, repeat rate and lifetime value', async () => {
    const customers = await api.call('reports.customers', { from: '2026-03-02', to: '2026-03-10' });
    expect(customers).toMatchObject({ newCustomers: 1, returningCustomers: 1, repeatRate: 0.5, averageLifetimeValue: Math.round((14500 + 8500) / 2) });
    expect(customers.top.map((c) => [c.name, c.orders, c.lifetimeValue])).toEqual([
      ['Ana', 2, 14500],
      ['Beto', 1, 8500],
    ]);
  });

  it('returning and repeat rate are one definition: of who bought in the range, who has bought twice by its end', async () => {
    // Ana bought on the 1st and the 9th: in 2–5 March only Beto bought, once.
    const early = await api.call('reports.customers', { from: '2026-03-02', to: '2026-03-05' });
    expect(early).toMatchObject({ buyers: 1, newCustomers: 1, returningCustomers: 0, repeatRate: 0 });
    const all = await api.call('reports.customers', { from: '2026-03-01', to: '2026-03-31' });
    expect(all).toMatchObject({ buyers: 2, newCustomers: 2, returningCustomers: 1, repeatRate: 0.5 });
  });

  it('conversion: a conversation converts when its customer orders on that channel within 7 days of her last message', async () => {
    const write = async (sender: string, day: number) => {
      const { conversationId } = await api.call('inbox.ingestMessage', {
        channel: 'whatsapp', conversationExternalId: sender, messageExternalId: `${sender}-${day}`, direction: 'in', author: sender, senderExternalId: sender, text: 'hola', sentAt: lima(day, 10),
      });
      return (await api.call('inbox.getConversation', { id: conversationId })).customerId ?? 0;
    };
    const variantId = (await api.call('catalog.listProducts', {})).items[0]?.variants[0]?.id ?? 0;
    const buy = (customerId: number, day: number, channel: 'whatsapp' | 'instagram') => {
      now = lima(day, 12);
      return api.call('orders.create', { channel, customer: { id: customerId }, items: [{ variantId, quantity: 1 }] });
    };
    // Carla writes on the 20th and orders on WhatsApp on the 22nd: converted. Dora orders 9 days later: not.
    // Eva orders on Instagram after writing on WhatsApp: not a WhatsApp conversion.
    await buy(await write('51933333333', 20), 22, 'whatsapp');
    await buy(await write('51944444444', 20), 29, 'whatsapp');
    await buy(await write('51955555555', 20), 21, 'instagram');
    const day20 = (await api.call('reports.channels', { from: '2026-03-20', to: '2026-03-20' })).items.find((c) => c.channel === 'whatsapp');
    expect(day20).toMatchObject({ orders: 0, conversations: 3, converted: 1 });
    expect(day20?.conversion).toBeCloseTo(1 / 3);
    const all = await api.call('reports.channels', { from: '2026-03-01', to: '2026-03-31' });
    for (const row of all.items) expect(row.conversion === null || row.conversion <= 1).toBe(true);
  });

  it('refuses a range that ends before it starts', async () => {
    expect(await api.request('reports.sales', { from: '2026-03-05', to: '2026-03-01' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'from' } });
  });
});
