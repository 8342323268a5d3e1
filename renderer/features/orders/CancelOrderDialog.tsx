import { useState, type FormEvent } from 'react';
import type { Order } from '../../../shared/domain/orders';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { toFormError } from '../../components/errors';
import { useT } from '../../i18n';

/** Cancelling returns stock and clears what is owed, so it asks first, with the reason kept in the history. */
export const CancelOrderDialog = ({ order, onClose, onCancelled }: { order: Order; onClose(): void; onCancelled(order: Order): void }) => {
  const t = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') return setError(t('ordersTrust.cancelReasonRequired'));
    try {
      onCancelled(await api.call('orders.cancel', { id: order.id, reason: reason.trim() }));
    } catch (e) {
      setError(toFormError(e, t).message);
    }
  };
  return (
    <Dialog
      title={t('ordersTrust.cancelTitle', { number: order.number })}
      onClose={onClose}
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>{t('ordersTrust.cancelBack')}</button>
          <button type="submit" form="cancel-order-form" className="button danger">{t('ordersTrust.cancelConfirm')}</button>
        </>
      }
    >
      <form id="cancel-order-form" className="form" onSubmit={(e) => void submit(e)}>
        <p>{t('ordersTrust.cancelHelp')}</p>
        <label className="field">
          <span>{t('ordersTrust.cancelReason')}</span>
          <textarea value={reason} rows={2} maxLength={500} placeholder={t('ordersTrust.cancelReasonPlaceholder')} onChange={(e) => setReason(e.target.value)} />
        </label>
        {error ? <p className="form-error" role="alert">{error}</p> : null}
      </form>
    </Dialog>
  );
};
