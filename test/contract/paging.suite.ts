import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lipstick } from './catalog.suite';
import { openHarness, type Harness, type TransportName } from './setup';

const DAY = '2026-03-07';

/** Paged answers: catalog search and a day's deliveries give a page, a total and a stable order. */
export const pagingContractSuite = (transport: TransportName): void => {
  describe(`paging (${transport})`, () => {
    let h: Harness;
    beforeEach(async () => {
      h = await openHarness(transport);
    });
    afterEach(async () => h.close());

    const product = (name: string, sku: string, extra: { description?: string; tags?: string[] } = {}) =>
      h.client.call('catalog.createProduct', lipstick({ name, tags: [], ...extra, variants: [{ sku, price: 1000, initialStock: 5 }] }));

    it('pages the catalog by name and a search by rank, with a total and no repeats', async () => {
      for (let i = 1; i <= 5; i += 1) await product(`Labial Coral ${i}`, `COR-${i}`);
      await product('Bálsamo de coco', 'BAL-1');
      await product('Rímel negro', 'RIM-1');
      const pages = [];
      for (const offset of [0, 3, 6]) pages.push(await h.client.call('catalog.listProducts', { limit: 3, offset }));
      expect(pages.map((p) => p.total)).toEqual([7, 7, 7]);
      expect(pages.flatMap((p) => p.items.map((i) => i.name))).toEqual(['Bálsamo de coco', 'Labial Coral 1', 'Labial Coral 2', 'Labial Coral 3', 'Labial Coral 4', 'Labial Coral 5', 'Rímel negro']);
      const first = await h.client.call('catalog.listProducts', { query: 'labial', limit: 2 });
      const rest = await h.client.call('catalog.listProducts', { query: 'labial', limit: 2, offset: 2 });
      const last = await h.client.call('catalog.listProducts', { query: 'labial', limit: 2, offset: 4 });
      expect([first.total, rest.total, last.total]).toEqual([5, 5, 5]);
      const ids = [...first.items, ...rest.items, ...last.items].map((p) => p.id);
      expect(new Set(ids).size).toBe(5);
      const beyond = await h.client.call('catalog.listProducts', { query: 'labial', limit: 2, offset: 50 });
      expect(beyond).toMatchObject({ items: [], total: 5 });
    });

    it('keeps the name order through renames and archiving: numbers as numbers, accents and case folded', async () => {
      const ten = await product('Producto 10', 'P-10');
      await product('producto 9', 'P-9');
      await product('Árnica', 'ARN-1');
      const rimel = await product('Rímel negro', 'RIM-1');
      const names = async (archived: 'active' | 'archived' | 'all' = 'active') => (await h.client.call('catalog.listProducts', { archived })).items.map((p) => p.name);
      expect(await names()).toEqual(['Árnica', 'producto 9', 'Producto 10', 'Rímel negro']);
      await h.client.call('catalog.updateProduct', { id: rimel.id, name: 'Aceite de coco', variants: [{ id: rimel.variants[0]?.id, sku: 'RIM-1', price: 1000 }] });
      await h.client.call('catalog.archiveProduct', { id: ten.id });
      expect(await names()).toEqual(['Aceite de coco', 'Árnica', 'producto 9']);
      expect(await names('archived')).toEqual(['Producto 10']);
      expect(await names('all')).toEqual(['Aceite de coco', 'Árnica', 'producto 9', 'Producto 10']);
    });

    it('ranks a word in the name above the same word in the description', async () => {
      const inDescription = await product('Labial mate', 'LAB-1', { description: 'Un tono rojo intenso' });
      const inName = await product('Labial rojo', 'LAB-2');
      const { items, total } = await h.client.call('catalog.listProducts', { query: 'labial rojo' });
      expect(total).toBe(2);
      expect(items.map((p) => p.id)).toEqual([inName.id, inDescription.id]);
    });

    it('refuses bad pages with invalid_input naming the field', async () => {
      for (const [args, field] of [
        [{ limit: 0 }, 'limit'],
        [{ limit: 501 }, 'limit'],
        [{ limit: 2.5 }, 'limit'],
        [{ offset: -1 }, 'offset'],
        [{ limit: '10' }, 'limit'],
      ] as const) {
        expect(await h.client.request('catalog.listProducts', args as never), JSON.stringify(args)).toMatchObject({ ok: false, error: { code: 'invalid_input', field } });
      }
      expect(await h.client.request('deliveries.listForDay', { date: DAY, limit: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'limit' } });
      expect(await h.client.request('deliveries.listForDay', { date: DAY, offset: -5 })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'offset' } });
    });

    it('finds a product the moment it is written, renamed or archived (the index follows every write)', async () => {
      const search = async (query: string, archived: 'active' | 'archived' = 'active') =>
        (await h.client.call('catalog.listProducts', { query, archived })).items.map((p) => p.name);
      const created = await product('Perfume Lavanda', 'PER-LAV', { tags: ['floral'] });
      expect(await search('lavanda')).toEqual(['Perfume Lavanda']);
      expect(await search('floral')).toEqual(['Perfume Lavanda']);
      await h.client.call('catalog.updateProduct', { id: created.id, name: 'Perfume Jazmín', variants: [{ id: created.variants[0]?.id, sku: 'PER-JAZ', price: 1000, name: 'Frasco grande' }] });
      expect(await search('lavanda')).toEqual([]);
      expect(await search('jazmin')).toEqual(['Perfume Jazmín']);
      expect(await search('PER-JAZ')).toEqual(['Perfume Jazmín']);
      expect(await search('frasco')).toEqual(['Perfume Jazmín']);
      await h.client.call('catalog.archiveProduct', { id: created.id });
      expect(await search('jazmin')).toEqual([]);
      expect(await search('jazmin', 'archived')).toEqual(['Perfume Jazmín']);
    });

    it('gives what to pack a page at a time, in the catalog order, for everyone or one person', async () => {
      const variants: number[] = [];
      for (let i = 1; i <= 60; i += 1) variants.push((await product(`Labial ${i}`, `LAB-${i}`)).variants[0]?.id ?? 0);
      const order = async (from: number, to: number) => {
        const created = await h.client.call('orders.create', { channel: 'whatsapp', items: variants.slice(from - 1, to).map((variantId) => ({ variantId, quantity: 1 })), deliveryDate: DAY });
        await h.client.call('orders.setStatus', { id: created.id, status: 'confirmed' });
        return created.id;
      };
      await order(1, 40);
      const diegos = await order(30, 60);
      await h.client.call('deliveries.assign', { orderId: diegos, assignee: 'Diego' });

      const day = await h.client.call('deliveries.listForDay', { date: DAY });
      expect(day.packingTotal).toBe(60);
      expect(day.packingList).toHaveLength(50);
      expect(day.packingList.slice(0, 3)).toEqual([{ name: 'Labial 1', quantity: 1 }, { name: 'Labial 2', quantity: 1 }, { name: 'Labial 3', quantity: 1 }]);
      expect(day.packingList[34]).toEqual({ name: 'Labial 35', quantity: 2 });
      const rest = await h.client.call('deliveries.packingList', { date: DAY, limit: 20, offset: 50 });
      expect(rest).toEqual({ lines: Array.from({ length: 10 }, (_, i) => ({ name: `Labial ${51 + i}`, quantity: 1 })), total: 60 });
      const later = await h.client.call('deliveries.listForDay', { date: DAY, limit: 1, offset: 1 });
      expect(later).toMatchObject({ packingList: [], packingTotal: 60 });

      const diego = await h.client.call('deliveries.packingList', { date: DAY, assignee: 'Diego' });
      expect(diego.total).toBe(31);
      expect(diego.lines.map((l) => l.name)).toEqual(Array.from({ length: 31 }, (_, i) => `Labial ${30 + i}`));
      expect((await h.client.call('deliveries.listForDay', { date: DAY, assignee: 'Diego' })).packingTotal).toBe(31);

      // Delivered: nothing of hers is left to pack.
      await h.client.call('deliveries.markDelivered', { orderId: diegos, cashCollected: 0 });
      expect(await h.client.call('deliveries.packingList', { date: DAY, assignee: 'Diego' })).toEqual({ lines: [], total: 0 });
      expect((await h.client.call('deliveries.packingList', { date: DAY })).total).toBe(40);

      await expect(h.client.call('deliveries.packingList', { date: '2026-02-30' })).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(h.client.call('deliveries.packingList', { date: DAY, limit: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
    });

    it('gives the day by person first, then the stops a page at a time', async () => {
      const red = (await h.client.call('catalog.createProduct', lipstick())).variants[0]?.id ?? 0;
      const ids: number[] = [];
      for (const [name, quantity] of [['Ana', 1], ['Beto', 2], ['Carla', 1], ['Dora', 1], ['Eva', 3]] as const) {
        const order = await h.client.call('orders.create', { channel: 'whatsapp', customer: { name, phone: '' }, items: [{ variantId: red, quantity }], deliveryDate: DAY });
        await h.client.call('orders.setStatus', { id: order.id, status: 'confirmed' });
        ids.push(order.id);
      }
      for (const id of ids.slice(3)) await h.client.call('deliveries.assign', { orderId: id, assignee: 'Diego', zone: 'Surco' });
      await h.client.call('deliveries.markDelivered', { orderId: ids[4] ?? 0, cashCollected: 7500 });

      const first = await h.client.call('deliveries.listForDay', { date: DAY, limit: 2 });
      expect(first.groups).toEqual([
        { assignee: '', zones: [], stops: 3, pending: 3, delivered: 0, failed: 0, toCollect: 10_000, collected: 0 },
        { assignee: 'Diego', zones: ['Surco'], stops: 2, pending: 1, delivered: 1, failed: 0, toCollect: 2500, collected: 7500 },
      ]);
      expect(first.totals).toEqual({ stops: 5, toCollect: 12_500, delivered: 1, failed: 0, collected: 7500 });
      expect(first.packingList).toEqual([{ name: 'Labial mate Rojo Pasión – Rojo Pasión', quantity: 5 }]);
      expect(first.page).toEqual({ offset: 0, limit: 2 });
      const second = await h.client.call('deliveries.listForDay', { date: DAY, limit: 2, offset: 2 });
      const third = await h.client.call('deliveries.listForDay', { date: DAY, limit: 2, offset: 4 });
      expect(second.packingList).toEqual([]);
      expect([first.packingTotal, second.packingTotal]).toEqual([1, 1]);
      expect([...first.stops, ...second.stops, ...third.stops].map((s) => s.customerName)).toEqual(['Ana', 'Beto', 'Carla', 'Dora', 'Eva']);
      expect(third.stops[0]?.items).toEqual([{ name: 'Labial mate Rojo Pasión – Rojo Pasión', quantity: 3 }]);

      const diego = await h.client.call('deliveries.listForDay', { date: DAY, assignee: 'Diego', limit: 1 });
      expect(diego.stops.map((s) => s.customerName)).toEqual(['Dora']);
      expect(diego.totals).toMatchObject({ stops: 2, delivered: 1 });
      expect(diego.groups).toHaveLength(2);

      // The screen reorders only what it has loaded; the stops it has not loaded keep their order after them.
      const reordered = await h.client.call('deliveries.reorder', { date: DAY, orderIds: [ids[1] ?? 0, ids[0] ?? 0] });
      expect(reordered.stops.map((s) => s.customerName)).toEqual(['Beto', 'Ana', 'Carla', 'Dora', 'Eva']);
    });
  });
};
