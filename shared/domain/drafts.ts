/**
 * How sure a draft is of each line it read from a chat message, and the shop's own words for its
 * products (aliases) that it learns when the seller corrects a line.
 */

/** Why a drafted line may be wrong, strongest first in the dialog. */
export const doubtReasons = [
  /** The customer's words are not in the catalog as written; a typo or a prefix matched. */
  'fuzzy',
  /** Another product fits the words about as well. */
  'ambiguous',
  /** The words name the product but not which variant (color, size…). */
  'variantGuessed',
  /** Some of the customer's product words are explained by nothing in this product. */
  'partial',
  /** No product matched: the seller picks one (and the draft learns the words). */
  'unknown',
  /** The count was not written; one is assumed. */
  'assumedQuantity',
  /** The line names no product itself; it takes the one named before ("sepárame 2"). */
  'inferred',
] as const;
export type DoubtReason = (typeof doubtReasons)[number];

export type DraftConfidence = 'sure' | 'check';

/** A score at or above this is 'sure'; the factors per reason are in the parser. */
export const SURE_SCORE = 0.7;

export const aliasSources = ['learned', 'manual'] as const;
export type AliasSource = (typeof aliasSources)[number];

export interface ProductAlias {
  id: number;
  productId: number;
  /** Set when the seller picked one variant for these words ("el rosadito" → Esmalte – Rosa). */
  variantId: number | null;
  variantName: string;
  /** The words as the customer (or the seller) wrote them. */
  phrase: string;
  source: AliasSource;
  createdAt: number;
}

export const ALIAS_MIN_LENGTH = 2;
export const ALIAS_MAX_LENGTH = 60;
/** A product with more aliases than this is more likely noise than the shop's words. */
export const ALIASES_PER_PRODUCT_MAX = 50;
