import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpTables, ledgerMismatches, NOW, openStallShop, sale, type StallShop } from './helpers';

describe('stall: set aside, sync sales once, keep conflicts, return what is left', () => {
  let shop: StallShop;
  beforeEach(async () => {
    shop = await openStallShop();
  });
  afterEach(() => shop.close());

  const stallOf = async (variantId: number) => (await shop.api.call('stall.stock', {})).items.find((l) => l.variantId === variantId);
  const syncAsRosa = (sales: ReturnType<typeof sale>[]) => shop.core.dispatch('stall.sync', { sales }, { principal: shop.rosa });

  it('moves units to the stall and back as movements of both places, shown in the stock history', async () => {
    const { v, api } = shop;
    const set = await api.call('stall.setAside', { lines: [{ variantId: v['LAB-ROJ'] ?? 0, quantity: 4 }, { variantId: v['SER-1'] ?? 0, quantity: 1 }] });
    expect(set.items.map((l) => [l.productName, l.label, l.stallUnits, l.shopUnits])).toEqual([
      ['Labial mate', 'Rojo', 4, 6],
      ['Sérum facial', '', 1, 2],
    ]);
    const product = await api.call('catalog.getProduct', { id: (await api.call('catalog.listProducts', {})).items[0]?.id ?? 0 });
    expect(product.variants.find((x) => x.sku === 'LAB-ROJ')?.stock).toBe(6);
    const history = await api.call('stock.history', { variantId: v['LAB-ROJ'] ?? 0 });
    expect(history.items.slice(0, 2).map((m) => [m.reason, m.location, m.delta, m.balanceAfter])).toEqual([
      ['to_stall', 'stall', 4, 4],
      ['to_stall', 'shop', -4, 6],
    ]);
    const back = await api.call('stall.returnUnsold', {});
    expect(back.returnedUnits).toBe(5);
    expect(back.items.map((l) => [l.stallUnits, l.shopUnits])).toEqual([[0, 10], [0, 3]]);
    expect((await api.call('stall.stock', {})).items).toEqual([]);
    expect((await api.call('stock.history', { variantId: v['LAB-ROJ'] ?? 0 })).items.slice(0, 2).map((m) => [m.reason, m.location, m.delta])).toEqual([
      ['from_stall', 'shop', 4],
      ['from_stall', 'stall', -4],
    ]);
    expect(ledgerMismatches(shop.core)).toEqual([]);
  });

  it('keeps units at the stall in the stock value of Reportes: they are still hers until sold', async () => {
    const { v, api } = shop;
    const range = { from: '2026-03-01', to: '2026-03-31' };
    const before = (await api.call('reports.products', range)).stockValue;
    await api.call('stall.setAside', { lines: [{ variantId: v['LAB-ROJ'] ?? 0, quantity: 4 }] });
    expect((await api.call('reports.products', range)).stockValue).toEqual(before);
    await syncAsRosa([sale([[v['LAB-ROJ'] ?? 0, 1, 2500]])]);
    expect((await api.call('reports.products', range)).stockValue).toEqual({ ...before, units: before.units - 1, atPrice: before.atPrice - 2500 });
  });

  it('refuses to set aside more than the shop has, naming what is available, and moves nothing', async () => {
    const { v, api } = shop;
    const refused = await shop.core.dispatch('stall.setAside', { lines: [{ variantId: v['LAB-ROJ'] ?? 0, quantity: 2 }, { variantId: v['LAB-NUD'] ?? 0, quantity: 5 }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'insufficient_stock', field: 'lines.1.quantity', details: { available: 4 } } });
    expect((await api.call('stall.stock', {})).items).toEqual([]);
    expect(await stallOf(v['LAB-ROJ'] ?? 0)).toBeUndefined();
  });

  it('applies a sale once as a delivered, paid stall order recorded by Rosa; a repeat is a duplicate and changes nothing', async () => {
    const { v, api } = shop;
    await api.call('stall.setAside', { lines: [{ variantId: v['LAB-ROJ'] ?? 0, quantity: 3 }] });
    const one = sale([[v['LAB-ROJ'] ?? 0, 2, 2000]], { paymentMethod: 'Yape/Plin', customerPhone: '987 654 321' });
    const first = await syncAsRosa([one]);
    expect(first).toMatchObject({ ok: true, value: { results: [{ id: one.id, status: 'applied', conflictId: null }] } });
    const orderId = first.ok ? (first.value as { results: { orderId: number }[] }).results[0]?.orderId ?? 0 : 0;
    const order = await api.call('orders.get', { id: orderId });
    expect(order).toMatchObject({ channel: 'stall', status: 'delivered', total: 4000, paid: 4000, balanceDue: 0, createdAt: one.soldAt, customer: { phone: '+51987654321' } });
    expect(order.payments.map((p) => [p.method, p.amount])).toEqual([['Yape/Plin', 4000]]);
    const listed = await api.call('orders.list', { recordedBy: shop.rosaId });
    expect(listed.items.map((o) => [o.id, o.recordedByName])).toEqual([[orderId, 'Rosa']]);
    expect(await stallOf(v['LAB-ROJ'] ?? 0)).toMatchObject({ stallUnits: 1, shopUnits: 7 });
    const history = await api.call('stock.history', { variantId: v['LAB-ROJ'] ?? 0 });
    expect(history.items[0]).toMatchObject({ reason: 'stall_sale', location: 'stall', delta: -2, balanceAfter: 1, note: `Pedido ${order.number}` });

    const before = dumpTables(shop.core);
    const again = await syncAsRosa([one]);
    expect(again).toMatchObject({ ok: true, value: { results: [{ id: one.id, status: 'duplicate', orderId, conflictId: null }] } });
    expect(dumpTables(shop.core)).toBe(before);
  });

  it('takes what the stall lacks from the shop (she carried extra), and keeps a sale with no units anywhere as a conflict', async () => {
    const { v, api } = shop;
    await api.call('stall.setAside', { lines: [{ variantId: v['LAB-NUD'] ?? 0, quantity: 1 }] });
    const extra = sale([[v['LAB-NUD'] ?? 0, 3]]);
    const none = sale([[v['LAB-COR'] ?? 0, 1]]);
    const ghost = sale([[9999, 1]]);
    const result = await syncAsRosa([extra, none, ghost]);
    expect(result).toMatchObject({ ok: true, value: { results: [{ status: 'applied' }, { status: 'conflict' }, { status: 'conflict' }] } });
    expect(await stallOf(v['LAB-NUD'] ?? 0)).toBeUndefined();
    const nude = (await api.call('stall.snapshot', {})).products.flatMap((p) => p.variants).find((x) => x.sku === 'LAB-NUD');
    expect(nude).toMatchObject({ stallUnits: 0, shopUnits: 1 });
    const conflicts = await api.call('stall.conflicts', {});
    expect(conflicts.items.map((c) => [c.eventId, c.reason, c.personName, c.total])).toEqual([
      [none.id, 'no_units', 'Rosa', 2500],
      [ghost.id, 'unknown_variant', 'Rosa', 2500],
    ]);
    expect(ledgerMismatches(shop.core)).toEqual([]);
  });

  it('refuses a sale dated more than a day ahead, or with a phone that is not one, and records nothing of the batch', async () => {
    const { v } = shop;
    const good = sale([[v['LAB-ROJ'] ?? 0, 1]]);
    const future = await syncAsRosa([good, sale([[v['LAB-ROJ'] ?? 0, 1]], { soldAt: NOW + 2 * 86_400_000 })]);
    expect(future).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'sales.1.soldAt' } });
    const badPhone = await syncAsRosa([good, sale([[v['LAB-ROJ'] ?? 0, 1]], { customerPhone: '12' })]);
    expect(badPhone).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'sales.1.customerPhone' } });
    expect(shop.core.db.prepare('SELECT count(*) FROM stall_sales').pluck().get()).toBe(0);
    expect(await syncAsRosa([good])).toMatchObject({ ok: true, value: { results: [{ status: 'applied' }] } });
  });
});

describe('stall: erasing a customer', () => {
  it('takes her number off the stall sales too, applied or kept as a conflict', async () => {
    const shop = await openStallShop();
    try {
      const { v, api, core } = shop;
      await api.call('stall.setAside', { lines: [{ variantId: v['LAB-ROJ'] ?? 0, quantity: 1 }] });
      const sold = sale([[v['LAB-ROJ'] ?? 0, 1]], { customerPhone: '987 654 321' });
      const stuck = sale([[v['LAB-COR'] ?? 0, 1]], { customerPhone: '+51 987 654 321' });
      const result = await core.dispatch('stall.sync', { sales: [sold, stuck] }, { principal: shop.rosa });
      expect(result).toMatchObject({ ok: true, value: { results: [{ status: 'applied' }, { status: 'conflict' }] } });
      const customerId = core.db.prepare("SELECT id FROM customers WHERE phone = '+51987654321'").pluck().get();
      await api.call('customers.erase', { id: Number(customerId), confirm: 'BORRAR' });
      expect(core.db.prepare('SELECT customer_phone FROM stall_sales').pluck().all()).toEqual(['', '']);
    } finally {
      shop.close();
    }
  });
});
