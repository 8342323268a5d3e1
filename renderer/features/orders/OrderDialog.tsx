import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ReceiptsPanel } from './ReceiptsPanel';
import { SalesNoteButtons } from './SalesNoteButtons';
import { parseMoney } from '../../../shared/domain/money';
import { canMoveTo, isEditable, operationNumberMaxLength, operationNumberPattern, type Order, type OrderEvent, type OrderStatus } from '../../../shared/domain/orders';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { toFormError } from '../../components/errors';
import { useDate, useDateTime, useMoney } from '../../format';
import { useT } from '../../i18n';
import { usePhone } from '../../phone';
import { useSettings } from '../../store/settings';
import { CustomerDialog } from '../customers/CustomerDialog';
import { CancelOrderDialog } from './CancelOrderDialog';
import { ConfirmationMessage } from './ConfirmationMessage';
import { StopEditor, type StopEditorHandle } from './StopEditor';
import { ItemsEditor } from './ItemsEditor';
import { OrderLabels } from '../quick/OrderLabels';

const forward = ['confirmed', 'prepared', 'on_the_way', 'delivered'] as const satisfies readonly OrderStatus[];

export const OrderDialog = ({ orderId, onClose }: { orderId: number; onClose(): void }) => {
  const t = useT();
  const money = useMoney();
  const date = useDate();
  const dateTime = useDateTime();
  const phone = usePhone();
  const { currency, paymentMethods } = useSettings((s) => s.settings);
  const [order, setOrder] = useState<Order | null>(null);
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState(paymentMethods[0] ?? '');
  const [error, setError] = useState('');
  const [customerId, setCustomerId] = useState<number | null>(null);
  const [isEditing, setEditing] = useState(false);
  const [operation, setOperation] = useState('');
  const [isCancelling, setCancelling] = useState(false);
  const stopEditor = useRef<StopEditorHandle>(null);
  // Only the newest answer lands, so a reload started by the delivery's autosave never undoes a later action.
  const latest = useRef(0);
  const show = (seq: number, next: Order) => (seq === latest.current ? setOrder(next) : undefined);
  const reload = () => {
    const seq = (latest.current += 1);
    void api.call('orders.get', { id: orderId }).then((next) => show(seq, next));
  };

  useEffect(reload, [orderId]);

  // A new order holds no stock yet: say what is left before she presses Confirmar, not after.
  const [stockLeft, setStockLeft] = useState<Map<number, number>>(new Map());
  const itemsKey = order?.status === 'new' ? JSON.stringify(order.items.map((i) => [i.variantId, i.quantity, i.unitPrice])) : '';
  useEffect(() => {
    if (!order || itemsKey === '') return setStockLeft(new Map());
    let isCurrent = true;
    void api
      .call('orders.quote', { items: order.items.map((i) => ({ variantId: i.variantId, quantity: i.quantity, unitPrice: i.unitPrice })) })
      .then((q) => (isCurrent ? setStockLeft(new Map(q.items.map((i) => [i.variantId, i.stock]))) : undefined), () => undefined);
    return () => {
      isCurrent = false;
    };
    // itemsKey holds what the quote reads from the order.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [itemsKey]);

  /** What was typed in Entrega is saved before anything else happens; nothing runs on top of an unsaved address. */
  const flushStop = async (): Promise<boolean> => (await stopEditor.current?.flush()) ?? true;

  const run = async (action: () => Promise<Order>) => {
    if (!(await flushStop())) return;
    try {
      const seq = (latest.current += 1);
      show(seq, await action());
      setError('');
    } catch (e) {
      setError(toFormError(e, t).message);
    }
  };

  const close = async () => {
    if ((await flushStop()) || window.confirm(t('ordersTrust.discardStop'))) onClose();
  };

  const paymentText = (e: OrderEvent) =>
    [t('orders.payments'), e.payment?.method ?? e.note, e.payment ? money(e.payment.amount) : '', e.payment?.operationNumber ? t('ordersTrust.operationShort', { number: e.payment.operationNumber }) : '']
      .filter(Boolean)
      .join(' · ');

  const pay = (event: FormEvent) => {
    event.preventDefault();
    const minor = parseMoney(amount, currency);
    if (minor === null || minor <= 0 || !order) return setError(t('editor.badPrice'));
    const operationNumber = operation.trim();
    if (operationNumber.length > operationNumberMaxLength || !operationNumberPattern.test(operationNumber)) return setError(t('ordersTrust.badOperation'));
    void run(() => api.call('orders.addPayment', { id: order.id, amount: minor, method, operationNumber })).then(() => {
      setAmount('');
      setOperation('');
    });
  };

  if (!order) return null;
  const next = forward.find((s) => canMoveTo(order.status, s));
  return (
    <Dialog
      title={t('orders.detail', { number: order.number })}
      onClose={() => void close()}
      size="large"
      footer={
        <>
          {canMoveTo(order.status, 'cancelled') ? (
            <button type="button" className="button button-quiet" onClick={() => void flushStop().then(() => setCancelling(true))}>{t('orders.cancel')}</button>
          ) : null}
          <span className="spacer" />
          {next ? (
            <button type="button" className="button button-primary" onClick={() => void run(() => api.call('orders.setStatus', { id: order.id, status: next }))}>
              {t(`orders.next.${next}`)}
            </button>
          ) : null}
        </>
      }
    >
      <p className="order-head">
        <span className={`status status-${order.status}`} data-testid="order-status">{t(`orders.status.${order.status}`)}</span>
        <span className={`channel channel-${order.channel}`}>{t(`channel.${order.channel}`)}</span>
        {order.customer ? <button type="button" className="link-button" onClick={() => setCustomerId(order.customer?.id ?? null)}>{order.customer.name}</button> : null}
        {order.customer?.phone ? <span className="muted">{phone.format(order.customer.phone)}</span> : null}
        {order.deliveryDate ? <span>{t('orders.delivery')}: {date(order.deliveryDate)}</span> : null}
      </p>
      <OrderLabels orderId={order.id} />
      {order.sourceText ? <blockquote className="source">{order.sourceText}</blockquote> : null}
      <ConfirmationMessage order={order} />
      {order.status !== 'cancelled' && order.status !== 'delivered' ? <StopEditor ref={stopEditor} orderId={order.id} onSaved={reload} /> : null}
      {isEditing ? <ItemsEditor order={order} onCancel={() => setEditing(false)} onSaved={(next) => { setOrder(next); setEditing(false); }} /> : null}
      {isEditable(order.status) && !isEditing ? <button type="button" className="button button-quiet" onClick={() => setEditing(true)}>{t('orders.editItems')}</button> : null}
      <div className="table-fit"><table className="table">
        <thead><tr><th scope="col">{t('orders.items')}</th><th scope="col" className="num">{t('orders.quantity')}</th><th scope="col" className="num">{t('orders.unitPrice')}</th><th scope="col" className="num">{t('orders.total')}</th></tr></thead>
        <tbody>
          {order.items.map((i) => (
            <tr key={i.id}><td>{i.name}{(stockLeft.get(i.variantId) ?? Infinity) < i.quantity ? <span className="stock-note" role="status">{t('ordersTrust.stockShort', { quantity: i.quantity, count: stockLeft.get(i.variantId) ?? 0 })}</span> : null}</td><td className="num">{i.quantity}</td><td className="num">{money(i.unitPrice)}</td><td className="num">{money(i.lineTotal)}</td></tr>
          ))}
          {order.deliveryFee > 0 ? <tr><td colSpan={3}>{t('orders.deliveryFee')}</td><td className="num">{money(order.deliveryFee)}</td></tr> : null}
          {order.discount > 0 ? <tr><td colSpan={3}>{t('orders.discount')}</td><td className="num">−{money(order.discount)}</td></tr> : null}
          <tr className="total-row"><td colSpan={3}>{t('orders.total')}</td><td className="num">{money(order.total)}</td></tr>
          <tr><td colSpan={3}>{t('orders.paid')}</td><td className="num">{money(order.paid)}</td></tr>
          <tr className="total-row"><td colSpan={3}>{t('orders.due')}</td><td className="num" data-testid="balance-due">{money(order.balanceDue)}</td></tr>
        </tbody>
      </table></div>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      {order.balanceDue > 0 && order.status !== 'cancelled' ? (
        <form className="form stock-form order-pay" onSubmit={pay}>
          <label className="field">
            <span>{t('orders.amount')} ({currency})</span>
            <input value={amount} inputMode="decimal" placeholder={(order.balanceDue / 100).toFixed(2)} onChange={(e) => setAmount(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('orders.method')}</span>
            <select value={method} onChange={(e) => setMethod(e.target.value)}>
              {paymentMethods.map((m) => <option key={m} value={m}>{m}</option>)}
            </select>
          </label>
          <label className="field">
            <span>{t('ordersTrust.operationNumber')}</span>
            <input value={operation} maxLength={operationNumberMaxLength} autoComplete="off" onChange={(e) => setOperation(e.target.value)} />
          </label>
          <button type="submit" className="button">{t('orders.addPayment')}</button>
        </form>
      ) : null}
      <ReceiptsPanel orderId={order.id} version={order.updatedAt} />
      {order.status !== 'cancelled' ? <SalesNoteButtons orderId={order.id} /> : null}
      <h3>{t('orders.history')}</h3>
      <ol className="history">
        {[...order.events].reverse().map((e) => (
          <li key={e.id}>
            <span />
            <span>{e.type === 'payment' ? paymentText(e) : e.status ? t(`orders.status.${e.status}`) : e.type}{e.note && e.type !== 'payment' ? ` · ${e.note}` : ''}</span>
            <span className="muted">{dateTime(e.createdAt)}</span>
            <span />
          </li>
        ))}
      </ol>
      {isCancelling ? <CancelOrderDialog order={order} onClose={() => setCancelling(false)} onCancelled={(next) => { latest.current += 1; setOrder(next); setCancelling(false); }} /> : null}
      {customerId !== null ? <CustomerDialog customerId={customerId} onClose={() => setCustomerId(null)} /> : null}
    </Dialog>
  );
};
