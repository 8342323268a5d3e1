import { useEffect, useState } from 'react';
import type { CustomerListItem } from '../../../shared/api/methods/customers';
import type { OrderSummary } from '../../../shared/api/methods/orders';
import type { Product } from '../../../shared/domain/catalog';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useMoney } from '../../format';
import { useT } from '../../i18n';
import { usePhone } from '../../phone';
import { useCatalog } from '../../store/catalog';
import { CustomerDialog } from '../customers/CustomerDialog';
import { OrderDialog } from '../orders/OrderDialog';

interface Results {
  products: Product[];
  customers: CustomerListItem[];
  orders: OrderSummary[];
}

/** Ctrl/Cmd+K: one box that finds products, customers and orders, with the same typo-tolerant search. */
export const CommandPalette = ({ onClose }: { onClose(): void }) => {
  const t = useT();
  const phone = usePhone();
  const money = useMoney();
  const setQuery = useCatalog((s) => s.setQuery);
  const [text, setText] = useState('');
  const [results, setResults] = useState<Results | null>(null);
  const [open, setOpen] = useState<{ kind: 'customer' | 'order'; id: number } | null>(null);

  useEffect(() => {
    if (text.trim().length < 2) return setResults(null);
    const timer = setTimeout(() => {
      void Promise.all([
        api.call('catalog.listProducts', { query: text, limit: 6 }),
        api.call('customers.list', { query: text, limit: 5 }),
        api.call('orders.list', { query: text, limit: 5 }),
      ]).then(([products, customers, orders]) => setResults({ products: products.items, customers: customers.items, orders: orders.items }));
    }, 120);
    return () => clearTimeout(timer);
  }, [text]);

  const showProduct = (product: Product) => {
    setQuery(product.name);
    window.location.hash = '#/catalogo';
    onClose();
  };

  if (open?.kind === 'customer') return <CustomerDialog customerId={open.id} onClose={onClose} />;
  if (open?.kind === 'order') return <OrderDialog orderId={open.id} onClose={onClose} />;
  const isEmpty = results && results.products.length + results.customers.length + results.orders.length === 0;
  return (
    <Dialog title={t('palette.title')} onClose={onClose}>
      <input className="search palette-input" type="search" data-autofocus value={text} placeholder={t('palette.placeholder')} aria-label={t('palette.title')} onChange={(e) => setText(e.target.value)} />
      <p className="muted">{t('palette.hint')}</p>
      {isEmpty ? <p className="muted">{t('palette.nothing')}</p> : null}
      {results && results.products.length > 0 ? (
        <section aria-label={t('palette.products')}>
          <h3>{t('palette.products')}</h3>
          <ul className="palette-list">{results.products.map((p) => <li key={p.id}><button type="button" onClick={() => showProduct(p)}>{p.name}</button></li>)}</ul>
        </section>
      ) : null}
      {results && results.customers.length > 0 ? (
        <section aria-label={t('palette.customers')}>
          <h3>{t('palette.customers')}</h3>
          <ul className="palette-list">{results.customers.map((c) => <li key={c.id}><button type="button" onClick={() => setOpen({ kind: 'customer', id: c.id })}><bdi>{c.name}</bdi> <span className="muted">{phone.format(c.phone)}</span></button></li>)}</ul>
        </section>
      ) : null}
      {results && results.orders.length > 0 ? (
        <section aria-label={t('palette.orders')}>
          <h3>{t('palette.orders')}</h3>
          <ul className="palette-list">{results.orders.map((o) => <li key={o.id}><button type="button" onClick={() => setOpen({ kind: 'order', id: o.id })}>{o.number} · {o.customerName || '—'} · {money(o.total)}</button></li>)}</ul>
        </section>
      ) : null}
    </Dialog>
  );
};
