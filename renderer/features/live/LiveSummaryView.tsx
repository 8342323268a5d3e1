import { useEffect, useState } from 'react';
import type { MethodResult } from '../../../shared/api/contract';
import type { Live, LiveSummary } from '../../../shared/domain/lives';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useMoney } from '../../format';
import { useT } from '../../i18n';

/** After the live: what was claimed, paid and lost, per product, and one message to each buyer. */
export const LiveSummaryView = ({ live, onClose }: { live: Live; onClose(): void }) => {
  const t = useT();
  const money = useMoney();
  const [summary, setSummary] = useState<LiveSummary | null>(null);
  const [sent, setSent] = useState<MethodResult<'live.sendMessages'> | null>(null);
  const [error, setError] = useState('');
  useEffect(() => void api.call('live.summary', { liveId: live.id }).then(setSummary), [live.id]);
  if (!summary) return null;
  const send = () => void api.call('live.sendMessages', { liveId: live.id }).then(setSent, (e: unknown) => setError(toFormError(e, t).message));
  return (
    <section className="card wide" aria-labelledby="live-summary-title">
      <div className="page-header">
        <h2 id="live-summary-title">{t('live.summary', { title: live.title })}</h2>
        <button type="button" className="button button-quiet" onClick={onClose}>{t('common.close')}</button>
      </div>
      <div className="kpis">
        <div className="kpi"><span>{t('live.claimsCount')}</span><strong>{summary.claims}</strong></div>
        <div className="kpi"><span>{t('live.converted')}</span><strong>{summary.converted}</strong></div>
        <div className="kpi"><span>{t('live.waiting')}</span><strong>{summary.reserved}</strong></div>
        <div className="kpi"><span>{t('live.expired')}</span><strong>{summary.expired}</strong></div>
        <div className="kpi"><span>{t('live.revenue')}</span><strong>{money(summary.revenue)}</strong></div>
      </div>
      <table className="table">
        <thead><tr><th>{t('live.product')}</th><th className="num">{t('live.claimsCount')}</th><th className="num">{t('live.converted')}</th><th className="num">{t('live.expired')}</th><th className="num">{t('live.revenue')}</th></tr></thead>
        <tbody>
          {summary.perProduct.map((p) => (
            <tr key={p.itemId}><td>{p.name}</td><td className="num">{p.claims}</td><td className="num">{p.converted}</td><td className="num">{p.expired}</td><td className="num">{money(p.revenue)}</td></tr>
          ))}
        </tbody>
      </table>
      {live.messagesQueuedAt === null && !sent ? (
        <div className="actions">
          <button type="button" className="button button-primary" onClick={send}>{t('live.sendMessages')}</button>
          <span className="muted">{t('live.sendMessagesHelp')}</span>
        </div>
      ) : null}
      {sent ? (
        <div role="status">
          <p className="notice">{t('live.messagesQueued', { count: sent.queued })}</p>
          {sent.withoutChat.map((w) => (
            <details key={w.customerId} className="confirmation">
              <summary>{t('live.noChat', { name: w.customerName })}</summary>
              <textarea readOnly rows={5} value={w.text} aria-label={w.customerName} />
              <button type="button" className="button" onClick={() => void navigator.clipboard?.writeText(w.text)}>{t('orders.copyMessage')}</button>
            </details>
          ))}
        </div>
      ) : null}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </section>
  );
};
