import { useEffect, useState } from 'react';
import type { PaymentReceipt } from '../../../shared/domain/payments';
import { api } from '../../api';
import { useFileSrc } from '../../components/useFileSrc';
import { useMoney } from '../../format';
import { useT } from '../../i18n';

const ReceiptThumb = ({ mediaId }: { mediaId: string }) => {
  const t = useT();
  const src = useFileSrc(`/media/thumbs/${mediaId}.webp`);
  return src ? <img className="thumb" src={src} alt={t('payments.receiptTitle')} /> : null;
};

/** The screenshots behind this order's payments: "comprobante recibido" until she ticks "verificado en mi app". */
export const ReceiptsPanel = ({ orderId, version }: { orderId: number; version: number }) => {
  const t = useT();
  const money = useMoney();
  const [items, setItems] = useState<PaymentReceipt[]>([]);
  const load = () => void api.call('payments.listReceipts', { orderId }).then((r) => setItems(r.items));
  useEffect(load, [orderId, version]);
  if (items.length === 0) return null;
  return (
    <section aria-label={t('payments.receipts')}>
      <h3>{t('payments.receipts')}</h3>
      <ul className="receipt-list">
        {items.map((r) => (
          <li key={r.paymentId}>
            <ReceiptThumb mediaId={r.mediaId} />
            <span>{money(r.amount)}{r.operationNumber ? ` · ${r.operationNumber}` : ''}{r.payerName ? ` · ${r.payerName}` : ''}</span>
            {r.isVerified ? null : <span className="badge badge-warn">{t('payments.received')}</span>}
            <label className="check">
              <input type="checkbox" checked={r.isVerified} onChange={(e) => {
                const isVerified = e.target.checked;
                // Ticked at once; the list is read back from the core (a failure shows the real state again).
                setItems(items.map((i) => (i.paymentId === r.paymentId ? { ...i, isVerified } : i)));
                void api.call('payments.verify', { paymentId: r.paymentId, isVerified }).finally(load);
              }} />
              {t('payments.verified')}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
};
