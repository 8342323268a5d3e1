import { useEffect, useState, type FormEvent } from 'react';
import { parseMoney } from '../../../shared/domain/money';
import { orderChannels, type OrderChannel } from '../../../shared/domain/orders';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { toFormError } from '../../components/errors';
import { VariantPicker, type PickedVariant } from '../../components/VariantPicker';
import { useMoney } from '../../format';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';

interface Line {
  variantId: number;
  name: string;
  quantity: number;
  unitPrice: number;
}

export interface OrderSeed {
  text: string;
  channel: OrderChannel;
  customerId: number | null;
  customerName: string;
}

/** "Crear pedido": paste the customer's message (or start from a chat), check the draft Chasqui reads from it, save. */
export const NewOrderDialog = ({ onClose, onCreated, seed }: { onClose(): void; onCreated(orderId: number): void; seed?: OrderSeed }) => {
  const t = useT();
  const money = useMoney();
  const currency = useSettings((s) => s.settings.currency);
  const [text, setText] = useState(seed?.text ?? '');
  const [lines, setLines] = useState<Line[]>([]);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [hasRead, setRead] = useState(false);
  const [channel, setChannel] = useState<OrderChannel>(seed?.channel ?? 'whatsapp');
  const [customerName, setCustomerName] = useState(seed?.customerName ?? '');
  const [customerPhone, setCustomerPhone] = useState('');
  const [deliveryDate, setDeliveryDate] = useState('');
  const [deliveryFee, setDeliveryFee] = useState('');
  const [error, setError] = useState('');

  const read = async (message = text) => {
    const draft = await api.call('orders.draftFromText', { text: message });
    setLines(draft.items.map((i) => ({ variantId: i.variantId, name: i.name, quantity: i.quantity, unitPrice: i.unitPrice })));
    setUnmatched(draft.unmatched);
    if (draft.deliveryDate) setDeliveryDate(draft.deliveryDate);
    setRead(true);
  };

  // Started from a chat message: read it straight away.
  useEffect(() => {
    if (seed?.text) void read(seed.text);
    // Runs once for the message the dialog was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const addVariant = (picked: PickedVariant) =>
    setLines((current) =>
      current.some((l) => l.variantId === picked.variantId)
        ? current.map((l) => (l.variantId === picked.variantId ? { ...l, quantity: l.quantity + 1 } : l))
        : [...current, { variantId: picked.variantId, name: picked.name, quantity: 1, unitPrice: picked.price }],
    );

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const order = await api.call('orders.create', {
        channel,
        ...(seed?.customerId && customerName === seed.customerName
          ? { customer: { id: seed.customerId } }
          : customerName.trim()
            ? { customer: { name: customerName.trim(), phone: customerPhone } }
            : {}),
        items: lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, unitPrice: l.unitPrice })),
        deliveryDate: deliveryDate || null,
        deliveryFee: parseMoney(deliveryFee || '0', currency) ?? 0,
        sourceText: text,
      });
      onCreated(order.id);
    } catch (e) {
      setError(toFormError(e, t).message);
    }
  };

  const subtotal = lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
  return (
    <Dialog
      title={t('orders.new')}
      onClose={onClose}
      size="large"
      footer={
        <>
          <strong>{t('orders.subtotal')}: {money(subtotal)}</strong>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" form="order-form" className="button button-primary" disabled={lines.length === 0}>{t('orders.save')}</button>
        </>
      }
    >
      <form id="order-form" className="form" onSubmit={(e) => void save(e)}>
        <label className="field">
          <span>{t('orders.fromText')}</span>
          <textarea value={text} rows={3} onChange={(e) => setText(e.target.value)} placeholder="hola! me separas 2 labiales rojo pasión para el sábado xfa 💄" />
          <small className="muted">{t('orders.fromTextHelp')}</small>
        </label>
        <div className="actions">
          <button type="button" className="button" disabled={text.trim() === ''} onClick={() => void read()}>{t('orders.read')}</button>
        </div>
        {hasRead && lines.length === 0 ? <p className="muted" role="status">{t('orders.noItems')}</p> : null}
        {unmatched.length > 0 ? <p className="form-error" role="status">{t('orders.unmatched', { items: unmatched.join(', ') })}</p> : null}
        {lines.length > 0 ? (
          <table className="table">
            <thead><tr><th scope="col">{t('orders.items')}</th><th scope="col">{t('orders.quantity')}</th><th scope="col" className="num">{t('orders.unitPrice')}</th><th scope="col"><span className="visually-hidden">{t('orders.remove')}</span></th></tr></thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.variantId}>
                  <td>{line.name}</td>
                  <td>
                    <input type="number" min={1} value={line.quantity} aria-label={`${t('orders.quantity')}: ${line.name}`}
                      onChange={(e) => setLines(lines.map((l) => (l.variantId === line.variantId ? { ...l, quantity: Math.max(1, Number.parseInt(e.target.value, 10) || 1) } : l)))} />
                  </td>
                  <td className="num">{money(line.unitPrice)}</td>
                  <td><button type="button" className="icon-button" aria-label={`${t('orders.remove')}: ${line.name}`} onClick={() => setLines(lines.filter((l) => l.variantId !== line.variantId))}>×</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <VariantPicker label={t('orders.addProduct')} onPick={addVariant} />
        <div className="form-grid">
          <label className="field">
            <span>{t('orders.channel')}</span>
            <select value={channel} onChange={(e) => setChannel(orderChannels.find((c) => c === e.target.value) ?? 'other')}>
              {orderChannels.map((c) => <option key={c} value={c}>{t(`channel.${c}`)}</option>)}
            </select>
          </label>
          <label className="field">
            <span>{t('orders.deliveryDate')}</span>
            <input type="date" value={deliveryDate} onChange={(e) => setDeliveryDate(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('orders.customerName')}</span>
            <input value={customerName} onChange={(e) => setCustomerName(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('orders.customerPhone')}</span>
            <input value={customerPhone} inputMode="tel" onChange={(e) => setCustomerPhone(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('orders.deliveryFee')} ({currency})</span>
            <input value={deliveryFee} inputMode="decimal" placeholder="0.00" onChange={(e) => setDeliveryFee(e.target.value)} />
          </label>
        </div>
        {error ? <p className="form-error" role="alert">{error}</p> : null}
      </form>
    </Dialog>
  );
};
