import { useState } from 'react';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { toFormError } from '../../components/errors';
import { VariantPicker } from '../../components/VariantPicker';
import { useT } from '../../i18n';

/** From a chat: the customer asked for something out of stock; one pick puts her on its waiting list. */
export const WaitlistButton = ({ conversationId, customerName }: { conversationId: number; customerName: string }) => {
  const t = useT();
  const [isOpen, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  return (
    <>
      <button type="button" className="button" onClick={() => (setMessage(''), setOpen(true))}>🔔 {t('waitlist.add')}</button>
      {isOpen ? (
        <Dialog title={t('waitlist.addTitle', { name: customerName })} onClose={() => setOpen(false)} footer={<button type="button" className="button" onClick={() => setOpen(false)}>{t('common.close')}</button>}>
          <VariantPicker
            label={t('waitlist.product')}
            onPick={(variant) =>
              void api
                .call('waitlist.add', { variantId: variant.variantId, conversationId })
                .then((entry) => setMessage(t('waitlist.added', { name: entry.customerName, product: entry.productName })))
                .catch((error: unknown) => setMessage(toFormError(error, t).message))
            }
          />
          <p role="status" className="notice">{message}</p>
        </Dialog>
      ) : null}
    </>
  );
};
