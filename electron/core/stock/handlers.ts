import { fail } from '../../../shared/api/errors';
import { isVariantLow } from '../../../shared/domain/catalog';
import { catalogChanged } from '../catalog/handlers';
import * as catalog from '../catalog/repo';
import type { Handlers } from '../context';
import { listMovements, recordMovement } from './repo';

export const stockHandlers = {
  'stock.adjust': (ctx, args) => {
    const before = catalog.findVariant(ctx.db, args.variantId) ?? fail('not_found', `Variant ${args.variantId} does not exist`, { field: 'variantId' });
    const movement = recordMovement(ctx.db, { ...args, now: ctx.now() });
    catalog.touchProduct(ctx.db, before.productId, ctx.now());
    const variant = catalog.findVariant(ctx.db, args.variantId) ?? before;
    const product = catalog.getProduct(ctx.db, variant.productId);
    ctx.emit('stock.changed', {
      variantId: variant.id,
      productId: variant.productId,
      stock: variant.stock,
      isLowStock: isVariantLow(variant.stock, product.lowStockThreshold),
    });
    catalogChanged(ctx, [variant.productId]);
    return { variant, movement };
  },

  'stock.history': (ctx, args) => {
    if (!catalog.findVariant(ctx.db, args.variantId)) fail('not_found', `Variant ${args.variantId} does not exist`, { field: 'variantId' });
    return { items: listMovements(ctx.db, args.variantId, args.limit) };
  },
} satisfies Partial<Handlers>;
