import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lipstick } from './catalog.suite';
import { openHarness, type Harness, type TransportName } from './setup';

const goodCsv = `sku,producto,variante,categoria,precio,stock,etiquetas
ESM-ROJ,Esmalte de uñas,Rojo cereza,Uñas,"12,50",8,"uñas, esmalte"
ESM-ROS,Esmalte de uñas,Rosa palo,Uñas,12.50,3,
CRE-KAR,Crema corporal karité,,Cuidado de la piel,S/ 35,0,
`;

const brokenCsv = `SKU;Producto;Precio;Stock
PER-FLO;Perfume floral;89,90;5
;Sin código;10;1
BAL-1;Bálsamo labial;diez;2
`;

export const csvContractSuite = (transport: TransportName): void => {
  describe(`catalog CSV (${transport})`, () => {
    let h: Harness;
    beforeEach(async () => {
      h = await openHarness(transport);
    });
    afterEach(async () => h.close());

    it('previews without saving, then imports products grouped by name', async () => {
      const preview = await h.client.call('catalog.importCsv', { csv: goodCsv, mode: 'preview' });
      expect(preview).toMatchObject({ isCommitted: false, counts: { create: 3, update: 0, error: 0 } });
      expect((await h.client.call('catalog.listProducts', {})).items).toHaveLength(0);

      const result = await h.client.call('catalog.importCsv', { csv: goodCsv, mode: 'commit' });
      expect(result.isCommitted).toBe(true);
      const { items } = await h.client.call('catalog.listProducts', {});
      expect(items.map((p) => [p.name, p.variants.map((v) => [v.sku, v.price, v.stock])])).toEqual([
        ['Crema corporal karité', [['CRE-KAR', 3500, 0]]],
        ['Esmalte de uñas', [['ESM-ROJ', 1250, 8], ['ESM-ROS', 1250, 3]]],
      ]);
    });

    it('reports errors per row and imports nothing unless told to skip them', async () => {
      const preview = await h.client.call('catalog.importCsv', { csv: brokenCsv, mode: 'preview' });
      expect(preview.counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 2 });
      expect(preview.rows.filter((r) => r.action === 'error').map((r) => [r.line, r.issues[0]?.field])).toEqual([
        [3, 'sku'],
        [4, 'precio'],
      ]);
      const refused = await h.client.request('catalog.importCsv', { csv: brokenCsv, mode: 'commit' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'csv' } });
      expect((await h.client.call('catalog.listProducts', {})).items).toHaveLength(0);

      await h.client.call('catalog.importCsv', { csv: brokenCsv, mode: 'commit', skipInvalid: true });
      const { items } = await h.client.call('catalog.listProducts', {});
      expect(items.map((p) => p.name)).toEqual(['Perfume floral']);
      expect(items[0]?.variants[0]?.price).toBe(8990);
    });

    it('exports a CSV that imports back unchanged, and updates stock through the ledger', async () => {
      const product = await h.client.call('catalog.createProduct', lipstick({ description: 'Larga duración, "no transfiere"' }));
      const { csv, fileName } = await h.client.call('catalog.exportCsv', {});
      expect(fileName).toMatch(/^catalogo-\d{4}-\d{2}-\d{2}\.csv$/);
      const again = await h.client.call('catalog.importCsv', { csv, mode: 'preview' });
      expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 2, error: 0 });

      const restock = csv.replace('LAB-MAT-NUD,Labial mate Rojo Pasión,Nude Canela,Labios,25.00,,2', 'LAB-MAT-NUD,Labial mate Rojo Pasión,Nude Canela,Labios,26.00,,7');
      const result = await h.client.call('catalog.importCsv', { csv: restock, mode: 'commit' });
      expect(result.counts.update).toBe(1);
      const nude = (await h.client.call('catalog.getProduct', { id: product.id })).variants[1];
      expect(nude).toMatchObject({ price: 2600, stock: 7 });
      const history = await h.client.call('stock.history', { variantId: nude?.id ?? 0 });
      expect(history.items[0]).toMatchObject({ reason: 'adjustment', delta: 5, note: 'CSV' });
    });

    it('refuses a file without the needed columns', async () => {
      const result = await h.client.request('catalog.importCsv', { csv: 'nombre;color\nx;y\n', mode: 'preview' });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'csv' } });
    });
  });
};
