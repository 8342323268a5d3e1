import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkChannelText } from '../../shared/domain/promoTexts';
import type { Product } from '../../shared/domain/catalog';
import { lipstick } from './catalog.suite';
import { openHarness, type Harness, type TransportName } from './setup';

// The harness clock reads 2026-03-04 (Lima) and ticks a second per call.
export const promotionsContractSuite = (transport: TransportName): void => {
  describe(`promotions (${transport})`, () => {
    let h: Harness;
    let product: Product;
    const red = () => product.variants[0]?.id ?? 0;
    const nude = () => product.variants[1]?.id ?? 0;
    beforeEach(async () => {
      h = await openHarness(transport);
      await h.client.call('settings.update', { shopName: 'Karina Cosméticos', whatsappNumber: '51987654321' });
      product = await h.client.call('catalog.createProduct', lipstick());
    });
    afterEach(async () => h.close());

    it('derives the status from the dates in the shop time zone', async () => {
      const base = { kind: 'price' as const, items: [{ variantId: red(), promoPrice: 1990 }] };
      const draft = await h.client.call('promotions.create', { title: 'Sin fecha', ...base });
      const scheduled = await h.client.call('promotions.create', { title: 'Luego', startsOn: '2026-03-05', endsOn: '2026-03-10', ...base });
      const active = await h.client.call('promotions.create', { title: 'Ahora', startsOn: '2026-03-04', endsOn: '2026-03-04', ...base });
      const ended = await h.client.call('promotions.create', { title: 'Antes', startsOn: '2026-02-01', endsOn: '2026-03-03', ...base });
      expect([draft, scheduled, active, ended].map((p) => p.status)).toEqual(['draft', 'scheduled', 'active', 'ended']);
      expect((await h.client.call('promotions.list', { status: 'active' })).items.map((p) => p.title)).toEqual(['Ahora']);
      const stopped = await h.client.call('promotions.end', { id: active.id });
      expect(stopped.status).toBe('ended');
    });

    it('gives orders the promo price while active, and bundles as a discount', async () => {
      await h.client.call('promotions.create', { title: 'Rojo a 19.90', kind: 'price', startsOn: '2026-03-01', endsOn: '2026-03-31', items: [{ variantId: red(), promoPrice: 1990 }] });
      await h.client.call('promotions.create', { title: '2x1 en nude', kind: 'bundle', bundleQuantity: 2, bundlePayFor: 1, startsOn: '2026-03-01', endsOn: '2026-03-31', items: [{ variantId: nude() }] });
      const order = await h.client.call('orders.create', { channel: 'whatsapp', items: [{ variantId: red(), quantity: 2 }, { variantId: nude(), quantity: 3 }] });
      expect(order.items.map((i) => [i.sku, i.unitPrice, i.regularPrice])).toEqual([
        ['LAB-MAT-ROJ', 1990, 2500],
        ['LAB-MAT-NUD', 2500, 2500],
      ]);
      expect(order).toMatchObject({ subtotal: 2 * 1990 + 3 * 2500, discount: 2500, total: 2 * 1990 + 2 * 2500 });
      const more = await h.client.call('orders.update', { id: order.id, items: [{ variantId: red(), quantity: 2 }, { variantId: nude(), quantity: 4 }] });
      expect(more).toMatchObject({ discount: 5000, total: 2 * 1990 + 2 * 2500 });
      const draft = await h.client.call('orders.draftFromText', { text: 'quiero 1 labial rojo pasion' });
      expect(draft.items[0]?.unitPrice).toBe(1990);
    });

    it('writes one text per channel with the wa.me link, hashtags and limits', async () => {
      const promo = await h.client.call('promotions.create', {
        title: 'Día de la madre',
        text: 'Regala color a mamá',
        kind: 'percent',
        percentOff: 20,
        startsOn: '2026-03-01',
        endsOn: '2026-03-15',
        items: [{ variantId: red() }, { variantId: nude() }],
      });
      expect(promo.items.map((i) => i.promoPrice)).toEqual([2000, 2000]);
      expect(promo.texts.whatsapp).toContain('*Día de la madre*');
      expect(promo.texts.whatsapp).toMatch(/~S\/\s25\.00~ \*S\/\s20\.00\*/);
      expect(promo.texts.whatsapp).toContain(`https://wa.me/51987654321?text=${encodeURIComponent('¡Hola! Quiero la promoción "Día de la madre" 🛍️')}`);
      expect(promo.texts.whatsapp).toContain('Válido del 1 al 15 de marzo');
      expect(promo.texts.instagram).not.toMatch(/https?:\/\//);
      expect(promo.texts.instagram).toContain('link en bio');
      expect(promo.texts.instagram).toContain('#KarinaCosmeticos');
      expect(checkChannelText('instagram', promo.texts.instagram).problems).toEqual([]);
      expect(checkChannelText('instagram', 'x'.repeat(2201)).problems).toContain('instagram_too_long');
      expect(checkChannelText('instagram', 've a https://x.pe').problems).toContain('instagram_links_not_clickable');

      const edited = await h.client.call('promotions.update', { id: promo.id, customTexts: { instagram: 'Mi texto propio #Mamá' } });
      expect(edited.texts.instagram).toBe('Mi texto propio #Mamá');
      expect(edited.texts.whatsapp).toBe(promo.texts.whatsapp);
    });

    it('names the field of invalid input', async () => {
      const noPercent = await h.client.request('promotions.create', { title: 'X', kind: 'percent', items: [] });
      expect(noPercent).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'percentOff' } });
      const badBundle = await h.client.request('promotions.create', { title: 'X', kind: 'bundle', bundleQuantity: 2, bundlePayFor: 2, items: [] });
      expect(badBundle).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'bundlePayFor' } });
      const backwards = await h.client.request('promotions.create', { title: 'X', kind: 'price', startsOn: '2026-03-10', endsOn: '2026-03-01', items: [] });
      expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'endsOn' } });
      const missing = await h.client.request('promotions.create', { title: 'X', kind: 'price', items: [{ variantId: 999, promoPrice: 1 }] });
      expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', field: 'items.0.variantId' } });
      expect((await h.client.call('promotions.list', {})).items).toHaveLength(0);
    });
  });
};
