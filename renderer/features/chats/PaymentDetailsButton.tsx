import { paymentDetailsText } from '../../../shared/domain/payments';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';

/** The composer's quick attachment: her payment details from Ajustes, put into the reply for her to send. */
export const PaymentDetailsButton = ({ onInsert, isDisabled }: { onInsert(text: string): void; isDisabled: boolean }) => {
  const t = useT();
  const { paymentDetails, language } = useSettings((s) => s.settings);
  const hasDetails = paymentDetails.length > 0;
  return (
    <button
      type="button"
      className="button button-quiet composer-attach"
      disabled={isDisabled || !hasDetails}
      title={hasDetails ? t('payments.sendDetailsHelp') : t('payments.noDetails')}
      onClick={() => onInsert(paymentDetailsText(paymentDetails, language))}
    >
      💳 {t('payments.sendDetails')}
    </button>
  );
};
