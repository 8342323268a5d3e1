import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { fail } from '../../../shared/api/errors';
import type { PrintResult } from '../../../shared/api/methods/print';
import * as catalog from '../catalog/repo';
import type { CoreContext, Handlers } from '../context';
import { exportsDirFor, exportUrl } from '../exports';
import { currentPrice } from '../orders/pricing';
import { getPromotion } from '../promotions/handlers';
import { readSettings } from '../settings/repo';
import { renderCatalog } from './catalogPdf';
import { logoJpeg, slug } from './pdf';
import { renderPriceTags } from './priceTags';
import { renderPromoImage } from './promoImage';
import { renderPromoSheet } from './promoSheet';

/** Every printable goes to <dataDir>/exports, where the seller can find, print or send it. */
const save = (ctx: CoreContext, fileName: string, bytes: Buffer): PrintResult => {
  const dir = exportsDirFor(ctx.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, fileName);
  fs.writeFileSync(file, bytes);
  return { path: file, url: exportUrl(fileName), fileName, bytes: bytes.length };
};

const dirs = (ctx: CoreContext) => ({ resourcesDir: ctx.resourcesDir, mediaDir: ctx.mediaDir });

export const printHandlers = {
  'print.promoSheet': async (ctx, args) => {
    const promo = getPromotion(ctx, args.promotionId);
    if (promo.items.length === 0) fail('invalid_input', 'promotionId: the promotion has no products yet', { field: 'promotionId' });
    const settings = readSettings(ctx.db);
    const pdf = await renderPromoSheet(promo, settings, dirs(ctx), args.paper, await logoJpeg(ctx.db, ctx.mediaDir, settings.logoMediaId));
    return save(ctx, `promo-${promo.id}-${slug(promo.title)}-${args.paper}.pdf`, pdf);
  },

  'print.priceTags': async (ctx, args) => {
    const items = args.variantIds.map((variantId, i) => {
      const variant = catalog.findVariant(ctx.db, variantId) ?? fail('not_found', `Variant ${variantId} does not exist`, { field: `variantIds.${i}` });
      const product = catalog.getProduct(ctx.db, variant.productId);
      return { name: [product.name, variant.name].filter(Boolean).join(' – '), sku: variant.sku, regularPrice: variant.price, promoPrice: currentPrice(ctx, variant) };
    });
    const pdf = await renderPriceTags(items, readSettings(ctx.db), ctx.resourcesDir, args);
    return save(ctx, `etiquetas-${DateTime.fromMillis(ctx.now()).toFormat('yyyyLLdd-HHmmss')}.pdf`, pdf);
  },

  'print.catalog': async (ctx) => {
    const settings = readSettings(ctx.db);
    const products = catalog
      .listAllProducts(ctx.db)
      .filter((p) => !p.isArchived)
      .sort((a, b) => a.category.localeCompare(b.category, 'es') || a.name.localeCompare(b.name, 'es'));
    const today = DateTime.fromMillis(ctx.now(), { zone: settings.timeZone }).setLocale(settings.locale).toLocaleString(DateTime.DATE_FULL);
    const pdf = await renderCatalog(products, settings, dirs(ctx), today);
    return save(ctx, `catalogo-${slug(settings.shopName)}.pdf`, pdf);
  },

  'print.promoImage': async (ctx, args) => {
    const promo = getPromotion(ctx, args.promotionId);
    const image = await renderPromoImage(promo, readSettings(ctx.db), ctx.mediaDir, args.format);
    return save(ctx, `promo-${promo.id}-${slug(promo.title)}-${args.format === 'square' ? '1080x1080' : '1080x1920'}.jpg`, image);
  },
} satisfies Partial<Handlers>;
