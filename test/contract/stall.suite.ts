import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/api/contract';
import type { StallSaleEvent } from '../../shared/api/methods/stall';
import { makePhotoBase64 } from '../helpers/photos';
import { lipstick } from './catalog.suite';
import { openHarness, type Harness, type TransportName } from './setup';

/** Sold at the market that morning (the harness's clock starts at 14:30 UTC on 4 March 2026). */
const SOLD_AT = Date.UTC(2026, 2, 4, 13);

const sale = (variantId: number, quantity: number, extra: Partial<StallSaleEvent> = {}): StallSaleEvent => ({
  id: crypto.randomUUID(),
  soldAt: SOLD_AT,
  lines: [{ variantId, quantity, unitPrice: 1990 }],
  paymentMethod: 'Efectivo',
  ...extra,
});

export const stallContractSuite = (transport: TransportName): void => {
  describe(`stall contract (${transport})`, () => {
    let h: Harness;
    let red = 0;
    let nude = 0;
    beforeEach(async () => {
      h = await openHarness(transport);
      const photo = await h.client.call('media.upload', { fileName: 'rojo.jpg', dataBase64: await makePhotoBase64() });
      const product = await h.client.call('catalog.createProduct', lipstick({ photoIds: [photo.id] }));
      red = product.variants[0]?.id ?? 0;
      nude = product.variants[1]?.id ?? 0;
    });
    afterEach(async () => h.close());

    it('gives the phone a snapshot with photos, prices, the active promo price and the units of both places', async () => {
      await h.client.call('promotions.create', { title: 'Rojo a 19.90', kind: 'price', startsOn: '2026-03-01', endsOn: '2026-03-31', items: [{ variantId: red, promoPrice: 1990 }] });
      await h.client.call('stall.setAside', { lines: [{ variantId: red, quantity: 3 }] });
      const snapshot = await h.client.call('stall.snapshot', {});
      expect(snapshot).toMatchObject({ shopName: expect.any(String), currency: expect.any(String), locale: expect.any(String), paymentMethods: expect.arrayContaining(['Efectivo']), takenAt: expect.any(Number) });
      const [product] = snapshot.products;
      expect(product?.photoId).toMatch(/^[a-f0-9]+$/);
      expect(product?.thumbUrl).toBe(`/media/thumbs/${product?.photoId}.webp`);
      expect(product?.variants.map((v) => [v.sku, v.price, v.promoPrice, v.promoName, v.stallUnits, v.shopUnits])).toEqual([
        ['LAB-MAT-ROJ', 2500, 1990, 'Rojo a 19.90', 3, 7],
        ['LAB-MAT-NUD', 2500, null, null, 0, 2],
      ]);
    });

    it('syncs sales once, keeps what cannot apply as a conflict, and settles it', async () => {
      await h.client.call('stall.setAside', { lines: [{ variantId: red, quantity: 2 }] });
      const events: AppEvent[] = [];
      const stop = h.client.onEvent((event) => events.push(event));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const sales = [sale(red, 2), sale(nude, 3, { customerPhone: '987654321' })];
      const { results } = await h.client.call('stall.sync', { sales });
      expect(results.map((r) => [r.id, r.status])).toEqual([
        [sales[0]?.id, 'applied'],
        [sales[1]?.id, 'conflict'],
      ]);
      const order = await h.client.call('orders.get', { id: results[0]?.orderId ?? 0 });
      expect(order).toMatchObject({ channel: 'stall', status: 'delivered', total: 3980, paid: 3980, createdAt: SOLD_AT });
      await expect.poll(() => events.find((e) => e.type === 'stall.changed')).toMatchObject({ payload: { openConflicts: 1 } });
      stop();
      const again = await h.client.call('stall.sync', { sales });
      expect(again.results).toEqual(results.map((r) => ({ ...r, status: 'duplicate' })));
      const { items } = await h.client.call('stall.conflicts', {});
      expect(items).toMatchObject([{ id: results[1]?.conflictId, eventId: sales[1]?.id, reason: 'no_units', customerPhone: '+51987654321', total: 5970, lines: [{ variantId: nude, quantity: 3, available: 2 }], settledAs: null }]);
      const refused = await h.client.request('stall.settleConflict', { id: results[1]?.conflictId ?? 0, resolution: 'apply' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'insufficient_stock' } });
      const settled = await h.client.call('stall.settleConflict', { id: results[1]?.conflictId ?? 0, resolution: 'adjust', note: 'tenía una en la cartera' });
      expect(settled.settledAs).toBe('adjusted');
      expect((await h.client.call('stall.conflicts', {})).items).toEqual([]);
    });

    it('moves units to the stall and back in one action, and refuses more than there is', async () => {
      const refused = await h.client.request('stall.setAside', { lines: [{ variantId: nude, quantity: 3 }] });
      expect(refused).toMatchObject({ ok: false, error: { code: 'insufficient_stock', field: 'lines.0.quantity', details: { available: 2 } } });
      await h.client.call('stall.setAside', { lines: [{ variantId: red, quantity: 4 }, { variantId: nude, quantity: 2 }] });
      expect((await h.client.call('stall.stock', {})).items.map((l) => [l.label, l.stallUnits, l.shopUnits])).toEqual([
        ['Rojo Pasión', 4, 6],
        ['Nude Canela', 2, 0],
      ]);
      const back = await h.client.call('stall.returnUnsold', {});
      expect(back.returnedUnits).toBe(6);
      expect((await h.client.call('stall.stock', {})).items).toEqual([]);
      const history = await h.client.call('stock.history', { variantId: red });
      expect(history.items.map((m) => [m.reason, m.location, m.delta])).toEqual([
        ['from_stall', 'shop', 4],
        ['from_stall', 'stall', -4],
        ['to_stall', 'stall', 4],
        ['to_stall', 'shop', -4],
        ['initial', 'shop', 10],
      ]);
    });

    it('names the field of invalid input and records nothing', async () => {
      const badId = await h.client.request('stall.sync', { sales: [{ ...sale(red, 1), id: 'no-es-uuid' }] });
      expect(badId).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'sales.0.id' } });
      const future = await h.client.request('stall.sync', { sales: [sale(red, 1, { soldAt: SOLD_AT + 3 * 86_400_000 })] });
      expect(future).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'sales.0.soldAt' } });
      const empty = await h.client.request('stall.sync', { sales: [] });
      expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'sales' } });
      expect((await h.client.call('stall.conflicts', { isOpenOnly: false })).items).toEqual([]);
      expect((await h.client.call('orders.list', {})).items).toEqual([]);
    });
  });
};
