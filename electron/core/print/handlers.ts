import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { fail } from '../../../shared/api/errors';
import type { PrintResult } from '../../../shared/api/methods/print';
import type { Variant } from '../../../shared/domain/catalog';
import { formatMoney } from '../../../shared/domain/money';
import { bundleLabel, bundleTotal } from '../../../shared/domain/promotions';
import type { ShopSettings } from '../../../shared/domain/settings';
import * as catalog from '../catalog/repo';
import type { CoreContext, Handlers } from '../context';
import { exportsDirFor, exportUrl } from '../exports';
import { currentPrice } from '../orders/pricing';
import { activePromotionsFor, getPromotion } from '../promotions/handlers';
import { readSettings } from '../settings/repo';
import { shopCatalogPdf } from './catalogPdf';
import { logoJpeg, slug } from './pdf';
import { renderPriceTags, type TagItem } from './priceTags';
import { instagramHandle, renderPromoImage } from './promoImage';
import { renderPromoSheet } from './promoSheet';

/** Every printable goes to <dataDir>/exports, where the seller can find, print or send it. */
const save = (ctx: CoreContext, fileName: string, bytes: Buffer): PrintResult => {
  const dir = exportsDirFor(ctx.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, fileName);
  fs.writeFileSync(file, bytes);
  return { path: file, url: exportUrl(fileName), fileName, bytes: bytes.length };
};

/** What a tag says about today's promotions: the unit price, and a badge for the best bundle or discount. */
const tagPromotion = (ctx: CoreContext, variant: Variant, settings: ShopSettings): Pick<TagItem, 'regularPrice' | 'promoPrice' | 'badge' | 'bundle'> => {
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  const promoPrice = currentPrice(ctx, variant);
  const active = activePromotionsFor(ctx, variant.id);
  const bundles = active
    .filter((p) => p.kind === 'bundle' && (p.bundleQuantity ?? 0) >= 2)
    .map((p) => {
      const quantity = p.bundleQuantity ?? 2;
      return { promo: p, quantity, total: bundleTotal(quantity, variant.price, p), regularTotal: quantity * variant.price };
    })
    .sort((a, b) => a.total / a.quantity - b.total / b.quantity);
  const best = bundles[0];
  if (best && best.total < best.regularTotal && best.total / best.quantity < promoPrice) {
    return { regularPrice: variant.price, promoPrice: variant.price, badge: bundleLabel(best.promo, money), bundle: { quantity: best.quantity, total: best.total, regularTotal: best.regularTotal } };
  }
  const percent = active.find((p) => p.kind === 'percent' && p.percentOff && p.items.some((i) => i.variantId === variant.id && i.promoPrice === promoPrice));
  const badge = promoPrice >= variant.price ? '' : percent ? `-${percent.percentOff}%` : 'Oferta';
  return { regularPrice: variant.price, promoPrice, badge, bundle: null };
};

const dirs = (ctx: CoreContext) => ({ resourcesDir: ctx.resourcesDir, mediaDir: ctx.mediaDir });

export const printHandlers = {
  'print.promoSheet': async (ctx, args) => {
    const promo = getPromotion(ctx, args.promotionId);
    if (promo.items.length === 0) fail('invalid_input', 'promotionId: the promotion has no products yet', { field: 'promotionId' });
    const settings = readSettings(ctx.db);
    // A sheet at the stall without a way to write to her sells nothing after the customer walks away.
    if (!settings.whatsappNumber) fail('whatsapp_number_missing', 'The stall sheet needs the shop\'s WhatsApp number for its QR code: set it in Ajustes', { field: 'whatsappNumber' });
    const pdf = await renderPromoSheet(promo, settings, dirs(ctx), args.paper, await logoJpeg(ctx.db, ctx.mediaDir, settings.logoMediaId));
    return save(ctx, `promo-${promo.id}-${slug(promo.title)}-${args.paper}.pdf`, pdf);
  },

  'print.priceTags': async (ctx, args) => {
    const settings = readSettings(ctx.db);
    const items = args.variantIds.map((variantId, i) => {
      const variant = catalog.findVariant(ctx.db, variantId) ?? fail('not_found', `Variant ${variantId} does not exist`, { field: `variantIds.${i}` });
      const product = catalog.getProduct(ctx.db, variant.productId);
      return { name: [product.name, variant.name].filter(Boolean).join(' – '), sku: variant.sku, ...tagPromotion(ctx, variant, settings) };
    });
    const pdf = await renderPriceTags(items, settings, ctx.resourcesDir, args);
    return save(ctx, `etiquetas-${DateTime.fromMillis(ctx.now()).toFormat('yyyyLLdd-HHmmss')}.pdf`, pdf);
  },

  'print.catalog': async (ctx) => {
    const pdf = await shopCatalogPdf(ctx.db, dirs(ctx), ctx.now());
    return save(ctx, pdf.fileName, pdf.bytes);
  },

  'print.promoImage': async (ctx, args) => {
    const promo = getPromotion(ctx, args.promotionId);
    const image = await renderPromoImage(promo, readSettings(ctx.db), ctx.mediaDir, args.format, instagramHandle(ctx.channels.get('instagram').account));
    return save(ctx, `promo-${promo.id}-${slug(promo.title)}-${args.format === 'square' ? '1080x1080' : '1080x1920'}.jpg`, image);
  },
} satisfies Partial<Handlers>;
