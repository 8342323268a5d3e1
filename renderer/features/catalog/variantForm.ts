import type { MethodArgs } from '../../../shared/api/contract';
import type { Product } from '../../../shared/domain/catalog';
import { minorToDecimal, parseMoney } from '../../../shared/domain/money';

/** A variant as the form holds it: prices stay text until saved, so "25,5" can be typed freely. */
export interface VariantDraft {
  key: string;
  id?: number;
  name: string;
  sku: string;
  price: string;
  cost: string;
  initialStock: string;
  stock: number;
}

let nextKey = 0;
export const newVariantDraft = (): VariantDraft => ({ key: `new-${(nextKey += 1)}`, name: '', sku: '', price: '', cost: '', initialStock: '0', stock: 0 });

export const draftsOf = (product: Product, currency: string): VariantDraft[] =>
  product.variants
    .filter((v) => !v.isArchived)
    .map((v) => ({
      key: `v-${v.id}`,
      id: v.id,
      name: v.name,
      sku: v.sku,
      price: minorToDecimal(v.price, currency),
      cost: v.cost === null ? '' : minorToDecimal(v.cost, currency),
      initialStock: '0',
      stock: v.stock,
    }));

type VariantArgs = MethodArgs<'catalog.createProduct'>['variants'][number];

/** Returns the variants for the API, or the index and field of the first unreadable price. */
export const toVariantArgs = (drafts: VariantDraft[], currency: string, productName: string): VariantArgs[] | { index: number; field: 'price' | 'cost' } => {
  const result: VariantArgs[] = [];
  for (const [index, draft] of drafts.entries()) {
    const price = parseMoney(draft.price, currency);
    if (price === null || price < 0) return { index, field: 'price' };
    const cost = draft.cost.trim() === '' ? null : parseMoney(draft.cost, currency);
    if (cost !== null && cost < 0) return { index, field: 'cost' };
    if (draft.cost.trim() !== '' && cost === null) return { index, field: 'cost' };
    result.push({
      ...(draft.id === undefined ? { initialStock: Math.max(0, Number.parseInt(draft.initialStock, 10) || 0) } : { id: draft.id }),
      name: draft.name,
      // An empty SKU takes the suggestion shown as its placeholder.
      sku: draft.sku.trim() || suggestSku(productName, draft.name),
      price,
      cost,
    });
  }
  return result;
};

/** Suggests a SKU like "LAB-MAT-ROJ" from the product and variant names. */
export const suggestSku = (productName: string, variantName: string): string =>
  [...productName.split(/\s+/).slice(0, 2), ...variantName.split(/\s+/).slice(0, 1)]
    .map((word) => word.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[^A-Za-z0-9]/g, '').slice(0, 3).toUpperCase())
    .filter(Boolean)
    .join('-');
