import type { Variant } from '../../../shared/domain/catalog';
import { bundleTotal } from '../../../shared/domain/promotions';
import type { CoreContext } from '../context';
import { activePromotionsFor } from '../promotions/handlers';

/** The price an order gets today for one unit of this variant: the best active price or percent promotion. */
export const currentPrice = (ctx: CoreContext, variant: Pick<Variant, 'id' | 'price'>): number =>
  Math.min(
    variant.price,
    ...activePromotionsFor(ctx, variant.id)
      .filter((p) => p.kind !== 'bundle')
      .flatMap((p) => p.items.filter((i) => i.variantId === variant.id).map((i) => i.promoPrice)),
  );

/**
 * What bundles ("2x1", "3 por 50") take off these items: full sets at the bundle price.
 * Items keep their unit price; the saving becomes part of the order's discount.
 */
export const bundleSavings = (ctx: CoreContext, items: { variantId: number; quantity: number; unitPrice: number }[]): number =>
  items.reduce((saving, item) => {
    const bundles = activePromotionsFor(ctx, item.variantId).filter((p) => p.kind === 'bundle');
    const best = Math.min(item.quantity * item.unitPrice, ...bundles.map((b) => bundleTotal(item.quantity, item.unitPrice, b)));
    return saving + (item.quantity * item.unitPrice - best);
  }, 0);
