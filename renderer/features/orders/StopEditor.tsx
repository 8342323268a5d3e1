import { useEffect, useState, type FormEvent } from 'react';
import type { MethodResult } from '../../../shared/api/contract';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { PhoneInput } from '../../components/PhoneInput';
import { useDate, useMoney } from '../../format';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';

type Stop = MethodResult<'deliveries.getStop'>;

/** Where and when an order goes: home delivery (suggesting the next delivery day) or pick-up at the stall. */
export const StopEditor = ({ orderId, onSaved }: { orderId: number; onSaved(): void }) => {
  const t = useT();
  const money = useMoney();
  const date = useDate();
  const { deliveryZones, couriers } = useSettings((s) => s.settings);
  const [stop, setStop] = useState<Stop | null>(null);
  const [day, setDay] = useState('');
  const [message, setMessage] = useState('');
  useEffect(() => {
    void api.call('deliveries.getStop', { orderId }).then((s) => {
      setStop(s);
      setDay(s.deliveryDate ?? s.suggestedDate);
    });
  }, [orderId]);
  if (!stop) return null;
  const edit = (changes: Partial<Stop>) => setStop({ ...stop, ...changes });
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.call('deliveries.assign', {
        orderId,
        date: day || undefined,
        method: stop.method,
        address: stop.address,
        reference: stop.reference,
        zone: stop.zone,
        contactPhone: stop.phone,
        timeWindow: stop.timeWindow,
        assignee: stop.assignee,
        notes: stop.notes,
      });
      setMessage(t('stop.saved'));
      onSaved();
    } catch (e) {
      setMessage(toFormError(e, t).message);
    }
  };
  return (
    <details className="confirmation">
      <summary>{t('stop.title')}{stop.deliveryDate ? ` · ${date(stop.deliveryDate)}` : ''}</summary>
      <form className="form" onSubmit={(e) => void save(e)}>
        <div className="actions">
          <label className="check"><input type="radio" name="method" checked={stop.method === 'delivery'} onChange={() => edit({ method: 'delivery' })} /> {t('stop.delivery')}</label>
          <label className="check"><input type="radio" name="method" checked={stop.method === 'pickup'} onChange={() => edit({ method: 'pickup' })} /> {t('stop.pickup')}</label>
        </div>
        <div className="form-grid">
          <label className="field"><span>{t('orders.deliveryDate')}</span><input type="date" value={day} onChange={(e) => setDay(e.target.value)} /><small className="muted">{t('stop.suggested', { date: date(stop.suggestedDate) })}</small></label>
          <label className="field"><span>{t('stop.window')}</span><input value={stop.timeWindow} placeholder="3 - 6 pm" onChange={(e) => edit({ timeWindow: e.target.value })} /></label>
          {stop.method === 'delivery' ? (
            <>
              <label className="field field-wide"><span>{t('stop.address')}</span><input value={stop.address} onChange={(e) => edit({ address: e.target.value })} /></label>
              <label className="field"><span>{t('stop.reference')}</span><input value={stop.reference} onChange={(e) => edit({ reference: e.target.value })} /></label>
              <label className="field">
                <span>{t('stop.zone')}</span>
                <input value={stop.zone} list="zone-options" onChange={(e) => edit({ zone: e.target.value })} />
                <datalist id="zone-options">{deliveryZones.map((z) => <option key={z.name} value={z.name}>{money(z.fee)}</option>)}</datalist>
              </label>
            </>
          ) : null}
          <label className="field"><span>{t('stop.phone')}</span><PhoneInput value={stop.phone} onChange={(phone) => edit({ phone })} /></label>
          <label className="field">
            <span>{t('stop.assignee')}</span>
            <input value={stop.assignee} list="courier-options" onChange={(e) => edit({ assignee: e.target.value })} />
            <datalist id="courier-options">{couriers.map((c) => <option key={c.name} value={c.name} />)}</datalist>
          </label>
          <label className="field field-wide"><span>{t('stop.notes')}</span><input value={stop.notes} onChange={(e) => edit({ notes: e.target.value })} /></label>
        </div>
        <div className="actions">
          <button type="submit" className="button">{t('stop.save')}</button>
          {message ? <span className="notice" role="status">{message}</span> : null}
        </div>
      </form>
    </details>
  );
};
