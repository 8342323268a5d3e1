import { useEffect, useState, type ReactNode } from 'react';
import { paymentDetailsText } from '../../../shared/domain/payments';
import { api } from '../../api';
import { LogoImage } from '../../components/LogoImage';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';

interface PaymentDetailsAttachment {
  /** The composer's "💳 Datos de pago": puts her details into the reply and attaches her QR. */
  button: ReactNode;
  /** The attached QR, shown above the reply box until sent or removed. */
  chip: ReactNode;
  notice: ReactNode;
  /** The reply carries her details: it goes through payments.sendDetails (QR as a picture, text as caption). */
  isAttached: boolean;
  send(conversationId: number, text: string, channelName: string): Promise<void>;
}

/**
 * Her payment details from Ajustes in a chat: the text for her to read and edit in the reply box, and
 * the QR she uploaded going with it as a picture, because a customer scans a QR rather than typing a number.
 */
export const usePaymentDetails = ({ conversationId, text, isDisabled, onInsert }: { conversationId: number; text: string; isDisabled: boolean; onInsert(details: string): void }): PaymentDetailsAttachment => {
  const t = useT();
  const { paymentDetails, language } = useSettings((s) => s.settings);
  const [isChosen, setChosen] = useState(false);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    setChosen(false);
    setNotice('');
  }, [conversationId]);
  const hasDetails = paymentDetails.length > 0;
  const qrIds = [...new Set(paymentDetails.map((d) => d.qrMediaId).filter(Boolean))];
  // Emptying the reply box drops the attachment with it.
  const isAttached = isChosen && text.trim() !== '';
  return {
    isAttached,
    button: (
      <button
        type="button"
        className="button button-quiet composer-attach"
        disabled={isDisabled || !hasDetails}
        title={hasDetails ? t('payments.sendDetailsHelp') : t('payments.noDetails')}
        onClick={() => {
          onInsert(paymentDetailsText(paymentDetails, language));
          setChosen(true);
          setNotice('');
        }}
      >
        💳 {t('payments.sendDetails')}
      </button>
    ),
    chip:
      isAttached && qrIds.length > 0 ? (
        <div className="composer-qr" role="group" aria-label={t('paymentsRest.qrAttached')}>
          {qrIds.map((id) => <LogoImage key={id} className="composer-qr-thumb" mediaId={id} />)}
          <span className="small">{t('paymentsRest.qrGoes', { count: qrIds.length })}</span>
          <button type="button" className="button button-quiet" onClick={() => setChosen(false)}>{t('paymentsRest.removeQr')}</button>
        </div>
      ) : null,
    notice: notice ? <p className="notice small" role="status">{notice}</p> : null,
    send: async (id, reply, channelName) => {
      const sent = await api.call('payments.sendDetails', { conversationId: id, text: reply });
      setChosen(false);
      setNotice(sent.qr === 'not_on_channel' ? t('paymentsRest.qrNotOnChannel', { channel: channelName }) : sent.qr === 'sent' ? t('paymentsRest.qrSent') : '');
    },
  };
};
