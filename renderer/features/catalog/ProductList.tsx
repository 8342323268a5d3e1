import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { Product } from '../../../shared/domain/catalog';
import { useMoney } from '../../format';
import { useT } from '../../i18n';

const ROW_HEIGHT = 76;

const priceRange = (product: Product, money: (minor: number) => string): string => {
  const prices = product.variants.filter((v) => !v.isArchived).map((v) => v.price);
  if (prices.length === 0) return '—';
  const [min, max] = [Math.min(...prices), Math.max(...prices)];
  return min === max ? money(min) : `${money(min)} – ${money(max)}`;
};

interface ProductListProps {
  total: number;
  /** The product at a row, or undefined while its page is on its way. */
  productAt(index: number): Product | undefined;
  /** Asks for the pages of the rows on screen. */
  onRowsShown(first: number, last: number): void;
  onOpen(product: Product): void;
  onStock(product: Product): void;
}

/**
 * Only the rows on screen are in the DOM, and only their pages are loaded: the scroll bar spans
 * every match, and scrolling asks for the pages it reaches.
 */
export const ProductList = ({ total, productAt, onRowsShown, onOpen, onStock }: ProductListProps) => {
  const t = useT();
  const money = useMoney();
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const shown = virtualizer.getVirtualItems();
  const [first, last] = [shown[0]?.index ?? 0, shown.at(-1)?.index ?? 0];
  useEffect(() => onRowsShown(first, last), [first, last, onRowsShown]);
  return (
    <div ref={parentRef} className="product-list" role="list" aria-label={t('catalog.count', { count: total })}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {shown.map((row) => {
          const product = productAt(row.index);
          if (!product) {
            return <div key={`row-${row.index}`} role="listitem" className="product-row product-row-loading" style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }} aria-busy="true" />;
          }
          const liveVariants = product.variants.filter((v) => !v.isArchived);
          return (
            <div
              key={product.id}
              role="listitem"
              className="product-row"
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
              data-testid="product-row"
            >
              <button type="button" className="product-main" onClick={() => onOpen(product)}>
                {product.photos[0] ? (
                  <img className="thumb" src={product.photos[0].thumbUrl} alt="" loading="lazy" />
                ) : (
                  <span className="thumb thumb-empty" aria-hidden="true">
                    {product.name.slice(0, 1)}
                  </span>
                )}
                <span className="product-text">
                  <span className="product-name">{product.name}</span>
                  <span className="product-meta">
                    {[product.category, t('catalog.variants', { count: liveVariants.length })].filter(Boolean).join(' · ')}
                  </span>
                </span>
              </button>
              <span className="product-price">{priceRange(product, money)}</span>
              <span className="product-stock">
                {t('catalog.stock', { count: product.totalStock })}
                {product.isLowStock ? <span className="badge badge-warn">{t('catalog.lowStock')}</span> : null}
                {product.isArchived ? <span className="badge">{t('catalog.archived')}</span> : null}
              </span>
              <button type="button" className="button button-quiet" onClick={() => onStock(product)} aria-label={`${t('stock.button')}: ${product.name}`}>
                {t('stock.button')}
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
};
