import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { editDistance, queryWords } from '../../../electron/core/catalog/search';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';
import { SEARCH_TOTAL_CAP } from '../../../shared/api/schemas';

describe('the catalog search index (FTS5, kept by triggers)', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core;
  let api: ApiClient;
  beforeEach(() => {
    tmp = makeTempDir();
    core = createCore({ dataDir: tmp.dir, isOutboxTimerEnabled: false });
    api = coreClient(core);
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  const names = async (query: string) => (await api.call('catalog.listProducts', { query, archived: 'all' })).items.map((p) => p.name);
  const isConsistent = () => {
    // FTS5 checks its index against what it holds; a missed write would leave a stale row behind.
    core.db.prepare("INSERT INTO product_search (product_search) VALUES ('integrity-check')").run();
    const indexed = core.db.prepare<[], number>('SELECT rowid FROM product_search ORDER BY rowid').pluck().all();
    const products = core.db.prepare<[], number>('SELECT id FROM products ORDER BY id').pluck().all();
    return JSON.stringify(indexed) === JSON.stringify(products);
  };

  it('follows writes that go around the API too (insert, rename, new SKU, delete) in the same transaction', async () => {
    const db = core.db;
    db.transaction(() => {
      db.prepare("INSERT INTO products (id, name, category, tags, created_at, updated_at) VALUES (7, 'Crema de manos', 'Cuerpo', '[\"karité\"]', 0, 0)").run();
      db.prepare("INSERT INTO variants (id, product_id, name, sku, price) VALUES (70, 7, 'Tubo', 'CRE-MAN', 1500)").run();
    })();
    expect(await names('karite')).toEqual(['Crema de manos']);
    expect(await names('cre-man')).toEqual(['Crema de manos']);
    db.prepare("UPDATE products SET name = 'Crema corporal' WHERE id = 7").run();
    db.prepare("UPDATE variants SET sku = 'CRE-COR' WHERE id = 70").run();
    expect(await names('manos')).toEqual([]);
    expect(await names('corporal')).toEqual(['Crema corporal']);
    expect(await names('man')).toEqual([]);
    expect(await names('cre-cor')).toEqual(['Crema corporal']);
    expect(isConsistent()).toBe(true);
    // A write that fails rolls the index back with it.
    expect(() =>
      db.transaction(() => {
        db.prepare("UPDATE products SET name = 'Crema fantasma' WHERE id = 7").run();
        throw new Error('disk went away');
      })(),
    ).toThrow('disk went away');
    expect(await names('fantasma')).toEqual([]);
    db.transaction(() => {
      db.prepare('DELETE FROM variants WHERE product_id = 7').run();
      db.prepare('DELETE FROM products WHERE id = 7').run();
    })();
    expect(await names('corporal')).toEqual([]);
    expect(isConsistent()).toBe(true);
  });

  it('keeps the old search behaviour: accents, plurals, typos, SKUs and variant names', async () => {
    await api.call('catalog.createProduct', { name: 'Labiales Ñusta', category: 'Labios', tags: [], variants: [{ name: 'Rojo Pasión', sku: 'NUS-ROJ', price: 100 }] });
    await api.call('catalog.createProduct', { name: 'Rímel alargador', category: 'Ojos', tags: [], variants: [{ sku: 'RIM-1', price: 100 }] });
    for (const query of ['labial', 'LABIALES', 'nusta', 'pasion', 'rojos', 'nus-roj', 'labail nusta']) expect(await names(query), query).toEqual(['Labiales Ñusta']);
    for (const query of ['rimel', 'RÍMEL alargadr', 'rmel']) expect(await names(query), query).toEqual(['Rímel alargador']);
    // Query syntax is only ever text: quotes, stars and FTS5 words are searched as words, never run.
    for (const query of ['"', 'labial OR rimel', 'NEAR(x y)', '*', 'a" OR "b', '-']) expect((await api.request('catalog.listProducts', { query })).ok, query).toBe(true);
    // When no product has every word, the ones with any of them are shown, best first.
    expect((await names('labial OR rimel')).sort()).toEqual(['Labiales Ñusta', 'Rímel alargador']);
  });

  it('reads words the way the index cuts them and counts swaps as one typo', () => {
    expect(queryWords('  Labiales ROJOS, rímel-12 ')).toEqual(['labial', 'rojo', 'rimel', '12']);
    expect(editDistance('labail', 'labial', 1)).toBe(1);
    expect(editDistance('rrojo', 'rojo', 1)).toBe(1);
    expect(editDistance('alargadr', 'alargador', 2)).toBe(1);
    expect(editDistance('coral', 'rojo', 1)).toBe(2);
  });

  it('counts a search up to the cap, says so, and counts on past it as she scrolls; an exact count below it', async () => {
    const db = core.db;
    const product = db.prepare("INSERT INTO products (id, name, category, tags, created_at, updated_at) VALUES (?, ?, '', '[]', 0, 0)");
    db.transaction(() => {
      for (let i = 1; i <= SEARCH_TOTAL_CAP + 10; i += 1) product.run(i, `Labial ${i}`);
      product.run(SEARCH_TOTAL_CAP + 11, 'Rímel negro');
    })();
    const first = await api.call('catalog.listProducts', { query: 'labial', limit: 50 });
    expect(first).toMatchObject({ total: SEARCH_TOTAL_CAP, isTotalCapped: true });
    expect(first.items).toHaveLength(50);
    const last = await api.call('catalog.listProducts', { query: 'labial', limit: 50, offset: SEARCH_TOTAL_CAP - 20 });
    expect(last.items).toHaveLength(30);
    expect(last.total).toBe(SEARCH_TOTAL_CAP + 10);
    expect(last.isTotalCapped).toBeUndefined();
    // The page that reaches the cap counts on past it, so the list she scrolls grows.
    const atCap = await api.call('catalog.listProducts', { query: 'labial', limit: 50, offset: SEARCH_TOTAL_CAP - 50 });
    expect(atCap.items).toHaveLength(50);
    expect(atCap.total).toBe(SEARCH_TOTAL_CAP + 10);
    const before = await api.call('catalog.listProducts', { query: 'labial', limit: 50, offset: SEARCH_TOTAL_CAP - 100 });
    expect(before).toMatchObject({ total: SEARCH_TOTAL_CAP, isTotalCapped: true });
    expect(await api.call('catalog.listProducts', { query: 'rimel' })).toMatchObject({ total: 1 });
    expect((await api.call('catalog.listProducts', { query: 'rimel' })).isTotalCapped).toBeUndefined();
    // The list by name counts everything exactly.
    expect(await api.call('catalog.listProducts', { limit: 1 })).toMatchObject({ total: SEARCH_TOTAL_CAP + 11 });
  });
});
