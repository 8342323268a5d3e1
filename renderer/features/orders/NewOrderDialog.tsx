import { useEffect, useState, type FormEvent } from 'react';
import type { OrderQuote } from '../../../shared/api/methods/orders';
import { minorToDecimal, parseMoney } from '../../../shared/domain/money';
import { isDeliveryDay, isoWeekday, orderChannels, type OrderChannel } from '../../../shared/domain/orders';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { toFormError } from '../../components/errors';
import { VariantPicker, type PickedVariant } from '../../components/VariantPicker';
import { useMoney } from '../../format';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';
import { DraftLines, draftOriginOf, lineOfDraft, type Line, type PendingWords } from './DraftLines';

export interface OrderSeed {
  text: string;
  channel: OrderChannel;
  customerId: number | null;
  customerName: string;
  /** Started from several chat messages: the core reads them as one order, with context across them. */
  messages?: { conversationId: number; messageIds: number[] };
}

/** Weekday names in the UI language; 2024-01-01 was a Monday, so ISO day d is January d. */
const weekdayName = (language: string, isoDay: number): string =>
  new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, isoDay, 12)));

/** "Pide 3, quedan 1" under a line, with the same product's variants that have stock one click away. */
const StockNote = ({ line, quoted, onSwitch }: { line: Line; quoted: OrderQuote['items'][number] | undefined; onSwitch(to: Line): void }) => {
  const t = useT();
  if (!quoted || line.quantity <= quoted.stock) return null;
  return (
    <span className="stock-note" role="status">
      {t('ordersTrust.stockShort', { quantity: line.quantity, count: quoted.stock })}
      {quoted.alternatives.map((a) => (
        <span key={a.variantId}>
          {' · '}
          <button type="button" className="link-button" onClick={() => onSwitch({ variantId: a.variantId, name: a.name, quantity: line.quantity, unitPrice: a.unitPrice })}>
            {t('ordersTrust.useVariant', { name: a.name, count: a.stock })}
          </button>
        </span>
      ))}
    </span>
  );
};

/** "Crear pedido": paste the customer's message (or start from a chat), check the draft Chasqui reads from it, save. */
export const NewOrderDialog = ({ onClose, onCreated, seed }: { onClose(): void; onCreated(orderId: number): void; seed?: OrderSeed }) => {
  const t = useT();
  const money = useMoney();
  const { currency, deliveryZones, deliveryDays, language } = useSettings((s) => s.settings);
  const [text, setText] = useState(seed?.text ?? '');
  const [lines, setLines] = useState<Line[]>([]);
  const [pending, setPending] = useState<PendingWords[]>([]);
  const [hasRead, setRead] = useState(false);
  const [channel, setChannel] = useState<OrderChannel>(seed?.channel ?? 'whatsapp');
  const [customerName, setCustomerName] = useState(seed?.customerName ?? '');
  const [customerPhone, setCustomerPhone] = useState('');
  const [deliveryDate, setDeliveryDate] = useState('');
  const [deliveryFee, setDeliveryFee] = useState('');
  const [address, setAddress] = useState('');
  const [zone, setZone] = useState('');
  const [detectedZone, setDetectedZone] = useState<{ name: string; fee: number } | null>(null);
  const [quoted, setQuoted] = useState<{ key: string; quote: OrderQuote } | null>(null);
  const [error, setError] = useState('');

  /** A zone she picks (or the message names) brings its fee; she can still change the fee by hand. */
  const chooseZone = (name: string) => {
    setZone(name);
    const known = deliveryZones.find((z) => z.name === name);
    if (known) setDeliveryFee(minorToDecimal(known.fee, currency));
  };

  const read = async (message = text, fromChat?: OrderSeed['messages']) => {
    const draft = fromChat ? await api.call('orders.draftFromMessages', fromChat) : await api.call('orders.draftFromText', { text: message });
    setLines(draft.items.map(lineOfDraft));
    setPending(draft.unknown);
    if (draft.deliveryDate) setDeliveryDate(draft.deliveryDate);
    setDetectedZone(draft.zone);
    if (draft.zone && zone === '') chooseZone(draft.zone.name);
    setRead(true);
  };

  // Started from a chat message: read it straight away.
  useEffect(() => {
    if (seed?.text) void read(seed.text, seed.messages);
    // Runs once for the message the dialog was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The picker knows the regular price; the quote gives today's (a promotion's) price, as a draft has.
  const priceOf = async (listed: PickedVariant) => {
    const quoted = await api.call('orders.quote', { items: [{ variantId: listed.variantId, quantity: 1 }] }).catch(() => null);
    return quoted?.items[0]?.unitPrice ?? listed.price;
  };
  const addVariant = async (listed: PickedVariant) => {
    const picked = { ...listed, price: await priceOf(listed) };
    setLines((current) =>
      current.some((l) => l.variantId === picked.variantId)
        ? current.map((l) => (l.variantId === picked.variantId ? { ...l, quantity: l.quantity + 1 } : l))
        : [...current, { variantId: picked.variantId, name: picked.name, quantity: 1, unitPrice: picked.price }],
    );
  };

  const fee = parseMoney(deliveryFee || '0', currency) ?? 0;
  // Prices, promotions and stock as the core will apply them, before anything is saved.
  const quoteKey = JSON.stringify([lines.map((l) => [l.variantId, l.quantity, l.unitPrice]), fee]);
  useEffect(() => {
    if (lines.length === 0) return setQuoted(null);
    let isCurrent = true;
    const timer = setTimeout(() => {
      void api
        .call('orders.quote', { items: lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, unitPrice: l.unitPrice })), deliveryFee: fee })
        .then((next) => (isCurrent ? setQuoted({ key: quoteKey, quote: next }) : undefined), () => undefined);
    }, 150);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
    // quoteKey holds every input of the quote.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [quoteKey]);
  // A quote of lines she has since changed is not shown, so no total or stock note is ever stale.
  const quote = quoted?.key === quoteKey ? quoted.quote : null;

  const switchLine = (from: number, to: Line) =>
    setLines((current) => (current.some((l) => l.variantId === to.variantId) ? current.filter((l) => l.variantId !== from) : current).map((l) => (l.variantId === from ? to : l)));

  const isOffDay = deliveryDate !== '' && /^\d{4}-\d{2}-\d{2}$/.test(deliveryDate) && !isDeliveryDay(deliveryDate, deliveryDays);

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
        items: lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, unitPrice: l.unitPrice, ...draftOriginOf(l) })),
        deliveryDate: deliveryDate || null,
        deliveryFee: fee,
        ...(address.trim() || zone.trim() ? { delivery: { address: address.trim(), zone: zone.trim() } } : {}),
        sourceText: text,
      });
      onCreated(order.id);
    } catch (e) {
      setError(toFormError(e, t).message);
    }
  };

  const subtotal = lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
  const quotedItem = (variantId: number) => quote?.items.find((i) => i.variantId === variantId);
  return (
    <Dialog
      title={t('orders.new')}
      onClose={onClose}
      size="large"
      footer={
        <>
          <span className="order-totals" data-testid="draft-totals">
            {t('orders.subtotal')}: {money(quote?.subtotal ?? subtotal)}
            {quote && quote.promoDiscount > 0 ? ` · ${t('ordersTrust.promoDiscount')}: −${money(quote.promoDiscount)}` : ''}
            {fee > 0 ? ` · ${t('orders.deliveryFee')}: ${money(fee)}` : ''}
            {' · '}
            <strong>{t('orders.total')}: {money(quote?.total ?? subtotal + fee)}</strong>
          </span>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" form="order-form" className="button button-primary" disabled={lines.length === 0}>{t('orders.save')}</button>
        </>
      }
    >
      <form id="order-form" className="form order-form" onSubmit={(e) => void save(e)}>
        <label className="field">
          <span>{t('orders.fromText')}</span>
          <textarea value={text} rows={3} onChange={(e) => setText(e.target.value)} placeholder="hola! me separas 2 labiales rojo pasión para el sábado xfa 💄" />
          <small className="muted">{t('orders.fromTextHelp')}</small>
        </label>
        <div className="actions">
          <button type="button" className="button" disabled={text.trim() === ''} onClick={() => void read()}>{t('orders.read')}</button>
        </div>
        {hasRead && lines.length === 0 && pending.length === 0 ? <p className="muted" role="status">{t('orders.noItems')}</p> : null}
        <DraftLines
          lines={lines}
          pending={pending}
          onLines={setLines}
          onPending={setPending}
          priceOf={priceOf}
          note={(line) => <StockNote line={line} quoted={quotedItem(line.variantId)} onSwitch={(to) => switchLine(line.variantId, to)} />}
        />
        <VariantPicker label={t('orders.addProduct')} onPick={(picked) => void addVariant(picked)} />
        <div className="form-grid">
          <label className="field">
            <span>{t('orders.channel')}</span>
            <select value={channel} onChange={(e) => setChannel(orderChannels.find((c) => c === e.target.value) ?? 'other')}>
              {orderChannels.map((c) => <option key={c} value={c}>{t(`channel.${c}`)}</option>)}
            </select>
          </label>
          <label className="field">
            <span>{t('orders.deliveryDate')}</span>
            <input type="date" value={deliveryDate} aria-describedby={isOffDay ? 'off-day' : undefined} onChange={(e) => setDeliveryDate(e.target.value)} />
            {isOffDay ? (
              <small id="off-day" className="form-error" role="status">
                {t('ordersTrust.notDeliveryDay', {
                  day: weekdayName(language, isoWeekday(deliveryDate)),
                  days: deliveryDays.map((d) => weekdayName(language, d)).join(', ') || t('ordersTrust.noDeliveryDays'),
                })}
              </small>
            ) : null}
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
          <label className="field field-wide">
            <span>{t('stop.address')}</span>
            <input value={address} maxLength={300} onChange={(e) => setAddress(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('stop.zone')}</span>
            <input value={zone} maxLength={60} list="new-order-zones" onChange={(e) => chooseZone(e.target.value)} />
            <datalist id="new-order-zones">{deliveryZones.map((z) => <option key={z.name} value={z.name}>{money(z.fee)}</option>)}</datalist>
            {detectedZone ? <small className="muted">{t('ordersTrust.zoneDetected', { zone: detectedZone.name, fee: money(detectedZone.fee) })}</small> : null}
          </label>
        </div>
        {error ? <p className="form-error" role="alert">{error}</p> : null}
      </form>
    </Dialog>
  );
};
