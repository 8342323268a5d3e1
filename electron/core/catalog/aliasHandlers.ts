import { fail } from '../../../shared/api/errors';
import { ALIASES_PER_PRODUCT_MAX } from '../../../shared/domain/drafts';
import type { CoreContext, Handlers } from '../context';
import { aliasKey, aliasPhraseOf } from '../orders/parse';
import * as aliases from './aliases';
import * as repo from './repo';

const checkVariant = (ctx: CoreContext, productId: number, variantId: number | null): void => {
  if (variantId === null) return;
  const variant = repo.findVariant(ctx.db, variantId);
  if (!variant || variant.productId !== productId) fail('invalid_input', `variantId: variant ${variantId} is not a variant of product ${productId}`, { field: 'variantId' });
};

/** Aliases change what a draft reads, not the catalog; open product pages refresh on this event. */
const aliasesChanged = (ctx: CoreContext, productIds: number[]): void => ctx.emit('catalog.changed', { productIds });

export const aliasHandlers = {
  'catalog.listAliases': (ctx, args) => {
    repo.getProduct(ctx.db, args.productId);
    return { items: aliases.listAliases(ctx.db, args.productId) };
  },

  'catalog.addAlias': (ctx, args) => {
    const product = repo.findProduct(ctx.db, args.productId) ?? fail('not_found', `Product ${args.productId} does not exist`, { field: 'productId' });
    checkVariant(ctx, product.id, args.variantId);
    const phraseKey = aliasKey(args.phrase);
    if (!phraseKey) fail('invalid_input', 'phrase: has no word that could name a product (only numbers or words like "quiero", "de", "porfa")', { field: 'phrase' });
    const existing = aliases.findAliasByKey(ctx.db, phraseKey);
    if (existing) {
      const isSame = existing.productId === product.id;
      fail('conflict', isSame ? `phrase: "${existing.phrase}" is already a name of this product` : `phrase: "${existing.phrase}" already names ${existing.productName}`, {
        field: 'phrase',
        details: { productId: existing.productId, productName: existing.productName, aliasId: existing.id },
      });
    }
    if (aliases.countAliases(ctx.db, product.id) >= ALIASES_PER_PRODUCT_MAX) {
      fail('conflict', `phrase: a product keeps at most ${ALIASES_PER_PRODUCT_MAX} names; remove one first`, { field: 'phrase' });
    }
    const id = aliases.insertAlias(ctx.db, { productId: product.id, variantId: args.variantId, phrase: args.phrase, phraseKey, source: 'manual' }, ctx.now());
    aliasesChanged(ctx, [product.id]);
    return aliases.findAlias(ctx.db, id) ?? fail('internal', 'The alias was not saved');
  },

  'catalog.removeAlias': (ctx, args) => {
    const alias = aliases.findAlias(ctx.db, args.id) ?? fail('not_found', `Alias ${args.id} does not exist`, { field: 'id' });
    aliases.deleteAlias(ctx.db, alias.id);
    aliasesChanged(ctx, [alias.productId]);
    return { items: aliases.listAliases(ctx.db, alias.productId) };
  },
} satisfies Pick<Handlers, 'catalog.listAliases' | 'catalog.addAlias' | 'catalog.removeAlias'>;

/** What the order dialog says about a line that came from a draft. */
export interface DraftOrigin {
  /** The customer's words the line was read from. */
  words: string;
  /** What the draft put on the line; null when it could not tell the product. */
  draftedVariantId: number | null;
  /** The draft named the product but guessed the variant. */
  isVariantGuessed: boolean;
}

/**
 * Learns the shop's words when an order is saved from a draft (never while she edits): a line whose
 * product the seller changed, or picked for words the draft did not know, teaches those words. Picking
 * another variant of a product the draft only guessed teaches nothing ("2 polos" is not "polo negro").
 */
export const learnFromDraft = (ctx: CoreContext, lines: { variantId: number; draft?: DraftOrigin }[]): void => {
  const learned: number[] = [];
  for (const { variantId, draft } of lines) {
    if (!draft || draft.draftedVariantId === variantId) continue;
    const variant = repo.findVariant(ctx.db, variantId);
    const drafted = draft.draftedVariantId === null ? undefined : repo.findVariant(ctx.db, draft.draftedVariantId);
    if (!variant) continue;
    const isSameProduct = drafted?.productId === variant.productId;
    if (isSameProduct && draft.isVariantGuessed) continue;
    const phraseKey = aliasKey(draft.words);
    if (!phraseKey) continue;
    const existing = aliases.findAliasByKey(ctx.db, phraseKey);
    if (!existing && aliases.countAliases(ctx.db, variant.productId) >= ALIASES_PER_PRODUCT_MAX) continue;
    const phrase = aliasPhraseOf(draft.words).slice(0, 200);
    aliases.upsertLearnedAlias(ctx.db, { productId: variant.productId, variantId: variant.id, phrase, phraseKey }, ctx.now());
    learned.push(variant.productId, ...(existing ? [existing.productId] : []));
  }
  if (learned.length > 0) aliasesChanged(ctx, [...new Set(learned)]);
};
