import { useEffect, useState } from 'react';
import type { CustomerListItem } from '../../../shared/api/methods/customers';
import type { WaitlistEntry } from '../../../shared/domain/board';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { VariantPicker, type PickedVariant } from '../../components/VariantPicker';
import { useDateTime } from '../../format';
import { useT } from '../../i18n';

/** Customers the picker asks for at a time; "load more" brings the next ones. */
const PICKER_PAGE = 20;

/** Who waits for what, and adding someone from the product side (the chat has its own button). */
export const WaitlistSection = () => {
  const t = useT();
  const dateTime = useDateTime();
  const [entries, setEntries] = useState<WaitlistEntry[]>([]);
  const [variant, setVariant] = useState<PickedVariant | null>(null);
  const [query, setQuery] = useState('');
  const [customers, setCustomers] = useState<CustomerListItem[]>([]);
  const [count, setCount] = useState({ total: 0, isCapped: false });
  const [customerId, setCustomerId] = useState(0);
  const [message, setMessage] = useState('');

  const load = () => void api.call('waitlist.list', {}).then((r) => setEntries(r.items));
  useEffect(() => {
    load();
    return api.onEvent((event) => (event.type === 'followUps.changed' || event.type === 'stock.changed' ? load() : undefined));
  }, []);
  useEffect(() => {
    let isCurrent = true;
    const timer = setTimeout(() => void api.call('customers.list', { query: query.trim() || undefined, limit: PICKER_PAGE }).then((r) => {
      if (!isCurrent) return;
      setCustomers(r.items);
      setCount({ total: r.total, isCapped: r.isTotalCapped === true });
      setCustomerId((current) => (r.items.some((c) => c.id === current) ? current : (r.items[0]?.id ?? 0)));
    }), 150);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [query]);
  // The next page of the same search, added under the ones she has.
  const loadMore = () =>
    void api.call('customers.list', { query: query.trim() || undefined, limit: PICKER_PAGE, offset: customers.length }).then((r) => {
      setCustomers((shown) => [...shown, ...r.items.filter((c) => !shown.some((s) => s.id === c.id))]);
      setCount({ total: r.total, isCapped: r.isTotalCapped === true });
    });

  const add = async () => {
    if (!variant || customerId === 0) return;
    try {
      const entry = await api.call('waitlist.add', { variantId: variant.variantId, customerId });
      setMessage(t('waitlist.added', { name: entry.customerName, product: entry.productName }));
      load();
    } catch (error) {
      setMessage(toFormError(error, t).message);
    }
  };

  return (
    <section className="card wide" aria-labelledby="waitlist-title" style={{ marginTop: '1.5rem' }}>
      <h2 id="waitlist-title">{t('waitlist.title')}</h2>
      <p className="muted small">{t('waitlist.intro')}</p>
      {entries.length === 0 ? <p className="muted">{t('waitlist.empty')}</p> : (
        <ul className="waitlist" aria-label={t('waitlist.title')}>
          {entries.map((e) => (
            <li key={e.id}>
              <strong><bdi>{e.productName}</bdi></strong>
              <span>· <bdi>{e.customerName}</bdi></span>
              <span className={e.stock > 0 ? 'badge badge-ok' : 'badge'}>{t('waitlist.stock', { count: e.stock })}</span>
              <span className="muted small">{dateTime(e.createdAt)}</span>
              {e.hasOwnChat ? null : <span className="muted small" title={t('waitlist.noOwnChat')}>⚠ {t('waitlist.noOwnChat')}</span>}
              <button type="button" className="button button-quiet" onClick={() => void api.call('waitlist.remove', { id: e.id }).then(load)}>{t('waitlist.remove')}</button>
            </li>
          ))}
        </ul>
      )}
      <div className="waitlist-form" style={{ marginTop: '1rem' }}>
        <div>
          <VariantPicker label={t('waitlist.product')} onPick={setVariant} />
          {variant ? <p className="small"><bdi>{variant.name}</bdi> · {t('waitlist.stock', { count: variant.stock })}</p> : null}
        </div>
        <label className="field">
          <span>{t('waitlist.customer')}</span>
          <input type="search" value={query} placeholder={t('waitlist.customerSearch')} onChange={(e) => setQuery(e.target.value)} />
          <select aria-label={t('waitlist.customer')} value={customerId} onChange={(e) => setCustomerId(Number(e.target.value))}>
            {customers.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
          {count.total > 0 ? (
            <small className="muted picker-count">
              {t(count.isCapped ? 'speedRest.customersShownCapped' : 'speedRest.customersShown', { shown: customers.length, count: count.total })}
              {count.isCapped || customers.length < count.total ? (
                <button type="button" className="link-button" onClick={loadMore}> {t('speedRest.customersMore')}</button>
              ) : null}
            </small>
          ) : null}
        </label>
        <button type="button" className="button button-primary" disabled={!variant || customerId === 0} onClick={() => void add()}>{t('waitlist.addButton')}</button>
      </div>
      <p role="status" className="notice">{message}</p>
    </section>
  );
};
