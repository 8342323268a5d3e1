import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { seedDemoShop } from '../../../electron/core/demo/seed';
import { makeTempDir } from '../../helpers/tmp';

describe('the whole shop as one zip', () => {
  const from = makeTempDir();
  const to = makeTempDir();
  afterAll(() => {
    from.cleanup();
    to.cleanup();
  });

  it('exports CSVs, photos and a snapshot, and imports into a fresh install only', async () => {
    const source = createCore({ dataDir: from.dir, clock: () => Date.UTC(2026, 10, 22, 15) });
    await seedDemoShop(source, { resourcesDir: path.resolve(__dirname, '../../../resources') });
    const exported = await coreClient(source).call('shop.export', {});
    expect(exported.counts.products).toBe(24);
    expect(exported.counts.photos).toBe(24);
    const names = Object.keys(unzipSync(new Uint8Array(fs.readFileSync(exported.path))));
    expect(names).toEqual(expect.arrayContaining(['catalogo.csv', 'clientes.csv', 'pedidos.csv', 'pagos.csv', 'movimientos_stock.csv', 'chasqui.db', 'LEEME.txt']));
    expect(names.filter((n) => n.startsWith('fotos/thumbs/'))).toHaveLength(24);
    const refused = await coreClient(source).request('shop.import', { path: exported.path });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    source.close();

    const fresh = createCore({ dataDir: to.dir });
    const api = coreClient(fresh);
    expect(await api.request('shop.import', { dataBase64: Buffer.from('no soy un zip').toString('base64') })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'path' } });
    const imported = await api.call('shop.import', { path: exported.path });
    expect(imported).toEqual({ products: exported.counts.products, orders: exported.counts.orders, customers: exported.counts.customers });
    const { items } = await api.call('catalog.listProducts', { query: 'labial mate' });
    expect(items[0]?.name).toBe('Labial mate Rojo Pasión');
    const thumb = items[0]?.photos[0]?.thumbUrl ?? '';
    expect(fs.existsSync(path.join(to.dir, 'media', 'thumbs', path.basename(thumb)))).toBe(true);
    expect((await api.call('settings.get', {})).shopName).toBe('Karina Cosméticos');
    fresh.close();
  });
});
