import type { StallSnapshot } from '../../../shared/api/methods/stall';
import { useMoney, useTime } from '../../format';
import { useT } from '../../i18n';
import { priceOf, variantName, type CartLine, type StallItem, type StallSale } from './ledger';

export const ProductTile = ({ item, left, inCart, photoUrl, onTap }: { item: StallItem; left: number; inCart: number; photoUrl: string | undefined; onTap(): void }) => {
  const t = useT();
  const money = useMoney();
  const { variant } = item;
  const name = variantName(item.productName, variant.label);
  const leftNow = left - inCart;
  return (
    <li>
      <button type="button" className={`stall-tile${leftNow <= 0 && variant.stallUnits > 0 ? ' is-out' : ''}`} onClick={onTap} aria-label={name} data-testid="stall-tile">
        {photoUrl ? <img src={photoUrl} alt="" /> : <span className="stall-tile-photo" aria-hidden="true">{item.productName.slice(0, 1).toUpperCase()}</span>}
        {inCart > 0 ? <span className="stall-tile-count" aria-label={t('stall.inCart', { count: inCart })}>{inCart}</span> : null}
        <span className="stall-tile-name">
          <bdi>{item.productName}</bdi>
          {variant.label ? <small><bdi>{variant.label}</bdi></small> : null}
        </span>
        <span className="stall-tile-price">
          {variant.promoPrice !== null ? <s>{money(variant.price)}</s> : null}
          <strong>{money(priceOf(variant))}</strong>
        </span>
        <span className={`stall-tile-left${variant.stallUnits === 0 ? ' is-home' : leftNow <= 0 ? ' is-out' : ''}`} data-testid="stall-left">
          {variant.stallUnits === 0 ? t('stall.atHome', { count: Math.max(0, variant.shopUnits - inCart) }) : leftNow > 0 ? t('stall.left', { count: leftNow }) : t('stall.noneLeft')}
        </span>
      </button>
    </li>
  );
};

interface CartProps {
  snapshot: StallSnapshot;
  cart: readonly CartLine[];
  items: ReadonlyMap<number, StallItem>;
  left: ReadonlyMap<number, number>;
  payment: string;
  phone: string;
  isSaving: boolean;
  onChange(variantId: number, delta: number): void;
  onPayment(method: string): void;
  onPhone(phone: string): void;
  onCharge(): void;
  onClear(): void;
}

/** The sale being made: quantities, how she is paid, the customer's phone if she wants it, and Cobrar. */
export const CartPanel = ({ snapshot, cart, items, left, payment, phone, isSaving, onChange, onPayment, onPhone, onCharge, onClear }: CartProps) => {
  const t = useT();
  const money = useMoney();
  const total = cart.reduce((sum, line) => sum + line.quantity * priceOf(items.get(line.variantId)?.variant ?? { price: 0, promoPrice: null }), 0);
  return (
    <section className="stall-cart" aria-label={t('stall.cart')}>
      <ul className="stall-cart-lines">
        {cart.map((line) => {
          const item = items.get(line.variantId);
          if (!item) return null;
          const isOver = line.quantity > (left.get(line.variantId) ?? 0);
          return (
            <li key={line.variantId}>
              <span className="stall-cart-name">
                <bdi>{variantName(item.productName, item.variant.label)}</bdi>
                <small className={isOver ? 'stall-over' : 'muted'}>
                  {isOver ? t('stall.overStall') : money(priceOf(item.variant) * line.quantity)}
                </small>
              </span>
              <button type="button" className="stall-step" aria-label={t('stall.less', { name: item.productName })} onClick={() => onChange(line.variantId, -1)}>−</button>
              <output className="stall-qty" aria-label={t('stall.quantity')}>{line.quantity}</output>
              <button type="button" className="stall-step" aria-label={t('stall.more', { name: item.productName })} onClick={() => onChange(line.variantId, 1)}>+</button>
            </li>
          );
        })}
      </ul>
      <fieldset className="stall-pay">
        <legend>{t('stall.payment')}</legend>
        {snapshot.paymentMethods.map((method) => (
          <label key={method} className={method === payment ? 'is-active' : ''}>
            <input type="radio" name="stall-payment" value={method} checked={method === payment} onChange={() => onPayment(method)} />
            <bdi>{method}</bdi>
          </label>
        ))}
      </fieldset>
      <label className="stall-phone">
        <span>{t('stall.customerPhone')}</span>
        <input type="tel" inputMode="tel" autoComplete="off" maxLength={30} value={phone} onChange={(e) => onPhone(e.target.value)} placeholder={t('stall.optional')} />
      </label>
      <div className="stall-cart-actions">
        <button type="button" className="button stall-clear" onClick={onClear}>{t('stall.clear')}</button>
        <button type="button" className="button button-primary stall-charge" disabled={isSaving || cart.length === 0 || !payment} onClick={onCharge}>
          {t('stall.charge', { total: money(total) })}
        </button>
      </div>
    </section>
  );
};

const stateLabel = { pending: 'stall.state.pending', synced: 'stall.state.synced', conflict: 'stall.state.conflict' } as const;

export const SalesList = ({ sales }: { sales: readonly StallSale[] }) => {
  const t = useT();
  const money = useMoney();
  const time = useTime();
  if (sales.length === 0) return <p className="muted">{t('stall.noSales')}</p>;
  return (
    <ul className="stall-sales" aria-label={t('stall.salesToday')}>
      {sales.map((sale) => (
        <li key={sale.id} className={`stall-sale is-${sale.state}`} data-testid="stall-sale" data-state={sale.state}>
          <span className="stall-sale-head">
            <span>{time(sale.soldAt)}</span>
            <strong>{money(sale.total)}</strong>
            <span className={`stall-state is-${sale.state}`}>{t(stateLabel[sale.state])}</span>
          </span>
          <span className="stall-sale-lines">
            {sale.lines.map((line) => `${line.quantity}× ${line.name}`).join(', ')} · <bdi>{sale.paymentMethod}</bdi>
          </span>
          {sale.state === 'conflict' ? <span className="stall-sale-conflict" role="note">{t('stall.conflictNote')}</span> : null}
        </li>
      ))}
    </ul>
  );
};
