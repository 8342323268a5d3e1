import { fail } from '../../../shared/api/errors';
import type { OrderQuote, VariantOption } from '../../../shared/api/methods/orders';
import { orderTotals } from '../../../shared/domain/orders';
import * as catalog from '../catalog/repo';
import type { CoreContext } from '../context';
import { availableStock } from '../stock/repo';
import { bundleSavings, currentPrice } from './pricing';

const nameOf = (productName: string, variantName: string): string => [productName, variantName].filter(Boolean).join(' – ');

/** What may be sold of this variant now, and the same product's other variants that have some. */
export const stockOf = (ctx: CoreContext, variantId: number): { stock: number; alternatives: VariantOption[] } => {
  const variant = catalog.findVariant(ctx.db, variantId);
  if (!variant) return { stock: 0, alternatives: [] };
  const product = catalog.getProduct(ctx.db, variant.productId);
  const alternatives = product.variants
    .filter((v) => v.id !== variant.id && !v.isArchived)
    .map((v) => ({ variantId: v.id, name: nameOf(product.name, v.name), unitPrice: currentPrice(ctx, v), stock: availableStock(ctx.db, v.id) }))
    .filter((v) => v.stock > 0)
    .sort((a, b) => b.stock - a.stock);
  return { stock: Math.max(0, availableStock(ctx.db, variant.id)), alternatives };
};

/** Prices a would-be order exactly as orders.create will, so Nuevo pedido shows the promotion before saving. */
export const quoteOrder = (ctx: CoreContext, args: { items: { variantId: number; quantity: number; unitPrice?: number }[]; discount: number; deliveryFee: number }): OrderQuote => {
  const items = args.items.map((item, i) => {
    const variant = catalog.findVariant(ctx.db, item.variantId) ?? fail('not_found', `Variant ${item.variantId} does not exist`, { field: `items.${i}.variantId` });
    const product = catalog.getProduct(ctx.db, variant.productId);
    return {
      variantId: variant.id,
      name: nameOf(product.name, variant.name),
      quantity: item.quantity,
      unitPrice: item.unitPrice ?? currentPrice(ctx, variant),
      regularPrice: variant.price,
      ...stockOf(ctx, variant.id),
    };
  });
  const promoDiscount = bundleSavings(ctx, items);
  const discount = args.discount + promoDiscount;
  return { items, promoDiscount, discount, ...orderTotals(items, discount, args.deliveryFee) };
};
