import { useState, type FormEvent } from 'react';
import type { DeliveryStop } from '../../../shared/api/methods/deliveries';
import { parseMoney } from '../../../shared/domain/money';
import { deliveryNotice } from '../../../shared/domain/orderMessages';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useMoney } from '../../format';
import { useT } from '../../i18n';
import { usePhone } from '../../phone';
import { useSettings } from '../../store/settings';

interface StopCardProps {
  stop: DeliveryStop;
  index: number;
  isFirst: boolean;
  isLast: boolean;
  onMove(direction: -1 | 1): void;
  /** Dropping another stop on this one puts it here. */
  onDropAt(fromIndex: number): void;
  onChanged(): void;
}

/** One visit: who, where, what to bring, what to collect, and the two buttons that close it. */
export const StopCard = ({ stop, index, isFirst, isLast, onMove, onDropAt, onChanged }: StopCardProps) => {
  const t = useT();
  const money = useMoney();
  const settings = useSettings((s) => s.settings);
  const { currency } = settings;
  const [mode, setMode] = useState<'none' | 'delivered' | 'failed'>('none');
  const [cash, setCash] = useState(stop.toCollect > 0 ? (stop.toCollect / 100).toFixed(2) : '');
  const [reason, setReason] = useState('');
  const [reschedule, setReschedule] = useState('');
  const [error, setError] = useState('');
  const phone = usePhone();
  const tel = phone.tel(stop.phone);
  const notice = deliveryNotice(stop.outcome === 'delivered' ? settings.deliveredTemplate : settings.onTheWayTemplate, { customerName: stop.customerName, orderNumber: stop.orderNumber, shopName: settings.shopName });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      if (mode === 'delivered') await api.call('deliveries.markDelivered', { orderId: stop.orderId, cashCollected: parseMoney(cash || '0', currency) ?? 0 });
      if (mode === 'failed') await api.call('deliveries.markFailed', { orderId: stop.orderId, reason, rescheduleTo: reschedule || null });
      setMode('none');
      onChanged();
    } catch (e) {
      setError(toFormError(e, t).message);
    }
  };

  return (
    <li
      className={`stop stop-${stop.outcome}`}
      data-testid="stop"
      draggable
      onDragStart={(e) => e.dataTransfer.setData('text/plain', String(index))}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const from = Number(e.dataTransfer.getData('text/plain'));
        if (Number.isInteger(from) && from !== index) onDropAt(from);
      }}
    >
      <div className="stop-head">
        <span className="stop-number">{index + 1}</span>
        <strong>{stop.customerName || stop.orderNumber}</strong>
        <span className="muted">{stop.orderNumber}{stop.timeWindow ? ` · ${stop.timeWindow}` : ''}</span>
        <span className={`status outcome-${stop.outcome}`}>{t(`deliveries.outcome.${stop.outcome}`)}</span>
        <span className="spacer" />
        <button type="button" className="icon-button" disabled={isFirst} aria-label={`${t('deliveries.up')}: ${stop.customerName}`} onClick={() => onMove(-1)}>↑</button>
        <button type="button" className="icon-button" disabled={isLast} aria-label={`${t('deliveries.down')}: ${stop.customerName}`} onClick={() => onMove(1)}>↓</button>
      </div>
      <p className="stop-address">
        {stop.method === 'pickup' ? t('deliveries.pickup') : [stop.address, stop.reference, stop.zone].filter(Boolean).join(' · ') || t('deliveries.noAddress')}
        {stop.mapUrl ? <> · <a href={stop.mapUrl} target="_blank" rel="noreferrer">{t('deliveries.map')}</a></> : null}
      </p>
      {stop.phone ? (
        <p className="stop-links">
          {tel ? (
            <>
              <a href={tel}>{t('deliveries.call')} {phone.format(stop.phone)}</a> · <a href={phone.whatsapp(stop.phone) ?? undefined} target="_blank" rel="noreferrer">{t('deliveries.whatsapp')}</a>
              {' · '}
              <a href={phone.whatsapp(stop.phone, notice) ?? undefined} target="_blank" rel="noreferrer">
                {stop.outcome === 'delivered' ? t('deliveries.notifyDelivered') : t('deliveries.notifyOnTheWay')}
              </a>
            </>
          ) : (
            // An old number that is not valid: shown as written, with no link that would call a stranger.
            <span>{stop.phone}</span>
          )}
        </p>
      ) : null}
      <p>{stop.items.map((i) => `${i.quantity}× ${i.name}`).join(', ')}</p>
      <p className="stop-collect">{stop.toCollect > 0 ? `${t('deliveries.toCollect')}: ${money(stop.toCollect)}` : t('deliveries.paid')}</p>
      {stop.failureReason ? <p className="muted">{stop.failureReason}</p> : null}
      {stop.outcome === 'pending' && mode === 'none' ? (
        <div className="actions">
          <button type="button" className="button button-primary" onClick={() => setMode('delivered')}>{t('deliveries.delivered')}</button>
          <button type="button" className="button" onClick={() => setMode('failed')}>{t('deliveries.failed')}</button>
        </div>
      ) : null}
      {mode !== 'none' ? (
        <form className="form stop-form" onSubmit={(e) => void submit(e)}>
          {mode === 'delivered' ? (
            <label className="field"><span>{t('deliveries.cash')} ({currency})</span><input value={cash} inputMode="decimal" onChange={(e) => setCash(e.target.value)} /></label>
          ) : (
            <>
              <label className="field"><span>{t('deliveries.reason')}</span><input value={reason} onChange={(e) => setReason(e.target.value)} required /></label>
              <label className="field"><span>{t('deliveries.reschedule')}</span><input type="date" value={reschedule} onChange={(e) => setReschedule(e.target.value)} /></label>
            </>
          )}
          <div className="actions">
            <button type="submit" className="button button-primary">{t('common.save')}</button>
            <button type="button" className="button" onClick={() => setMode('none')}>{t('common.cancel')}</button>
          </div>
          {error ? <p className="form-error" role="alert">{error}</p> : null}
        </form>
      ) : null}
    </li>
  );
};
