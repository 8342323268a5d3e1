import { useEffect, useState } from 'react';
import type { Product } from '../../../shared/domain/catalog';
import { api } from '../../api';
import { downloadText } from '../../components/files';
import { useT } from '../../i18n';
import { productAt, useCatalog, type ArchivedFilter } from '../../store/catalog';
import { CsvImportDialog } from './CsvImportDialog';
import { ProductEditor } from './ProductEditor';
import { ProductList } from './ProductList';
import { StockDialog } from './StockDialog';

type Open = { kind: 'none' } | { kind: 'editor'; product: Product | null } | { kind: 'stock'; product: Product } | { kind: 'import' };

export const CatalogPage = () => {
  const t = useT();
  const catalog = useCatalog();
  const { query, category, isLowStockOnly, archived, refresh } = catalog;
  // #/catalogo/importar (from the welcome) opens the CSV import straight away.
  const [open, setOpen] = useState<Open>(
    window.location.hash.includes('/importar') ? { kind: 'import' } : window.location.hash.includes('/nuevo') ? { kind: 'editor', product: null } : { kind: 'none' },
  );

  useEffect(() => {
    // Each keystroke searches at once; the store keeps only the newest answer.
    const timer = setTimeout(() => void refresh(), 0);
    return () => clearTimeout(timer);
  }, [query, category, isLowStockOnly, archived, refresh]);

  useEffect(() => api.onEvent((event) => (event.type === 'catalog.changed' ? void refresh() : undefined)), [refresh]);

  const close = () => {
    setOpen({ kind: 'none' });
    void refresh();
  };
  const isFiltered = query !== '' || category !== '' || isLowStockOnly || archived !== 'active';
  const isEmptyShop = catalog.hasLoaded && catalog.total === 0 && !isFiltered;

  return (
    <section className="page" aria-labelledby="catalog-title">
      <header className="page-header">
        <h1 id="catalog-title">{t('catalog.title')}</h1>
        <div className="actions">
          <button type="button" className="button" onClick={() => setOpen({ kind: 'import' })}>{t('catalog.import')}</button>
          <button type="button" className="button" onClick={() => void api.call('catalog.exportCsv', {}).then((r) => downloadText(r.csv, r.fileName))}>
            {t('catalog.export')}
          </button>
          <button type="button" className="button button-primary" onClick={() => setOpen({ kind: 'editor', product: null })}>+ {t('catalog.new')}</button>
        </div>
      </header>
      {isEmptyShop ? (
        <div className="empty-state">
          <h2>{t('catalog.empty.title')}</h2>
          <p>{t('catalog.empty.body')}</p>
          <div className="actions">
            <button type="button" className="button button-primary" onClick={() => setOpen({ kind: 'editor', product: null })}>+ {t('catalog.new')}</button>
            <button type="button" className="button" onClick={() => setOpen({ kind: 'import' })}>{t('catalog.import')}</button>
          </div>
        </div>
      ) : (
        <>
          <div className="toolbar" role="search">
            <input type="search" className="search" value={query} placeholder={t('catalog.search')} aria-label={t('common.search')} onChange={(e) => catalog.setQuery(e.target.value)} />
            <label className="field-inline">
              <span>{t('catalog.filter.category')}</span>
              <select value={category} onChange={(e) => catalog.setCategory(e.target.value)}>
                <option value="">{t('common.all')}</option>
                {catalog.categories.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </label>
            <label className="field-inline">
              <span>{t('catalog.filter.archived')}</span>
              <select value={archived} onChange={(e) => catalog.setArchived(e.target.value === 'archived' || e.target.value === 'all' ? (e.target.value satisfies ArchivedFilter) : 'active')}>
                <option value="active">{t('catalog.filter.active')}</option>
                <option value="archived">{t('catalog.filter.archivedOnly')}</option>
                <option value="all">{t('catalog.filter.everything')}</option>
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={isLowStockOnly} onChange={(e) => catalog.setLowStockOnly(e.target.checked)} /> {t('catalog.filter.lowStock')}
            </label>
            <span className="muted count" aria-live="polite">{catalog.isTotalCapped ? t('speedRest.catalogCountCapped', { count: catalog.total }) : t('catalog.count', { count: catalog.total })}</span>
          </div>
          {catalog.hasLoaded && catalog.total === 0 ? (
            <p className="empty-results">{t('catalog.noResults', { query })}</p>
          ) : (
            <ProductList total={catalog.total} productAt={(index) => productAt(catalog.pages, index)} onRowsShown={catalog.loadRows} onOpen={(product) => setOpen({ kind: 'editor', product })} onStock={(product) => setOpen({ kind: 'stock', product })} />
          )}
        </>
      )}
      {open.kind === 'editor' ? <ProductEditor product={open.product} onClose={close} /> : null}
      {open.kind === 'stock' ? <StockDialog product={open.product} onClose={close} /> : null}
      {open.kind === 'import' ? <CsvImportDialog onClose={close} /> : null}
    </section>
  );
};
