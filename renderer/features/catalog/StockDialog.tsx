import { useEffect, useState, type FormEvent } from 'react';
import { manualStockReasons, type Product, type StockMovement } from '../../../shared/domain/catalog';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { toFormError } from '../../components/errors';
import { useDateTime } from '../../format';
import { useT } from '../../i18n';
import { WaitingPanel } from '../board/WaitingPanel';

type ManualReason = (typeof manualStockReasons)[number];
const outgoing: ReadonlySet<ManualReason> = new Set(['sale', 'stall_sale']);

interface StockDialogProps {
  product: Product;
  onClose(): void;
}

export const StockDialog = ({ product, onClose }: StockDialogProps) => {
  const t = useT();
  const dateTime = useDateTime();
  const variants = product.variants.filter((v) => !v.isArchived);
  const [variantId, setVariantId] = useState(variants[0]?.id ?? 0);
  const [stock, setStock] = useState<number | null>(null);
  const [reason, setReason] = useState<ManualReason>('receive');
  const [direction, setDirection] = useState<'in' | 'out'>('in');
  const [quantity, setQuantity] = useState('1');
  const [note, setNote] = useState('');
  const [history, setHistory] = useState<StockMovement[]>([]);
  const [error, setError] = useState('');

  useEffect(() => {
    // The list may be a moment behind (an order just took stock), so read the variant fresh.
    void api.call('catalog.getProduct', { id: product.id }).then((fresh) => setStock(fresh.variants.find((v) => v.id === variantId)?.stock ?? 0));
    void api.call('stock.history', { variantId }).then((r) => setHistory(r.items));
  }, [product.id, variantId]);

  const pickReason = (value: ManualReason) => {
    setReason(value);
    if (outgoing.has(value)) setDirection('out');
    else if (value !== 'adjustment') setDirection('in');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const amount = Number.parseInt(quantity, 10);
    if (!Number.isInteger(amount) || amount <= 0) {
      setError(t('stock.quantity'));
      return;
    }
    setError('');
    try {
      const result = await api.call('stock.adjust', { variantId, delta: direction === 'in' ? amount : -amount, reason, note });
      setStock(result.variant.stock);
      setHistory((h) => [result.movement, ...h]);
      setQuantity('1');
      setNote('');
    } catch (e) {
      setError(toFormError(e, t).message);
    }
  };

  return (
    <Dialog title={t('stock.title', { name: product.name })} onClose={onClose}>
      {variants.length > 1 ? (
        <div className="segmented" role="radiogroup" aria-label={t('editor.variantName')}>
          {variants.map((v) => (
            <label key={v.id} className={v.id === variantId ? 'is-active' : ''}>
              <input type="radio" name="variant" className="visually-hidden" checked={v.id === variantId} onChange={() => setVariantId(v.id)} />
              {v.name || v.sku}
            </label>
          ))}
        </div>
      ) : null}
      <p className="stock-now">
        {t('stock.current')}: <strong data-testid="current-stock">{stock ?? '…'}</strong>
      </p>
      <WaitingPanel variantId={variantId} stock={stock} />
      <form className="form stock-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('stock.reason')}</span>
          <select value={reason} onChange={(e) => pickReason(manualStockReasons.find((r) => r === e.target.value) ?? 'adjustment')}>
            {manualStockReasons.map((r) => <option key={r} value={r}>{t(`reason.${r}`)}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('stock.direction')}</span>
          <select value={direction} onChange={(e) => setDirection(e.target.value === 'out' ? 'out' : 'in')} disabled={reason !== 'adjustment'}>
            <option value="in">{t('stock.in')}</option>
            <option value="out">{t('stock.out')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('stock.quantity')}</span>
          <input type="number" min={1} value={quantity} onChange={(e) => setQuantity(e.target.value)} />
        </label>
        <label className="field field-wide">
          <span>{t('stock.note')}</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={300} />
        </label>
        <button type="submit" className="button button-primary">{t('stock.adjust')}</button>
      </form>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <h3>{t('stock.history')}</h3>
      {history.length === 0 ? (
        <p className="muted">{t('stock.noHistory')}</p>
      ) : (
        <ol className="history">
          {history.map((m) => (
            <li key={m.id}>
              <span className={m.delta > 0 ? 'delta-in' : 'delta-out'}>{m.delta > 0 ? `+${m.delta}` : m.delta}</span>
              <span>
                {t(`reason.${m.reason}`)}{m.note ? ` · ${m.note}` : ''}
                {/* The stall's units are a ledger of their own: its balance is what is at the stall. */}
                {m.location === 'stall' ? <> <span className="badge">{t('stock.atStall')}</span></> : null}
              </span>
              <span className="muted">{dateTime(m.createdAt)}</span>
              <span className="muted">= {m.balanceAfter}</span>
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  );
};
