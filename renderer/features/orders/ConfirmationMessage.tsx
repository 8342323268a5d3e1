import { useEffect, useState } from 'react';
import { orderConfirmationText } from '../../../shared/domain/orderMessages';
import type { Order } from '../../../shared/domain/orders';
import { waLink } from '../../../shared/domain/promotions';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';

/**
 * The confirmation goes back when the seller chooses: WhatsApp customers get a chat opened with the
 * text ready to send; on Instagram and Facebook she copies it into the conversation.
 */
export const ConfirmationMessage = ({ order }: { order: Order }) => {
  const t = useT();
  const settings = useSettings((s) => s.settings);
  const [text, setText] = useState(() => orderConfirmationText(order, settings));
  const [isCopied, setCopied] = useState(false);
  useEffect(() => setText(orderConfirmationText(order, settings)), [order, settings]);
  if (order.status === 'cancelled') return null;
  const phone = order.customer?.phone.replace(/\D/g, '') ?? '';
  return (
    <details className="confirmation">
      <summary>{t('orders.confirmation')}</summary>
      <textarea aria-label={t('orders.confirmation')} value={text} rows={6} onChange={(e) => setText(e.target.value)} />
      <div className="actions">
        {phone ? <a className="button" href={waLink(phone, text)} target="_blank" rel="noreferrer">{t('orders.sendWhatsapp')}</a> : null}
        <button type="button" className="button" onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false))}>{t('orders.copyMessage')}</button>
        {isCopied ? <span className="notice" role="status">{t('orders.copied')}</span> : null}
      </div>
    </details>
  );
};
