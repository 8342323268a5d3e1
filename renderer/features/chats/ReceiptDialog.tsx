import { useEffect, useState, type FormEvent } from 'react';
import type { OrderSummary } from '../../../shared/api/methods/orders';
import type { PaymentWarning, ReceiptCheck } from '../../../shared/domain/payments';
import type { Photo } from '../../../shared/domain/catalog';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { toFormError } from '../../components/errors';
import { useMoney } from '../../format';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';

const toMinor = (text: string): number => Math.round(Number(text.replace(',', '.')) * 100);

/**
 * "Es un pago": Chasqui reads the photo on this computer (OCR in a worker thread, progress shown),
 * pre-fills the payment and lists what looks wrong; she confirms, nothing is saved before.
 */
export const ReceiptDialog = ({ photo, customerId, onClose, onRecorded }: { photo: Photo; customerId: number; onClose(): void; onRecorded(): void }) => {
  const t = useT();
  const money = useMoney();
  const methods = useSettings((s) => s.settings.paymentMethods);
  const [percent, setPercent] = useState(0);
  const [check, setCheck] = useState<ReceiptCheck | null>(null);
  const [orders, setOrders] = useState<OrderSummary[]>([]);
  const [orderId, setOrderId] = useState<number | null>(null);
  const [form, setForm] = useState({ amount: '', method: methods[0] ?? '', operationNumber: '', payerName: '', date: '', time: '' });
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [isSaving, setSaving] = useState(false);

  useEffect(() => {
    const stop = api.onEvent((event) => {
      if (event.type === 'payments.ocrProgress' && event.payload.mediaId === photo.id) setPercent(Math.round(event.payload.progress * 100));
    });
    // Her orders with something left to pay, however many paid ones she has after them.
    void Promise.all((['unpaid', 'partial'] as const).map((paymentState) => api.call('orders.list', { customerId, paymentState, limit: 50 }))).then((pages) =>
      setOrders(pages.flatMap((page) => page.items).filter((o) => o.balanceDue > 0).sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)),
    );
    api.call('payments.readReceipt', { mediaId: photo.id, customerId }).then(
      (result) => {
        setCheck(result);
        setOrderId(result.orderId);
        const r = result.reading;
        setForm({
          amount: r.amount === null ? '' : (r.amount / 100).toFixed(2),
          method: result.method || (methods[0] ?? ''),
          operationNumber: r.operationNumber,
          payerName: r.payerName,
          date: r.date ?? '',
          time: r.time ?? '',
        });
      },
      (e: unknown) => setError(t('payments.readFailed', { message: toFormError(e, t).message })),
    );
    return stop;
  }, [photo.id, customerId]);

  const warningText = (w: PaymentWarning): string => {
    switch (w.code) {
      case 'amount_mismatch':
        return t('payments.warning.amount_mismatch', { amount: money(w.amount), balanceDue: money(w.balanceDue) });
      case 'date_too_old':
        return t('payments.warning.date_too_old', { days: String(w.days), date: w.date });
      case 'date_before_order':
        return t('payments.warning.date_before_order', { date: w.date });
      case 'payer_mismatch':
        return t('payments.warning.payer_mismatch', { payerName: w.payerName, customerName: w.customerName });
      default:
        return t(`payments.warning.${w.code}`, { orderNumber: w.orderNumber });
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (orderId === null) return;
    setSaving(true);
    setError('');
    try {
      const order = await api.call('payments.recordReceipt', {
        orderId,
        mediaId: photo.id,
        amount: toMinor(form.amount),
        method: form.method,
        operationNumber: form.operationNumber.trim(),
        payerName: form.payerName.trim(),
        date: form.date || null,
        time: form.time || null,
        app: check?.reading.app ?? 'unknown',
      });
      setDone(t('payments.recorded', { balance: money(order.balanceDue) }));
      onRecorded();
    } catch (e) {
      setError(toFormError(e, t).message);
    } finally {
      setSaving(false);
    }
  };

  const isReading = check === null && !error;
  return (
    <Dialog title={t('payments.receiptTitle')} onClose={onClose} size="large">
      <form className="form receipt-form" onSubmit={(e) => void save(e)}>
        <div className="receipt-layout">
          <img className="receipt-photo" src={photo.url} alt={t('payments.receiptTitle')} />
          <div>
            {isReading ? (
              <div role="status" aria-live="polite">
                <p>{t('payments.reading', { percent: String(percent) })}</p>
                <progress max={100} value={percent} />
              </div>
            ) : null}
            {check ? (
              check.warnings.length > 0 ? (
                <div className="warning-box" role="alert" aria-label={t('payments.checkFirst')}>
                  <strong>{t('payments.checkFirst')}</strong>
                  <ul>{check.warnings.map((w) => <li key={w.code}>{warningText(w)}</li>)}</ul>
                </div>
              ) : <p className="notice" role="status">{t('payments.noWarnings')}</p>
            ) : null}
            <div className="form-grid">
              <label className="field field-wide">
                <span>{t('payments.order')}</span>
                <select value={orderId ?? ''} required onChange={(e) => setOrderId(e.target.value ? Number(e.target.value) : null)}>
                  <option value="">{orders.length ? t('payments.chooseOrder') : t('payments.noOpenOrder')}</option>
                  {orders.map((o) => <option key={o.id} value={o.id}>{o.number} · {t('payments.balance', { amount: money(o.balanceDue) })}</option>)}
                </select>
              </label>
              <label className="field">
                <span>{t('payments.amount')}</span>
                <input value={form.amount} inputMode="decimal" required pattern="[0-9]+([.,][0-9]{1,2})?" onChange={(e) => setForm({ ...form, amount: e.target.value })} />
              </label>
              <label className="field">
                <span>{t('payments.method')}</span>
                <select value={form.method} onChange={(e) => setForm({ ...form, method: e.target.value })}>
                  {methods.map((m) => <option key={m} value={m}>{m}</option>)}
                </select>
              </label>
              <label className="field">
                <span>{t('payments.operation')}</span>
                <input value={form.operationNumber} maxLength={30} onChange={(e) => setForm({ ...form, operationNumber: e.target.value })} />
              </label>
              <label className="field">
                <span>{t('payments.payer')}</span>
                <input value={form.payerName} maxLength={80} onChange={(e) => setForm({ ...form, payerName: e.target.value })} />
              </label>
              <label className="field">
                <span>{t('payments.date')}</span>
                <input type="date" value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />
              </label>
              <label className="field">
                <span>{t('payments.time')}</span>
                <input type="time" value={form.time} onChange={(e) => setForm({ ...form, time: e.target.value })} />
              </label>
            </div>
            {error ? <p className="form-error" role="alert">{error}</p> : null}
            {done ? <p className="notice" role="status">{done}</p> : null}
            <div className="actions">
              <button type="submit" className="button button-primary" disabled={isSaving || orderId === null || done !== ''}>{t('payments.confirm')}</button>
            </div>
          </div>
        </div>
      </form>
    </Dialog>
  );
};
