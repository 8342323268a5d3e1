import { useEffect, useState } from 'react';
import { followUpTemplates, type WaitlistEntry } from '../../../shared/domain/board';
import { api } from '../../api';
import { useT } from '../../i18n';
import { NotifyDialog } from './NotifyDialog';

/** In the product's stock window: who waits for this variant, and, once there is stock, the offer to tell them. */
export const WaitingPanel = ({ variantId, stock }: { variantId: number; stock: number | null }) => {
  const t = useT();
  const [entries, setEntries] = useState<WaitlistEntry[]>([]);
  const [isNotifying, setNotifying] = useState(false);
  const [message, setMessage] = useState('');
  useEffect(() => void api.call('waitlist.list', { variantId }).then((r) => setEntries(r.items)), [variantId, stock]);
  if (entries.length === 0 && !message) return null;
  return (
    <div className="card wide waiting-panel" aria-label={t('waitlist.title')}>
      <strong>🔔 {t('followUps.waiting', { count: entries.length })}</strong>
      <span className="muted small"> {entries.map((e) => e.customerName).join(', ')}</span>
      {(stock ?? 0) > 0 && entries.length > 0 ? (
        <div className="actions"><button type="button" className="button button-primary" onClick={() => setNotifying(true)}>{t('followUps.notifyAll')}</button></div>
      ) : null}
      <p role="status" className="notice">{message}</p>
      {isNotifying ? (
        <NotifyDialog
          variantId={variantId}
          productName={entries[0]?.productName ?? ''}
          template={followUpTemplates.restock}
          onClose={() => setNotifying(false)}
          onQueued={(count) => {
            setNotifying(false);
            setEntries([]);
            setMessage(t('waitlist.queued', { count }));
          }}
        />
      ) : null}
    </div>
  );
};
