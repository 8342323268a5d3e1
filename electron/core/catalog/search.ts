import MiniSearch from 'minisearch';
import { foldText, type Product } from '../../../shared/domain/catalog';

/**
 * Folds case and accents and trims common Spanish plural endings, so "Labiales rojos",
 * "labial rojo" and "LABIAL ROJO" meet on the same terms.
 */
export const searchTerm = (term: string): string => {
  const folded = foldText(term);
  if (folded.length > 4 && /[^aeiou]es$/.test(folded)) return folded.slice(0, -2);
  if (folded.length > 3 && /[aeiou]s$/.test(folded)) return folded.slice(0, -1);
  return folded;
};

interface SearchDoc {
  id: number;
  name: string;
  category: string;
  tags: string;
  variants: string;
  description: string;
}

export interface CatalogSearch {
  /** Product ids, best match first. */
  search(query: string): number[];
}

export const buildCatalogSearch = (products: Product[]): CatalogSearch => {
  const index = new MiniSearch<SearchDoc>({
    fields: ['name', 'category', 'tags', 'variants', 'description'],
    processTerm: (term) => searchTerm(term) || null,
    searchOptions: {
      boost: { name: 3, variants: 2, tags: 1.5, category: 1.5 },
      // One typo in words of 4+ letters; numbers (sizes, tones, codes) must match as written.
      fuzzy: (term) => (/\d/.test(term) ? 0 : term.length >= 5 ? 0.2 : term.length >= 4 ? 1 : 0),
      prefix: (term) => term.length >= 3,
    },
  });
  index.addAll(
    products.map((p) => ({
      id: p.id,
      name: p.name,
      category: p.category,
      tags: p.tags.join(' '),
      variants: p.variants.map((v) => `${v.name} ${v.sku}`).join(' '),
      description: p.description,
    })),
  );
  return {
    search(query) {
      const strict = index.search(query, { combineWith: 'AND' });
      // Every word should match; when none do together, show what matches any of them.
      const results = strict.length > 0 ? strict : index.search(query, { combineWith: 'OR' });
      return results.map((r) => Number(r.id));
    },
  };
};
