import { useEffect, useState } from 'react';
import type { Claim } from '../../../shared/domain/lives';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useDateTime } from '../../format';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';

/** Reservations waiting for payment: mark paid (it becomes an order) or release them. */
export const Reservations = () => {
  const t = useT();
  const dateTime = useDateTime();
  const methods = useSettings((s) => s.settings.paymentMethods);
  const [items, setItems] = useState<Claim[]>([]);
  const [method, setMethod] = useState(methods[0] ?? 'Efectivo');
  const [message, setMessage] = useState('');
  const load = () => void api.call('live.reservations', {}).then((r) => setItems(r.items));
  useEffect(() => {
    load();
    return api.onEvent((event) => (event.type === 'live.claim' || event.type === 'live.changed' ? load() : undefined));
  }, []);
  const act = (run: () => Promise<unknown>) => void run().then(load, (e: unknown) => setMessage(toFormError(e, t).message));
  return (
    <section className="card wide" aria-labelledby="reservations-title">
      <h2 id="reservations-title">{t('live.reservations')}</h2>
      {items.length === 0 ? <p className="muted">{t('live.noReservations')}</p> : (
        <>
          <label className="field-inline">{t('orders.paymentMethod')}
            <select value={method} onChange={(e) => setMethod(e.target.value)}>{methods.map((m) => <option key={m}>{m}</option>)}</select>
          </label>
          <table className="table">
            <thead><tr><th>{t('broadcast.customer')}</th><th>{t('live.product')}</th><th className="num">{t('live.quantity')}</th><th>{t('live.until')}</th><th /></tr></thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td>{c.customerName}</td>
                  <td>{c.itemName}</td>
                  <td className="num">{c.quantity}</td>
                  <td>{c.expiresAt ? dateTime(c.expiresAt) : '—'}</td>
                  <td className="actions">
                    <button type="button" className="button button-primary" onClick={() => act(() => api.call('live.markPaid', { claimId: c.id, method }))}>{t('live.paid')}</button>
                    <button type="button" className="button button-quiet" onClick={() => act(() => api.call('live.cancelClaim', { claimId: c.id }))}>{t('live.release')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {message ? <p className="form-error" role="alert">{message}</p> : null}
    </section>
  );
};
