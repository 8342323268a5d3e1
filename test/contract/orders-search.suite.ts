import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness, type TransportName } from './setup';

/** Pedidos' search: the start of any word of the number, the customer or the products; newest first. */
export const ordersSearchContractSuite = (transport: TransportName): void => {
  describe(`orders search (${transport})`, () => {
    let h: Harness;
    beforeEach(async () => {
      h = await openHarness(transport);
    });
    afterEach(async () => h.close());

    const product = async (name: string) => (await h.client.call('catalog.createProduct', { name, variants: [{ sku: name.slice(0, 3).toUpperCase(), price: 2500, initialStock: 50 }] })).variants[0]?.id ?? 0;
    const order = async (customer: string, variantId: number) =>
      h.client.call('orders.create', { channel: 'whatsapp', customer: { name: customer, phone: '' }, items: [{ variantId, quantity: 1 }] });
    const numbers = async (query: string, extra: Record<string, unknown> = {}) =>
      (await h.client.call('orders.list', { query, ...extra })).items.map((o) => o.number);

    it('finds by the start of a word of the customer, the products or the number, accents and case ignored', async () => {
      const labial = await product('Labial mate rojo');
      const rimel = await product('Rímel a prueba de agua');
      await order('Lucía Ñahui', labial);
      await order('Rosa Quispe', rimel);
      await order('Luciana Flores', rimel);
      expect(await numbers('lucia')).toEqual(['P-0003', 'P-0001']);
      expect(await numbers('LUCÍA ñah')).toEqual(['P-0001']);
      expect(await numbers('rimel prue')).toEqual(['P-0003', 'P-0002']);
      expect(await numbers('labiales rojos')).toEqual(['P-0001']);
      expect(await numbers('ucia')).toEqual([]);
      // The number, as printed or by its digits alone.
      expect(await numbers('P-0002')).toEqual(['P-0002']);
      expect(await numbers('2')).toEqual(['P-0002']);
      // With the other filters, and only punctuation is no search at all.
      await h.client.call('orders.setStatus', { id: 3, status: 'confirmed' });
      expect(await numbers('rimel', { status: 'confirmed' })).toEqual(['P-0003']);
      expect(await numbers('¿?')).toEqual(['P-0003', 'P-0002', 'P-0001']);
      // Query syntax is only text.
      for (const hostile of ['"', 'luc*', 'NEAR(a b)', 'a OR b', "'; DROP TABLE orders; --"]) {
        expect((await h.client.request('orders.list', { query: hostile })).ok, hostile).toBe(true);
      }
    });

    it('follows every write: a renamed customer, changed items and an erased customer', async () => {
      const labial = await product('Labial mate rojo');
      const rimel = await product('Rímel negro');
      const first = await order('Rosa Mamani', labial);
      const customerId = first.customer?.id ?? 0;
      await h.client.call('customers.update', { id: customerId, name: 'Rosita Condori' });
      expect(await numbers('rosita')).toEqual(['P-0001']);
      await h.client.call('orders.update', { id: first.id, customer: { id: customerId }, items: [{ variantId: rimel, quantity: 2 }] });
      expect(await numbers('rimel')).toEqual(['P-0001']);
      expect(await numbers('labial')).toEqual([]);
      await h.client.call('customers.erase', { id: customerId, confirm: 'BORRAR' });
      expect(await numbers('rosita')).toEqual([]);
      expect(await numbers('mamani')).toEqual([]);
      expect(await numbers('borrado')).toEqual(['P-0001']);
    });

    it('a word finds every longer word it starts, whether they are few or many', async () => {
      const labial = await product('Labial');
      await order('Rosa Flores', labial);
      await order('Rosario Poma', labial);
      await order('Rosaura Vílchez', labial);
      expect(await numbers('rosa')).toEqual(['P-0003', 'P-0002', 'P-0001']);
      expect(await numbers('rosar')).toEqual(['P-0002']);
      expect(await numbers('rosa flor')).toEqual(['P-0001']);
      // More longer words than are spelled out: the word stays a prefix, with the same matches.
      const letters = 'abcdefghijklmnopqrstuvw';
      for (const letter of letters) await order(`Luzm${letter}a Soto`, labial);
      expect(await numbers('luzm')).toHaveLength(letters.length);
      expect(await numbers('luzmb soto')).toEqual(['P-0005']);
    });

    it('pages a search with a total', async () => {
      const labial = await product('Labial');
      for (let i = 0; i < 5; i += 1) await order(`Carla ${i}`, labial);
      const pages = [];
      for (const offset of [0, 2, 4]) pages.push(await h.client.call('orders.list', { query: 'carla', limit: 2, offset }));
      expect(pages.map((p) => [p.total, p.isTotalCapped ?? false])).toEqual([[5, false], [5, false], [5, false]]);
      expect(pages.flatMap((p) => p.items.map((o) => o.number))).toEqual(['P-0005', 'P-0004', 'P-0003', 'P-0002', 'P-0001']);
      expect(await h.client.call('orders.list', { query: 'carla', limit: 2, offset: 10 })).toEqual({ items: [], total: 5 });
    });
  });
};
