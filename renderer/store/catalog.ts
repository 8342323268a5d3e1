import { create } from 'zustand';
import type { Product } from '../../shared/domain/catalog';
import { api } from '../api';

export type ArchivedFilter = 'active' | 'archived' | 'all';

interface CatalogState {
  items: Product[];
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
  refresh(): Promise<void>;
}

let requestSeq = 0;

export const useCatalog = create<CatalogState>((set, get) => ({
  items: [],
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
    const { query, category, isLowStockOnly, archived } = get();
    // Typing fast fires several searches; only the newest answer may land.
    const seq = (requestSeq += 1);
    set({ isLoading: true });
    const result = await api.call('catalog.listProducts', {
      ...(query.trim() ? { query: query.trim() } : {}),
      ...(category ? { category } : {}),
      ...(isLowStockOnly ? { isLowStock: true } : {}),
      archived,
    });
    if (seq !== requestSeq) return;
    set({ items: result.items, categories: result.categories, isLoading: false, hasLoaded: true });
  },
}));
