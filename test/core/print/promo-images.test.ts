import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import { promoImageLayout, type ImageFormat } from '../../../electron/core/print/promoImage';
import type { ApiClient } from '../../../shared/api/client';
import { makePhotoBase64 } from '../../helpers/photos';
import { makeTempDir } from '../../helpers/tmp';
import { openStallShop } from './stall-shop';

describe('post and story images for any number of products', () => {
  const tmp = makeTempDir();
  let core: Core;
  let api: ApiClient;
  let shop: Awaited<ReturnType<typeof openStallShop>>;
  beforeAll(async () => {
    shop = await openStallShop(tmp.dir, 11);
    ({ core, api } = shop);
    // Half the products have a photo, as in a real catalog.
    const { items } = await api.call('catalog.listProducts', {});
    for (const [i, product] of items.entries()) {
      if (i % 2 === 1) continue;
      const photo = await api.call('media.upload', { fileName: `p${i}.jpg`, dataBase64: await makePhotoBase64(['#e8b4c8', '#f3d9a4', '#c9e4de'][i % 3], 400) });
      await api.call('catalog.updateProduct', { id: product.id, photoIds: [photo.id] });
    }
  });
  afterAll(() => {
    core.close();
    tmp.cleanup();
  });

  const promoWith = async (count: number) => {
    const variants = [...shop.serums, ...shop.lipsticks].slice(0, count);
    return api.call('promotions.create', { title: `Fin de semana de belleza con ${count} productos`, kind: 'percent', percentOff: 20, startsOn: '2026-11-21', endsOn: '2026-11-29', items: variants.map((variantId) => ({ variantId })) });
  };

  for (const count of [1, 3, 5, 12]) {
    for (const format of ['square', 'story'] as const satisfies ImageFormat[]) {
      it(`puts all ${count} products in the ${format} image, each with its name, the old price apart from the new, and her number`, async () => {
        const promo = await promoWith(count);
        const settings = await api.call('settings.get', {});
        const layout = promoImageLayout(promo, settings, core.mediaDir, format, '@karina.cosmeticos');
        expect(layout.tiles.map((t) => t.name)).toEqual(promo.items.map((i) => i.name));
        expect(layout.contact).toBe('WhatsApp +51 987 654 321  ·  @karina.cosmeticos');
        for (const item of promo.items) {
          expect(layout.svg).toContain(`>${item.name.split(' ')[0]}`);
          // The old and the new price are separate text elements, never run together.
          expect(layout.svg).toMatch(new RegExp(`>S/\\s${(item.regularPrice / 100).toFixed(2)}</text>`));
          expect(layout.svg).toMatch(new RegExp(`>S/\\s${(item.promoPrice / 100).toFixed(2)}</text>`));
        }
        // Every tile is on the canvas and no two photos overlap.
        const { width, height } = format === 'square' ? { width: 1080, height: 1080 } : { width: 1080, height: 1920 };
        for (const [i, a] of layout.tiles.entries()) {
          expect(a.left).toBeGreaterThanOrEqual(0);
          expect(a.left + a.photoSize).toBeLessThanOrEqual(width);
          expect(a.top + a.photoSize).toBeLessThan(height - 100);
          expect(a.photoSize).toBeGreaterThanOrEqual(count >= 12 ? 80 : 140);
          for (const b of layout.tiles.slice(i + 1)) {
            const isApart = a.left + a.photoSize <= b.left || b.left + b.photoSize <= a.left || a.top + a.photoSize <= b.top || b.top + b.photoSize <= a.top;
            expect(isApart).toBe(true);
          }
        }
        const image = await api.call('print.promoImage', { promotionId: promo.id, format });
        if (process.env.KEEP_PRINTS) fs.copyFileSync(image.path, path.join(process.env.KEEP_PRINTS, `${format}-${count}.jpg`));
        const meta = await sharp(image.path).metadata();
        expect([meta.width, meta.height]).toEqual([width, height]);
      });
    }
  }

  it('escapes a hostile product name instead of breaking the image', async () => {
    const product = await api.call('catalog.createProduct', { name: 'Labial <b>"rojo"</b> & </text><script>', variants: [{ sku: 'X-1', price: 1000, initialStock: 1 }] });
    const promo = await api.call('promotions.create', { title: 'Raro & <raro>', kind: 'percent', percentOff: 10, startsOn: '2026-11-21', items: [{ variantId: product.variants[0]?.id ?? 0 }] });
    const layout = promoImageLayout(promo, await api.call('settings.get', {}), core.mediaDir, 'square');
    expect(layout.svg).not.toContain('<script>');
    expect(layout.svg).toContain('&lt;b&gt;');
    const image = await api.call('print.promoImage', { promotionId: promo.id, format: 'square' });
    expect((await sharp(image.path).metadata()).width).toBe(1080);
  });
});
