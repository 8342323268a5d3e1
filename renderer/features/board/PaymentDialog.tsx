import { useState } from 'react';
import type { BoardCard } from '../../../shared/domain/board';
import { operationNumberMaxLength } from '../../../shared/domain/orders';
import { Dialog } from '../../components/Dialog';
import { useMoney } from '../../format';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';

/** Dropping on "Pagado" records the balance: she only says how it was paid. */
export const PaymentDialog = ({ card, onClose, onPay }: { card: BoardCard; onClose(): void; onPay(payment: { method: string; operationNumber: string }): void }) => {
  const t = useT();
  const money = useMoney();
  const methods = useSettings((s) => s.settings.paymentMethods);
  const [method, setMethod] = useState(methods[0] ?? '');
  const [operation, setOperation] = useState('');
  return (
    <Dialog
      title={t('board.payTitle', { number: card.number })}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="button" className="button button-primary" onClick={() => onPay({ method, operationNumber: operation.trim() })}>{t('board.payConfirm')}</button>
        </>
      }
    >
      <p>{t('board.payBody', { amount: money(card.balanceDue) })}</p>
      <label className="field">
        <span>{t('board.paymentMethod')}</span>
        <select value={method} data-autofocus onChange={(e) => setMethod(e.target.value)}>
          {methods.map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </label>
      <label className="field">
        <span>{t('board.operation')}</span>
        <input value={operation} maxLength={operationNumberMaxLength} pattern="[A-Za-z0-9-]*" onChange={(e) => setOperation(e.target.value)} />
      </label>
    </Dialog>
  );
};
