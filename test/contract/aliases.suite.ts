import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness, type TransportName } from './setup';
import { lipstick } from './catalog.suite';

export const aliasesContractSuite = (transport: TransportName): void => {
  describe(`product aliases contract (${transport})`, () => {
    let h: Harness;
    beforeEach(async () => {
      h = await openHarness(transport);
    });
    afterEach(async () => h.close());

    it('adds, lists and removes a product’s words, and a draft reads them', async () => {
      const product = await h.client.call('catalog.createProduct', lipstick());
      const nude = product.variants[1]?.id ?? 0;
      const added = await h.client.call('catalog.addAlias', { productId: product.id, phrase: '  el   rojito  ' });
      expect(added).toMatchObject({ id: expect.any(Number), productId: product.id, variantId: null, variantName: '', phrase: 'el rojito', source: 'manual' });
      const withVariant = await h.client.call('catalog.addAlias', { productId: product.id, phrase: 'el clarito', variantId: nude });
      expect(withVariant).toMatchObject({ variantId: nude, variantName: 'Nude Canela' });
      expect((await h.client.call('catalog.listAliases', { productId: product.id })).items.map((a) => a.phrase)).toEqual(['el rojito', 'el clarito']);
      expect((await h.client.call('orders.draftFromText', { text: 'me separas 2 clarito porfa' })).items).toMatchObject([{ variantId: nude, quantity: 2, confidence: 'sure', isLearned: true }]);

      expect(await h.client.call('catalog.removeAlias', { id: withVariant.id })).toMatchObject({ items: [{ phrase: 'el rojito' }] });
      expect((await h.client.call('orders.draftFromText', { text: 'me separas 2 clarito porfa' })).items.some((i) => i.isLearned)).toBe(false);
      expect(await h.client.request('catalog.removeAlias', { id: withVariant.id })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
    });

    it('refuses bad words with stable codes and saves nothing', async () => {
      const product = await h.client.call('catalog.createProduct', lipstick());
      const other = await h.client.call('catalog.createProduct', lipstick({ name: 'Rubor', variants: [{ sku: 'RUB-1', price: 1800 }] }));
      await h.client.call('catalog.addAlias', { productId: product.id, phrase: 'Rojito' });
      const cases: [Record<string, unknown>, string, string][] = [
        [{ productId: product.id, phrase: 'x' }, 'invalid_input', 'phrase'],
        [{ productId: product.id, phrase: 'a'.repeat(61) }, 'invalid_input', 'phrase'],
        [{ productId: product.id, phrase: 'quiero 2 porfa' }, 'invalid_input', 'phrase'],
        [{ productId: product.id, phrase: 'ROJITOS' }, 'conflict', 'phrase'],
        [{ productId: other.id, phrase: '2 rojitos xfa' }, 'conflict', 'phrase'],
        [{ productId: 999, phrase: 'algo' }, 'not_found', 'productId'],
        [{ productId: product.id, phrase: 'algo', variantId: other.variants[0]?.id }, 'invalid_input', 'variantId'],
        [{ productId: product.id, phrase: 'algo', extra: 1 }, 'invalid_input', ''],
      ];
      for (const [args, code, field] of cases) {
        const response = await h.client.request('catalog.addAlias', args as never);
        expect(response).toMatchObject({ ok: false, error: { code, ...(field ? { field } : {}) } });
      }
      const taken = await h.client.request('catalog.addAlias', { productId: other.id, phrase: 'rojito' });
      expect(taken).toMatchObject({ ok: false, error: { code: 'conflict', details: { productId: product.id, productName: product.name } } });
      expect((await h.client.call('catalog.listAliases', { productId: product.id })).items.map((a) => a.phrase)).toEqual(['Rojito']);
      expect((await h.client.call('catalog.listAliases', { productId: other.id })).items).toEqual([]);
      expect(await h.client.request('catalog.listAliases', { productId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });

    it('learns words when an order is saved from a corrected draft', async () => {
      const product = await h.client.call('catalog.createProduct', lipstick());
      const red = product.variants[0]?.id ?? 0;
      const text = 'quiero 2 pintalabios de fiesta';
      const draft = await h.client.call('orders.draftFromText', { text });
      expect(draft.unknown).toEqual([{ words: '2 pintalabios de fiesta', quantity: 2 }]);
      await h.client.call('orders.create', { channel: 'whatsapp', items: [{ variantId: red, quantity: 2, draft: { words: '2 pintalabios de fiesta', draftedVariantId: null } }], sourceText: text });
      expect((await h.client.call('catalog.listAliases', { productId: product.id })).items).toMatchObject([{ phrase: 'pintalabios de fiesta', variantId: red, source: 'learned' }]);
      expect((await h.client.call('orders.draftFromText', { text })).items).toMatchObject([{ variantId: red, quantity: 2, confidence: 'sure', isLearned: true }]);
      expect(await h.client.request('orders.create', { channel: 'whatsapp', items: [{ variantId: red, quantity: 1, draft: { words: '', draftedVariantId: null } }] })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field: 'items.0.draft.words' },
      });
    });
  });
};
