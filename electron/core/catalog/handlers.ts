import type { z } from 'zod';
import type { variantInput } from '../../../shared/api/schemas';
import { fail } from '../../../shared/api/errors';
import type { CoreContext, Handlers } from '../context';
import { readSettings } from '../settings/repo';
import { recordMovement } from '../stock/repo';
import * as repo from './repo';
import { listProductsPage } from './list';
import { exportCatalogCsv, importCatalogCsv } from './csv';

type VariantInput = z.output<typeof variantInput>;

/**
 * Every catalog write calls this so open windows refresh. The search index needs nothing: SQLite
 * triggers keep it in the same transaction as the write (migration 0018).
 */
export const catalogChanged = (ctx: CoreContext, productIds: number[]): void => {
  ctx.emit('catalog.changed', { productIds });
};

const addVariant = (ctx: CoreContext, productId: number, input: VariantInput, position: number): void => {
  const field = `variants.${position}`;
  const variantId = repo.insertVariant(ctx.db, productId, { ...input, position }, `${field}.sku`);
  if (input.initialStock > 0) {
    recordMovement(ctx.db, { variantId, delta: input.initialStock, reason: 'initial', now: ctx.now() });
  }
};

const assertUniqueSkus = (variants: VariantInput[]): void => {
  const seen = new Map<string, number>();
  variants.forEach((v, i) => {
    const key = v.sku.toLowerCase();
    if (seen.has(key)) fail('invalid_input', `variants.${i}.sku: ${v.sku} is repeated`, { field: `variants.${i}.sku` });
    seen.set(key, i);
  });
};

export const catalogHandlers = {
  'catalog.listProducts': (ctx, args) => ({ ...listProductsPage(ctx.db, args), categories: repo.listCategories(ctx.db) }),

  'catalog.getProduct': (ctx, args) => repo.getProduct(ctx.db, args.id),

  'catalog.createProduct': (ctx, args) => {
    assertUniqueSkus(args.variants);
    const now = ctx.now();
    const productId = repo.insertProduct(
      ctx.db,
      { ...args, lowStockThreshold: args.lowStockThreshold ?? readSettings(ctx.db).defaultLowStockThreshold },
      now,
    );
    args.variants.forEach((variant, position) => addVariant(ctx, productId, variant, position));
    repo.replacePhotos(ctx.db, productId, args.photoIds);
    catalogChanged(ctx, [productId]);
    return repo.getProduct(ctx.db, productId);
  },

  'catalog.updateProduct': (ctx, args) => {
    const current = repo.getProduct(ctx.db, args.id);
    const now = ctx.now();
    repo.updateProductRow(
      ctx.db,
      current.id,
      {
        name: args.name ?? current.name,
        description: args.description ?? current.description,
        category: args.category ?? current.category,
        tags: args.tags ?? current.tags,
        lowStockThreshold: args.lowStockThreshold ?? current.lowStockThreshold,
      },
      now,
    );
    if (args.photoIds) repo.replacePhotos(ctx.db, current.id, args.photoIds);
    if (args.variants) {
      assertUniqueSkus(args.variants);
      const ownIds = new Set(current.variants.map((v) => v.id));
      // Free the SKUs of variants being dropped first, so a SKU can move between rows in one save.
      const incomingIds = new Set(args.variants.flatMap((v) => (v.id === undefined ? [] : [v.id])));
      for (const variant of current.variants) {
        if (!incomingIds.has(variant.id) && !variant.isArchived) repo.archiveVariant(ctx.db, variant.id);
      }
      args.variants.forEach((variant, position) => {
        if (variant.id === undefined) return addVariant(ctx, current.id, variant, position);
        if (!ownIds.has(variant.id)) {
          fail('not_found', `Variant ${variant.id} is not part of product ${current.id}`, { field: `variants.${position}.id` });
        }
        repo.updateVariantRow(ctx.db, variant.id, { ...variant, position }, `variants.${position}.sku`);
      });
    }
    catalogChanged(ctx, [current.id]);
    return repo.getProduct(ctx.db, current.id);
  },

  'catalog.archiveProduct': (ctx, args) => {
    repo.getProduct(ctx.db, args.id);
    repo.setProductArchived(ctx.db, args.id, args.isArchived, ctx.now());
    catalogChanged(ctx, [args.id]);
    return repo.getProduct(ctx.db, args.id);
  },

  'catalog.importCsv': (ctx, args) => {
    const result = importCatalogCsv(ctx, args);
    if (result.isCommitted) catalogChanged(ctx, []);
    return result;
  },

  'catalog.exportCsv': (ctx, args) => exportCatalogCsv(ctx, args.includeArchived),
} satisfies Partial<Handlers>;
