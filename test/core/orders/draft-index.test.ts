import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { catalogIndexOf } from '../../../electron/core/orders/catalogIndex';
import { makeTempDir } from '../../helpers/tmp';

// 2026-11-20 10:00 in Lima: the promotions below run that whole day.
const clock = () => Date.UTC(2026, 10, 20, 15);

describe('the draft’s index of the catalog, kept between drafts', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });
  const open = () => {
    const tmp = makeTempDir();
    const core: Core = createCore({ dataDir: tmp.dir, clock, isOutboxTimerEnabled: false });
    cleanups.push(() => {
      core.close();
      tmp.cleanup();
    });
    return { core, api: coreClient(core) };
  };
  const shop = async () => {
    const { core, api } = open();
    const labial = await api.call('catalog.createProduct', {
      name: 'Labial mate',
      variants: [
        { name: 'Rojo', sku: 'LAB-ROJ', price: 2500, initialStock: 10 },
        { name: 'Nude', sku: 'LAB-NUD', price: 2500, initialStock: 10 },
      ],
    });
    const [rojo, nude] = labial.variants;
    if (!rojo || !nude) throw new Error('the product has its two variants');
    const draft = async (text: string) => (await api.call('orders.draftFromText', { text })).items.map((i) => ({ variantId: i.variantId, unitPrice: i.unitPrice, quantity: i.quantity }));
    return { core, api, labial, rojo, nude, draft };
  };

  it('is read once and reused until the catalog changes', async () => {
    const { core, api, labial } = await shop();
    const first = catalogIndexOf(core.db);
    await api.call('orders.draftFromText', { text: 'quiero 2 labial mate rojo' });
    expect(catalogIndexOf(core.db)).toBe(first);
    await api.call('stock.adjust', { variantId: labial.variants[0]?.id ?? 0, delta: 5, reason: 'receive' });
    expect(catalogIndexOf(core.db)).toBe(first);
    await api.call('catalog.updateProduct', { id: labial.id, tags: ['matte'] });
    expect(catalogIndexOf(core.db)).not.toBe(first);
  });

  it('reads today’s price and promotion fresh, though the words are kept', async () => {
    const { api, rojo, draft } = await shop();
    expect(await draft('quiero 2 labial mate rojo')).toEqual([{ variantId: rojo.id, unitPrice: 2500, quantity: 2 }]);
    await api.call('promotions.create', { title: 'Rojo a 19.90', kind: 'price', startsOn: '2026-11-20', endsOn: '2026-11-20', items: [{ variantId: rojo.id, promoPrice: 1990 }] });
    expect(await draft('quiero 2 labial mate rojo')).toEqual([{ variantId: rojo.id, unitPrice: 1990, quantity: 2 }]);
  });

  it('settles a tie with the stock on hand now, not when the index was read', async () => {
    const { api, rojo, nude, draft } = await shop();
    await draft('quiero un labial mate');
    await api.call('stock.adjust', { variantId: nude.id, delta: 30, reason: 'receive' });
    expect((await draft('quiero un labial mate')).map((i) => i.variantId)).toEqual([nude.id]);
    await api.call('stock.adjust', { variantId: rojo.id, delta: 60, reason: 'receive' });
    expect((await draft('quiero un labial mate')).map((i) => i.variantId)).toEqual([rojo.id]);
  });

  it('follows a product renamed, added or archived', async () => {
    const { api, labial, rojo, draft } = await shop();
    expect(await draft('quiero 1 gloss')).toEqual([]);
    await api.call('catalog.updateProduct', { id: labial.id, name: 'Gloss' });
    expect((await draft('quiero 1 gloss rojo')).map((i) => i.variantId)).toEqual([rojo.id]);
    const serum = await api.call('catalog.createProduct', { name: 'Serum facial', variants: [{ name: '', sku: 'SER', price: 4000, initialStock: 3 }] });
    expect((await draft('y 1 serum facial')).map((i) => i.variantId)).toEqual([serum.variants[0]?.id]);
    await api.call('catalog.archiveProduct', { id: serum.id });
    expect(await draft('y 1 serum facial')).toEqual([]);
  });

  it('moves the catalog version when a product’s variants change order (migration 0045)', async () => {
    const { core, rojo } = await shop();
    const version = () => core.db.prepare('SELECT version FROM catalog_version').pluck().get();
    const before = version();
    core.db.prepare('UPDATE variants SET position = position WHERE id = ?').run(rojo.id);
    expect(version()).toBe(before);
    core.db.prepare('UPDATE variants SET position = position + 5 WHERE id = ?').run(rojo.id);
    expect(version()).not.toBe(before);
  });
});
