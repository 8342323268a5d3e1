import { useEffect, useState } from 'react';
import type { Product } from '../../shared/domain/catalog';
import { api } from '../api';
import { useT } from '../i18n';

/** Products listed before she types: enough for a small catalog, a page for a large one. */
const FIRST_PAGE = 200;
/** Best matches of a search, as the catalog ranks them. */
const SEARCH_PAGE = 50;

/**
 * The products a picker offers: the first ones by name, or the best matches of what she typed, so
 * every product of a catalog of thousands can be reached without loading them all. `hint` is the
 * text of the picker's empty option: how many more there are, or that nothing matched. Nothing is
 * asked while `isEnabled` is false (a form that is closed).
 */
export const useCatalogSearch = (query: string, isEnabled = true): { items: Product[]; hint: string } => {
  const t = useT();
  const [found, setFound] = useState<{ items: Product[]; total: number }>({ items: [], total: 0 });
  const words = query.trim();
  useEffect(() => {
    // A picker that is not on screen asks for nothing.
    if (!isEnabled) return;
    let isCurrent = true;
    void api.call('catalog.listProducts', words ? { query: words, limit: SEARCH_PAGE } : { limit: FIRST_PAGE }).then((page) => {
      // A slower answer to an older keystroke must not replace a newer one.
      if (isCurrent) setFound(page);
    });
    return () => {
      isCurrent = false;
    };
  }, [words, isEnabled]);
  const hint =
    words && found.total === 0
      ? t('speedRest.pickerNone', { query: words })
      : !words && found.total > found.items.length
        ? t('speedRest.pickerMore', { shown: found.items.length, total: found.total })
        : '';
  return { items: found.items, hint };
};
