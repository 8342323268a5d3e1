import { useEffect, useState } from 'react';
import type { PaymentReceipt } from '../../../shared/domain/payments';
import { api } from '../../api';
import { useMoney } from '../../format';
import { useT } from '../../i18n';

/** Before the courier leaves: payments of these stops she has only a screenshot for, not yet seen in her app. */
export const UnverifiedPayments = ({ orderIds }: { orderIds: number[] }) => {
  const t = useT();
  const money = useMoney();
  const [items, setItems] = useState<PaymentReceipt[]>([]);
  const key = orderIds.join(',');
  useEffect(() => {
    void api.call('payments.listReceipts', { isVerified: false }).then((r) => setItems(r.items.filter((i) => orderIds.includes(i.orderId))));
  }, [key]);
  if (items.length === 0) return null;
  return (
    <div className="warning-box" role="note" data-testid="unverified-payments">
      <strong>{t('payments.unverified', { count: items.length })}</strong>
      {': '}
      {items.map((i) => `${i.orderNumber} (${money(i.amount)})`).join(', ')}
    </div>
  );
};
