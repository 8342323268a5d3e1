import { create } from 'zustand';
import type { Product } from '../../shared/domain/catalog';
import { api } from '../api';

export type ArchivedFilter = 'active' | 'archived' | 'all';

/** Products asked for at a time: a screenful and then some. */
export const CATALOG_PAGE = 50;

interface CatalogState {
  /** Loaded pages by their first index; the list has `total` rows and asks for the pages it shows. */
  pages: Record<number, Product[]>;
  total: number;
  /** More than `total` match: a search stops counting at the cap (the list grows as she scrolls past it). */
  isTotalCapped: boolean;
  categories: string[];
  query: string;
  category: string;
  isLowStockOnly: boolean;
  archived: ArchivedFilter;
  isLoading: boolean;
  hasLoaded: boolean;
  setQuery(query: string): void;
  setCategory(category: string): void;
  setLowStockOnly(isLowStockOnly: boolean): void;
  setArchived(archived: ArchivedFilter): void;
  /** Starts over from the first page (a new search, a filter, a write). */
  refresh(): Promise<void>;
  /** Loads the pages that hold rows first..last, if not loaded yet. */
  loadRows(first: number, last: number): void;
}

export const productAt = (pages: Record<number, Product[]>, index: number): Product | undefined =>
  pages[index - (index % CATALOG_PAGE)]?.[index % CATALOG_PAGE];

// Typing fast fires several searches; only answers to the newest one may land.
let generation = 0;
const inFlight = new Set<string>();

export const useCatalog = create<CatalogState>((set, get) => {
  const fetchPage = async (offset: number, seq: number) => {
    const { query, category, isLowStockOnly, archived } = get();
    const result = await api.call('catalog.listProducts', {
      ...(query.trim() ? { query: query.trim() } : {}),
      ...(category ? { category } : {}),
      ...(isLowStockOnly ? { isLowStock: true } : {}),
      archived,
      limit: CATALOG_PAGE,
      offset,
    });
    if (seq !== generation) return;
    // A capped count grows as she scrolls past it; a later page never shrinks the list she scrolls.
    const isNewer = offset === 0 || result.total >= get().total;
    set((s) => ({
      pages: offset === 0 ? { 0: result.items } : { ...s.pages, [offset]: result.items },
      total: isNewer ? result.total : s.total,
      isTotalCapped: isNewer ? result.isTotalCapped === true : s.isTotalCapped,
      categories: result.categories,
      isLoading: false,
      hasLoaded: true,
    }));
  };
  return {
    pages: {},
    total: 0,
    isTotalCapped: false,
    categories: [],
    query: '',
    category: '',
    isLowStockOnly: false,
    archived: 'active',
    isLoading: false,
    hasLoaded: false,
    setQuery: (query) => set({ query }),
    setCategory: (category) => set({ category }),
    setLowStockOnly: (isLowStockOnly) => set({ isLowStockOnly }),
    setArchived: (archived) => set({ archived }),
    refresh: async () => {
      const seq = (generation += 1);
      inFlight.clear();
      set({ isLoading: true });
      await fetchPage(0, seq);
    },
    loadRows: (first, last) => {
      const { pages, total } = get();
      for (let offset = first - (first % CATALOG_PAGE); offset <= last && offset < total; offset += CATALOG_PAGE) {
        const key = `${generation}:${offset}`;
        if (pages[offset] || inFlight.has(key)) continue;
        inFlight.add(key);
        void fetchPage(offset, generation).finally(() => inFlight.delete(key));
      }
    },
  };
});
