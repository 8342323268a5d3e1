import { useEffect, useState } from 'react';
import type { Promotion } from '../../../shared/domain/promotions';
import { api } from '../../api';
import { useDate, useDateRange } from '../../format';
import { useT } from '../../i18n';
import { PromotionEditor } from './PromotionEditor';

export const PromotionsPage = () => {
  const t = useT();
  const date = useDate();
  const dateRange = useDateRange();
  const [items, setItems] = useState<Promotion[] | null>(null);
  const [open, setOpen] = useState<{ promotion: Promotion | null } | null>(null);
  const [catalogUrl, setCatalogUrl] = useState<{ url: string; fileName: string } | null>(null);
  const load = () => void api.call('promotions.list', {}).then((r) => setItems(r.items));
  useEffect(() => {
    load();
    return api.onEvent((event) => (event.type === 'promotions.changed' ? load() : undefined));
  }, []);
  return (
    <section className="page" aria-labelledby="promo-title">
      <header className="page-header">
        <h1 id="promo-title">{t('promo.title')}</h1>
        <div className="actions">
          {catalogUrl ? <a className="notice" href={catalogUrl.url} download={catalogUrl.fileName}>{t('promo.ready', { name: catalogUrl.fileName })}</a> : null}
          <button type="button" className="button" onClick={() => void api.call('print.catalog', {}).then(setCatalogUrl)}>{t('promo.printCatalog')}</button>
          <button type="button" className="button button-primary" onClick={() => setOpen({ promotion: null })}>+ {t('promo.new')}</button>
        </div>
      </header>
      {items && items.length === 0 ? (
        <div className="empty-state"><p>{t('promo.empty')}</p><button type="button" className="button button-primary" onClick={() => setOpen({ promotion: null })}>+ {t('promo.new')}</button></div>
      ) : null}
      <ul className="promo-grid">
        {(items ?? []).map((p) => (
          <li key={p.id}>
            <button type="button" className="promo-card" onClick={() => setOpen({ promotion: p })}>
              <span className={`status promo-${p.status}`}>{t(`promo.status.${p.status}`)}</span>
              <strong>{p.title}</strong>
              <span className="muted">{p.startsOn && p.endsOn ? dateRange(p.startsOn, p.endsOn) : [p.startsOn && date(p.startsOn), p.endsOn && date(p.endsOn)].filter(Boolean).join(' – ')}</span>
              <span className="muted">{t('promo.items', { count: p.items.length })}</span>
            </button>
          </li>
        ))}
      </ul>
      {open ? <PromotionEditor promotion={open.promotion} onClose={() => { setOpen(null); load(); }} /> : null}
    </section>
  );
};
