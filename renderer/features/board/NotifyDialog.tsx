import { useEffect, useState } from 'react';
import type { WaitlistEntry } from '../../../shared/domain/board';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';

/** Who will be told that a product arrived, and the words (filled per person when sent). */
export const NotifyDialog = ({ variantId, productName, template, onClose, onQueued }: { variantId: number; productName: string; template: string; onClose(): void; onQueued(count: number): void }) => {
  const t = useT();
  const [entries, setEntries] = useState<WaitlistEntry[]>([]);
  const [text, setText] = useState(template);
  const [error, setError] = useState('');
  useEffect(() => void api.call('waitlist.list', { variantId }).then((r) => setEntries(r.items)), [variantId]);
  const willSend = entries.filter((e) => e.hasOwnChat);
  const wontSend = entries.filter((e) => !e.hasOwnChat);
  const notify = async () => {
    try {
      const result = await api.call('waitlist.notify', { variantId, text });
      onQueued(result.queued);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Dialog
      title={t('waitlist.notifyTitle', { product: productName })}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="button" className="button button-primary" disabled={willSend.length === 0 || text.trim() === ''} onClick={() => void notify()}>{t('followUps.send')}</button>
        </>
      }
    >
      <p className="muted small">{t('waitlist.notifyBody', { cliente: '{cliente}', producto: '{producto}' })}</p>
      <label className="field">
        <span>{t('followUps.message', { name: productName })}</span>
        <textarea value={text} maxLength={1000} data-autofocus onChange={(e) => setText(e.target.value)} rows={3} />
      </label>
      <h3 className="small">{t('waitlist.willSend')} ({willSend.length})</h3>
      <ul aria-label={t('waitlist.willSend')}>{willSend.map((e) => <li key={e.id}><bdi>{e.customerName}</bdi></li>)}</ul>
      {wontSend.length > 0 ? (
        <>
          <h3 className="small">{t('waitlist.wontSend')} ({wontSend.length})</h3>
          <ul className="muted">{wontSend.map((e) => <li key={e.id}><bdi>{e.customerName}</bdi></li>)}</ul>
        </>
      ) : null}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </Dialog>
  );
};
