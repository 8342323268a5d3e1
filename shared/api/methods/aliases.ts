import { z } from 'zod';
import * as s from '../schemas';
import { ALIAS_MAX_LENGTH, ALIAS_MIN_LENGTH, type ProductAlias } from '../../domain/drafts';
import { read, write } from './define';

/** The words a customer uses for a product: trimmed, inner spaces collapsed, within bounds. */
export const aliasPhrase = z
  .string()
  .transform((value) => value.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(ALIAS_MIN_LENGTH, `needs at least ${ALIAS_MIN_LENGTH} characters`).max(ALIAS_MAX_LENGTH, `may have at most ${ALIAS_MAX_LENGTH} characters`));

export const aliasMethods = {
  /** The shop's own words for one product, learned from order drafts or typed by the seller. */
  'catalog.listAliases': read<{ items: ProductAlias[] }>()(z.object({ productId: s.id }).strict()),
  'catalog.addAlias': write<ProductAlias>()(
    z.object({ productId: s.id, phrase: aliasPhrase, variantId: s.id.nullable().default(null) }).strict(),
  ),
  /** Forgets the words: the next draft reads them as if never taught. Returns the product's aliases left. */
  'catalog.removeAlias': write<{ items: ProductAlias[] }>()(z.object({ id: s.id }).strict()),
} as const;
