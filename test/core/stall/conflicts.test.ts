import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StallSyncResult } from '../../../shared/api/methods/stall';
import { dumpTables, ledgerMismatches, openStallShop, sale, type StallShop } from './helpers';

describe('stall: a day of sales meets the laptop’s online sales, and the owner settles what could not apply', () => {
  let shop: StallShop;
  beforeEach(async () => {
    shop = await openStallShop();
  });
  afterEach(() => shop.close());

  const syncAsRosa = async (sales: ReturnType<typeof sale>[]): Promise<StallSyncResult[]> => {
    const envelope = await shop.core.dispatch('stall.sync', { sales }, { principal: shop.rosa });
    if (!envelope.ok) throw new Error(envelope.error.message);
    return (envelope.value as { results: StallSyncResult[] }).results;
  };
  const id = (sku: string) => shop.v[sku] ?? 0;

  /** The serum: 1 set aside, 2 left at home. Rosa sells 3 (she carried 2 extra) while the laptop sells 1 online. */
  const dayOfFive = async () => {
    await shop.api.call('stall.setAside', { lines: [{ variantId: id('LAB-ROJ'), quantity: 4 }, { variantId: id('SER-1'), quantity: 1 }] });
    const sales = [
      sale([[id('LAB-ROJ'), 1]]),
      sale([[id('SER-1'), 1, 5000]]),
      sale([[id('LAB-ROJ'), 2], [id('LAB-NUD'), 1]]),
      sale([[id('SER-1'), 2, 4500]], { paymentMethod: 'Yape/Plin' }),
      sale([[id('LAB-ROJ'), 1]]),
    ];
    // Meanwhile, at home, one of the two serums left is sold on WhatsApp.
    const online = await shop.api.call('orders.create', { channel: 'whatsapp', items: [{ variantId: id('SER-1'), quantity: 1 }] });
    await shop.api.call('orders.setStatus', { id: online.id, status: 'confirmed' });
    return sales;
  };

  it('applies four sales once and keeps the fifth as a conflict; repeating the sync, in any order, changes nothing', async () => {
    const sales = await dayOfFive();
    const results = await syncAsRosa(sales);
    expect(results.map((r) => [r.id, r.status])).toEqual(sales.map((s, i) => [s.id, i === 3 ? 'conflict' : 'applied']));
    // Every unit set aside was sold; Rojo's 6 and the serum's last unit stay at home.
    expect((await shop.api.call('stall.stock', {})).items).toEqual([]);
    const left = (await shop.api.call('stall.snapshot', {})).products.flatMap((p) => p.variants).map((v) => [v.sku, v.stallUnits, v.shopUnits]);
    expect(left).toEqual([['LAB-ROJ', 0, 6], ['LAB-NUD', 0, 3], ['SER-1', 0, 1]]);
    const orders = await shop.api.call('orders.list', { channel: 'stall' });
    expect(orders.items).toHaveLength(4);
    expect(orders.items.every((o) => o.recordedByName === 'Rosa' && o.status === 'delivered' && o.balanceDue === 0)).toBe(true);
    expect(ledgerMismatches(shop.core)).toEqual([]);

    const before = dumpTables(shop.core);
    const again = await syncAsRosa([...sales].reverse());
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(again.reverse()).toEqual(results.map((r) => ({ ...r, status: 'duplicate' })));
    expect(dumpTables(shop.core)).toBe(before);
  });

  it('settles by applying once units came back: refused with insufficient_stock while they are missing, changing nothing', async () => {
    const results = await syncAsRosa(await dayOfFive());
    const conflictId = results[3]?.conflictId ?? 0;
    const before = dumpTables(shop.core);
    const early = await shop.core.dispatch('stall.settleConflict', { id: conflictId, resolution: 'apply' });
    expect(early).toMatchObject({ ok: false, error: { code: 'insufficient_stock', details: { missing: 1 } } });
    expect(dumpTables(shop.core)).toBe(before);
    await shop.api.call('stock.adjust', { variantId: id('SER-1'), delta: 1, reason: 'receive' });
    const settled = await shop.api.call('stall.settleConflict', { id: conflictId, resolution: 'apply', note: 'llegó la proveedora' });
    expect(settled).toMatchObject({ id: conflictId, settledAs: 'applied', personName: 'Rosa', total: 9000 });
    expect((await shop.api.call('stall.conflicts', {})).items).toEqual([]);
    expect((await shop.api.call('stall.conflicts', { isOpenOnly: false })).items).toHaveLength(1);
    const orders = await shop.api.call('orders.list', { channel: 'stall' });
    expect(orders.items).toHaveLength(5);
    expect(orders.items.every((o) => o.recordedByName === 'Rosa')).toBe(true);
    expect(await shop.core.dispatch('stall.settleConflict', { id: conflictId, resolution: 'dismiss' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // A repeated sync still says duplicate, now with the order.
    const again = await syncAsRosa([sale([[id('SER-1'), 2, 4500]], { id: results[3]?.id ?? '' })]);
    expect(again[0]).toMatchObject({ status: 'duplicate', conflictId, orderId: expect.any(Number) });
    expect(ledgerMismatches(shop.core)).toEqual([]);
  });

  it('settles by adjusting: the missing unit is counted in at the stall ("conteo en feria") and the sale recorded', async () => {
    const results = await syncAsRosa(await dayOfFive());
    const settled = await shop.api.call('stall.settleConflict', { id: results[3]?.conflictId ?? 0, resolution: 'adjust' });
    expect(settled.settledAs).toBe('adjusted');
    const history = await shop.api.call('stock.history', { variantId: id('SER-1') });
    // The stall had none and home one: one unit counted in at the stall, then the sale takes it and home's last one.
    expect(history.items.slice(0, 3).map((m) => [m.reason, m.location, m.delta, m.note.startsWith('Pedido') ? 'Pedido' : m.note])).toEqual([
      ['stall_sale', 'shop', -1, 'Pedido'],
      ['stall_sale', 'stall', -1, 'Pedido'],
      ['adjustment', 'stall', 1, 'conteo en feria'],
    ]);
    expect((await shop.api.call('stall.snapshot', {})).products.flatMap((p) => p.variants).find((v) => v.sku === 'SER-1')).toBeUndefined();
    expect(ledgerMismatches(shop.core)).toEqual([]);
  });

  it('settles by dismissing: kept with its note, nothing recorded', async () => {
    const results = await syncAsRosa(await dayOfFive());
    const before = dumpTables(shop.core);
    const settled = await shop.api.call('stall.settleConflict', { id: results[3]?.conflictId ?? 0, resolution: 'dismiss', note: 'se anuló la venta' });
    expect(settled).toMatchObject({ settledAs: 'dismissed', settledAt: expect.any(Number) });
    const after = JSON.parse(dumpTables(shop.core)) as [string, string[]][];
    const changed = after.filter(([table, rows]) => JSON.stringify(rows) !== JSON.stringify((JSON.parse(before) as [string, string[]][]).find(([t]) => t === table)?.[1]));
    expect(changed.map(([table]) => table)).toEqual(['stall_sales']);
    expect(shop.core.db.prepare('SELECT settle_note FROM stall_sales WHERE id = ?').pluck().get(settled.id)).toBe('se anuló la venta');
  });

  it('keeps a sale of a product archived meanwhile as a conflict, which she may still apply', async () => {
    await shop.api.call('stall.setAside', { lines: [{ variantId: id('SER-1'), quantity: 2 }] });
    const serum = shop.core.db.prepare('SELECT product_id FROM variants WHERE id = ?').pluck().get(id('SER-1'));
    await shop.api.call('catalog.archiveProduct', { id: Number(serum) });
    const [result] = await syncAsRosa([sale([[id('SER-1'), 1, 5000]])]);
    expect(result).toMatchObject({ status: 'conflict' });
    expect((await shop.api.call('stall.conflicts', {})).items[0]).toMatchObject({ reason: 'unknown_variant', lines: [{ productName: 'Sérum facial', available: 3 }] });
    expect(await shop.api.call('stall.settleConflict', { id: result?.conflictId ?? 0, resolution: 'apply' })).toMatchObject({ settledAs: 'applied' });
    expect((await shop.api.call('stall.stock', {})).items).toMatchObject([{ variantId: id('SER-1'), stallUnits: 1 }]);
    expect(ledgerMismatches(shop.core)).toEqual([]);
  });

  it('answers not_found for a conflict that does not exist or a sale that applied', async () => {
    const results = await syncAsRosa(await dayOfFive());
    expect(await shop.core.dispatch('stall.settleConflict', { id: 999, resolution: 'apply' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
    const appliedRow = Number(shop.core.db.prepare('SELECT id FROM stall_sales WHERE event_id = ?').pluck().get(results[0]?.id));
    expect(await shop.core.dispatch('stall.settleConflict', { id: appliedRow, resolution: 'dismiss' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
