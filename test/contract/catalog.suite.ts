import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import { ChasquiError } from '../../shared/api/errors';
import type { MethodArgs } from '../../shared/api/contract';
import type { AppEvent } from '../../shared/api/contract';
import { makePhotoBase64 } from '../helpers/photos';
import { openHarness, type Harness, type TransportName } from './setup';

export const lipstick = (overrides: Partial<MethodArgs<'catalog.createProduct'>> = {}): MethodArgs<'catalog.createProduct'> => ({
  name: 'Labial mate Rojo Pasión',
  category: 'Labios',
  tags: ['labial', 'mate'],
  variants: [
    { name: 'Rojo Pasión', sku: 'LAB-MAT-ROJ', price: 2500, initialStock: 10 },
    { name: 'Nude Canela', sku: 'LAB-MAT-NUD', price: 2500, initialStock: 2 },
  ],
  ...overrides,
});

const errorOf = async (client: ApiClient, run: (c: ApiClient) => Promise<unknown>): Promise<ChasquiError> => {
  try {
    await run(client);
  } catch (error) {
    if (error instanceof ChasquiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
};

export const catalogContractSuite = (transport: TransportName): void => {
  describe(`catalog and stock contract (${transport})`, () => {
    let h: Harness;
    beforeEach(async () => {
      h = await openHarness(transport);
    });
    afterEach(async () => h.close());

    it('creates a product whose variants carry id, sku, price and stock', async () => {
      const created = await h.client.call('catalog.createProduct', lipstick());
      expect(created.variants.map((v) => [v.sku, v.price, v.stock])).toEqual([
        ['LAB-MAT-ROJ', 2500, 10],
        ['LAB-MAT-NUD', 2500, 2],
      ]);
      const { items } = await h.client.call('catalog.listProducts', {});
      expect(items).toHaveLength(1);
      expect(items[0]?.variants[0]).toMatchObject({ id: expect.any(Number), sku: 'LAB-MAT-ROJ', price: 2500, stock: 10 });
      expect(items[0]?.isLowStock).toBe(true);
      expect(await h.client.call('catalog.getProduct', { id: created.id })).toEqual(created);
    });

    it('names the field of invalid input and saves nothing', async () => {
      const noName = await errorOf(h.client, (c) => c.call('catalog.createProduct', lipstick({ name: '  ' })));
      expect(noName).toMatchObject({ code: 'invalid_input', field: 'name' });
      const badPrice = await errorOf(h.client, (c) =>
        c.call('catalog.createProduct', lipstick({ variants: [{ sku: 'X-1', price: -5 }] })),
      );
      expect(badPrice).toMatchObject({ code: 'invalid_input', field: 'variants.0.price' });
      const fractional = await errorOf(h.client, (c) =>
        c.call('catalog.createProduct', lipstick({ variants: [{ sku: 'X-1', price: 25.5 }] })),
      );
      expect(fractional).toMatchObject({ code: 'invalid_input', field: 'variants.0.price' });
      const extra = await h.client.request('catalog.listProducts', { query: 'x', color: 'rojo' } as MethodArgs<'catalog.listProducts'>);
      expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'color' } });
      expect((await h.client.call('catalog.listProducts', {})).items).toHaveLength(0);
    });

    it('refuses a SKU that is already used with conflict', async () => {
      await h.client.call('catalog.createProduct', lipstick());
      const error = await errorOf(h.client, (c) =>
        c.call('catalog.createProduct', lipstick({ name: 'Otro', variants: [{ sku: 'lab-mat-roj', price: 100 }] })),
      );
      expect(error).toMatchObject({ code: 'conflict', field: 'variants.0.sku' });
      expect((await h.client.call('catalog.listProducts', {})).items).toHaveLength(1);
    });

    it('keeps stock as a ledger that never goes below zero', async () => {
      const product = await h.client.call('catalog.createProduct', lipstick());
      const variantId = product.variants[1]?.id ?? 0;
      const sold = await h.client.call('stock.adjust', { variantId, delta: -2, reason: 'stall_sale' });
      expect(sold.variant.stock).toBe(0);
      const oversell = await errorOf(h.client, (c) => c.call('stock.adjust', { variantId, delta: -1, reason: 'sale' }));
      expect(oversell.code).toBe('insufficient_stock');
      expect(oversell.message).toContain('Nude Canela');
      await h.client.call('stock.adjust', { variantId, delta: 5, reason: 'receive', note: 'Pedido a proveedora' });
      const { items } = await h.client.call('stock.history', { variantId });
      expect(items.map((m) => [m.reason, m.delta, m.balanceAfter])).toEqual([
        ['receive', 5, 5],
        ['stall_sale', -2, 0],
        ['initial', 2, 2],
      ]);
      const zero = await h.client.request('stock.adjust', { variantId, delta: 0, reason: 'adjustment' });
      expect(zero).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'delta' } });
    });

    it('answers not_found for missing records and unknown methods', async () => {
      expect(await h.client.request('catalog.getProduct', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await h.client.request('stock.history', { variantId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      const unknown = await h.core.dispatch('catalog.dropEverything', {});
      expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });

    it('finds products despite case, accents and typos', async () => {
      await h.client.call('catalog.createProduct', lipstick());
      await h.client.call('catalog.createProduct', lipstick({ name: 'Rímel alargador', category: 'Ojos', tags: [], variants: [{ sku: 'RIM-ALA', price: 3000 }] }));
      for (const query of ['labial rrojo', 'LABIAL PASION', 'labiales rojos', 'rimel', 'rímel alargadr', 'LAB-MAT-NUD']) {
        const { items } = await h.client.call('catalog.listProducts', { query });
        expect(items[0]?.name, query).toBe(query.includes('rim') || query.includes('rím') ? 'Rímel alargador' : 'Labial mate Rojo Pasión');
      }
    });

    it('archives instead of deleting and filters by archive state, category and low stock', async () => {
      const product = await h.client.call('catalog.createProduct', lipstick());
      await h.client.call('catalog.createProduct', lipstick({ name: 'Sérum', category: 'Rostro', variants: [{ sku: 'SER-1', price: 5000, initialStock: 40 }] }));
      await h.client.call('catalog.archiveProduct', { id: product.id });
      expect((await h.client.call('catalog.listProducts', {})).items.map((p) => p.name)).toEqual(['Sérum']);
      expect((await h.client.call('catalog.listProducts', { archived: 'archived' })).items.map((p) => p.name)).toEqual([product.name]);
      expect((await h.client.call('catalog.listProducts', { archived: 'all', category: 'labios' })).items).toHaveLength(1);
      expect((await h.client.call('catalog.listProducts', { isLowStock: true })).items).toHaveLength(0);
      const restored = await h.client.call('catalog.archiveProduct', { id: product.id, isArchived: false });
      expect(restored.isArchived).toBe(false);
    });

    it('updates variants: edits, adds and archives the ones left out', async () => {
      const product = await h.client.call('catalog.createProduct', lipstick());
      const [red] = product.variants;
      const updated = await h.client.call('catalog.updateProduct', {
        id: product.id,
        name: 'Labial mate',
        variants: [
          { id: red?.id, name: 'Rojo Pasión', sku: 'LAB-MAT-ROJ', price: 2800 },
          { name: 'Vino Tinto', sku: 'LAB-MAT-VIN', price: 2800, initialStock: 4 },
        ],
      });
      expect(updated.name).toBe('Labial mate');
      expect(updated.variants.map((v) => [v.sku, v.price, v.stock, v.isArchived])).toEqual([
        ['LAB-MAT-ROJ', 2800, 10, false],
        ['LAB-MAT-VIN', 2800, 4, false],
        ['LAB-MAT-NUD', 2500, 2, true],
      ]);
    });

    it('stores uploaded photos with a thumbnail and attaches them', async () => {
      const photo = await h.client.call('media.upload', { fileName: 'rojo.jpg', dataBase64: await makePhotoBase64() });
      expect(photo.url).toMatch(/^\/media\/[a-f0-9]+\.jpg$/);
      const product = await h.client.call('catalog.createProduct', lipstick({ photoIds: [photo.id] }));
      expect(product.photos).toEqual([photo]);
      const notImage = await h.client.request('media.upload', { fileName: 'x.jpg', dataBase64: Buffer.from('hola').toString('base64') });
      expect(notImage).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'dataBase64' } });
      const missing = await h.client.request('catalog.createProduct', lipstick({ photoIds: ['ab'.repeat(16)], variants: [{ sku: 'OTRO-1', price: 100 }] }));
      expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', field: 'photoIds.0' } });
    });

    it('tells listeners when stock changes', async () => {
      const product = await h.client.call('catalog.createProduct', lipstick());
      const events: AppEvent[] = [];
      const stop = h.client.onEvent((event) => events.push(event));
      await new Promise((resolve) => setTimeout(resolve, 100));
      await h.client.call('stock.adjust', { variantId: product.variants[0]?.id ?? 0, delta: -1, reason: 'sale' });
      await expect.poll(() => events.find((e) => e.type === 'stock.changed')).toMatchObject({
        type: 'stock.changed',
        payload: { stock: 9, isLowStock: false },
      });
      stop();
    });
  });
};
