import { useEffect, useState } from 'react';
import type { Product } from '../../../shared/domain/catalog';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useMoney } from '../../format';
import { useT } from '../../i18n';
import '../quick/quick.css';

/** Cards the picker shows: the best matches, asked for alone rather than a page cut down here. */
const SHOWN = 8;

/** "Producto" in the reply box: search the catalog, one click sends the card (photo, name, price, promotion price). */
export const ProductCardPicker = ({ conversationId, isDisabled, onSent }: { conversationId: number; isDisabled: boolean; onSent: () => void }) => {
  const t = useT();
  const money = useMoney();
  const [isOpen, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<Product[]>([]);
  const [error, setError] = useState('');
  const [sendingId, setSendingId] = useState<number | null>(null);
  useEffect(() => {
    if (!isOpen) return;
    void api.call('catalog.listProducts', query.trim() ? { query: query.trim(), limit: SHOWN } : { limit: SHOWN }).then((r) => setItems(r.items));
  }, [isOpen, query]);
  const send = async (productId: number) => {
    setSendingId(productId);
    setError('');
    try {
      await api.call('quickReplies.sendProduct', { productId, conversationId });
      setOpen(false);
      setQuery('');
      onSent();
    } catch (caught) {
      setError(toFormError(caught, t).message);
    } finally {
      setSendingId(null);
    }
  };
  return (
    <div className="product-card-picker">
      <button type="button" className="button" aria-expanded={isOpen} disabled={isDisabled} onClick={() => setOpen(!isOpen)}>
        🛍 {t('quick.productCard')}
      </button>
      {isOpen ? (
        <div className="quick-list" role="dialog" aria-label={t('quick.productCard')} onKeyDown={(e) => (e.key === 'Escape' ? setOpen(false) : undefined)}>
          <input type="search" autoFocus value={query} placeholder={t('quick.searchProduct')} aria-label={t('quick.searchProduct')} onChange={(e) => setQuery(e.target.value)} />
          <ul>
            {items.map((p) => (
              <li key={p.id}>
                <button type="button" className="product-card-option" disabled={sendingId !== null} onClick={() => void send(p.id)} aria-label={t('quick.sendProduct', { name: p.name })}>
                  {p.photos[0] ? <img src={p.photos[0].thumbUrl} alt="" /> : <span className="product-card-nophoto" aria-hidden="true">🛍</span>}
                  <bdi>{p.name}</bdi>
                  <span className="muted">{p.variants[0] ? money(p.variants[0].price) : ''}</span>
                </button>
              </li>
            ))}
          </ul>
          {error ? <p className="form-error" role="alert">{error}</p> : null}
        </div>
      ) : null}
    </div>
  );
};
