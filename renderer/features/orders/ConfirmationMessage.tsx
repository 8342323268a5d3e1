import { useEffect, useState } from 'react';
import { messageChannels, type MessageChannel } from '../../../shared/domain/inbox';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { isConfirmedForCustomer, orderConfirmationText } from '../../../shared/domain/orderMessages';
import type { Order } from '../../../shared/domain/orders';
import { useT } from '../../i18n';
import { usePhone } from '../../phone';
import { useSettings } from '../../store/settings';

/**
 * The message follows the order's real state: "received" while it is new, "confirmado" only once
 * confirmed (a failed Confirmar leaves it new, so the message never promises what was not taken).
 * The confirmation goes back when the seller chooses: through the customer's connected chat (the
 * order's channel first), or a WhatsApp chat opened with the text ready, or copied by hand.
 */
export const ConfirmationMessage = ({ order }: { order: Order }) => {
  const t = useT();
  const settings = useSettings((s) => s.settings);
  const generated = orderConfirmationText(order, settings);
  const [text, setText] = useState(generated);
  const [isCopied, setCopied] = useState(false);
  const [sendResult, setSendResult] = useState<{ isSent: boolean; message: string } | null>(null);
  // The seller's own edits stay until what the message says about the order changes.
  useEffect(() => setText(generated), [generated]);
  const whatsappLink = usePhone().whatsapp(order.customer?.phone ?? '', text);
  if (order.status === 'cancelled') return null;
  const isConfirmed = isConfirmedForCustomer(order);
  const title = isConfirmed ? t('orders.confirmation') : t('ordersTrust.receivedMessage');
  const customerId = order.customer?.id;
  const chatChannel: MessageChannel | undefined = messageChannels.find((c) => c === order.channel);
  // While something is owed the message offers her payment details: her QR goes with it as a picture.
  const hasQr = order.balanceDue > 0 && settings.paymentDetails.some((d) => d.qrMediaId !== '');
  const sendInChat = async () => {
    if (customerId === undefined) return;
    try {
      if (hasQr) {
        const sent = await api.call('payments.sendDetails', { customerId, channel: chatChannel, text });
        const channel = t(`channel.${sent.channel}`);
        const sentIn = t('orders.sentInChat', { channel });
        const message = sent.qr === 'sent' ? t('paymentsRest.sentWithQr', { channel }) : sent.qr === 'not_on_channel' ? `${sentIn} ${t('paymentsRest.qrNotOnChannel', { channel })}` : sentIn;
        setSendResult({ isSent: true, message });
        return;
      }
      const sent = await api.call('inbox.sendToCustomer', { customerId, channel: chatChannel, text });
      setSendResult({ isSent: true, message: t('orders.sentInChat', { channel: t(`channel.${sent.channel}`) }) });
    } catch (error) {
      setSendResult({ isSent: false, message: toFormError(error, t).message });
    }
  };
  return (
    <details className="confirmation">
      <summary>{title}</summary>
      {isConfirmed ? null : <p className="muted">{t('ordersTrust.receivedHelp')}</p>}
      <textarea aria-label={title} value={text} rows={6} onChange={(e) => setText(e.target.value)} />
      {hasQr && customerId !== undefined ? <p className="muted small">{t('paymentsRest.confirmationWithQr')}</p> : null}
      <div className="actions">
        {customerId !== undefined ? <button type="button" className="button button-primary" onClick={() => void sendInChat()}>{t('orders.sendInChat')}</button> : null}
        {whatsappLink ? <a className="button" href={whatsappLink} target="_blank" rel="noreferrer">{t('orders.sendWhatsapp')}</a> : null}
        <button type="button" className="button" onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false))}>{t('orders.copyMessage')}</button>
        {isCopied ? <span className="notice" role="status">{t('orders.copied')}</span> : null}
        {sendResult ? <span className={sendResult.isSent ? 'notice' : 'form-error'} role="status">{sendResult.message}</span> : null}
      </div>
    </details>
  );
};
