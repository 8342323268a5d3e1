import { useEffect, useRef, useState } from 'react';
import type { Broadcast, BroadcastRecipient } from '../../../shared/domain/broadcasts';
import type { PrintResult } from '../../../shared/api/methods/print';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useDateTime } from '../../format';
import { useT, type MessageKey } from '../../i18n';
import { ShownOf } from '../../components/ShownOf';

const reasonKey = (reason: string): MessageKey | null => {
  const code = reason.split(':')[0] ?? '';
  if (code === 'channel_blocked') return 'broadcast.reason.blocked';
  if (code === 'channel_rate_limited') return 'broadcast.reason.rate_limited';
  if (code === 'channel_needs_auth' || code === 'channel_auth_failed' || code === 'channel_not_ready' || code === 'channel_not_connected') return 'broadcast.reason.needs_auth';
  return null;
};

/** Report rows asked at a time; the API gives at most 1,000 per call. */
const REPORT_PAGE = 200;
const REPORT_CALL_MAX = 1_000;

/** The first `count` rows of the report, in calls of at most REPORT_CALL_MAX. */
const reportRows = async (id: number, count: number): Promise<{ items: BroadcastRecipient[]; total: number }> => {
  const items: BroadcastRecipient[] = [];
  let total = 0;
  do {
    const page = await api.call('broadcasts.recipients', { id, offset: items.length, limit: Math.min(REPORT_CALL_MAX, count - items.length) });
    items.push(...page.items);
    total = page.total;
    if (page.items.length === 0) break;
  } while (items.length < Math.min(count, total));
  return { items, total };
};

/** Live figures per place, pause, resume, cancel, and afterwards the report per recipient, a page at a time. */
export const BroadcastProgress = ({ broadcastId }: { broadcastId: number }) => {
  const t = useT();
  const dateTime = useDateTime();
  const [broadcast, setBroadcast] = useState<Broadcast | null>(null);
  const [recipients, setRecipients] = useState<BroadcastRecipient[]>([]);
  const [recipientTotal, setRecipientTotal] = useState(0);
  /** The rows she has asked to see: the first page, then a page more each time. */
  const wanted = useRef(REPORT_PAGE);
  const [report, setReport] = useState<PrintResult | null>(null);
  const [error, setError] = useState('');
  const load = () => {
    void api.call('broadcasts.get', { id: broadcastId }).then(setBroadcast);
    void reportRows(broadcastId, wanted.current).then((r) => {
      setRecipients(r.items);
      setRecipientTotal(r.total);
    });
  };
  const loadMore = () => {
    wanted.current = recipients.length + REPORT_PAGE;
    load();
  };
  useEffect(() => {
    load();
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Many sends a second would redraw too often; at most a few times a second is plenty.
    const stop = api.onEvent((event) => {
      if (event.type !== 'broadcasts.progress' || event.payload.broadcastId !== broadcastId || timer) return;
      timer = setTimeout(() => ((timer = null), load()), 300);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [broadcastId]);
  if (!broadcast) return <p className="muted">{t('common.loading')}</p>;
  const act = (method: 'broadcasts.pause' | 'broadcasts.resume' | 'broadcasts.cancel') => () =>
    void api.call(method, { id: broadcastId }).then(setBroadcast, (e: unknown) => setError(toFormError(e, t).message));
  const reason = broadcast.status === 'paused' ? reasonKey(broadcast.pauseReason) : null;

  return (
    <section className="broadcast-progress" aria-label={t('broadcast.progress')}>
      <p>
        <span className={`badge broadcast-${broadcast.status}`} role="status">{t(`broadcast.status.${broadcast.status}`)}</span>
      </p>
      {reason ? <p className="warning-box" role="alert">{t(reason, { channel: broadcast.pauseReason.split(':')[1] ?? '' })}</p> : null}
      <table className="table">
        <thead>
          <tr>
            <th>{t('broadcast.where')}</th>
            <th className="num">{t('broadcast.sent')}</th>
            <th className="num">{t('broadcast.failed')}</th>
            <th className="num">{t('broadcast.remaining')}</th>
            <th>{t('broadcast.next')}</th>
            <th>{t('broadcast.end')}</th>
          </tr>
        </thead>
        <tbody>
          {broadcast.progress.map((p) => (
            <tr key={p.target}>
              <td>{t(`broadcast.target.${p.target}`)}</td>
              <td className="num">{p.counts.sent}</td>
              <td className="num">{p.counts.failed + p.counts.skipped}</td>
              <td className="num">{p.remaining}</td>
              <td>{p.nextSendAt ? dateTime(p.nextSendAt) : '—'}</td>
              <td>{p.estimatedEndAt ? dateTime(p.estimatedEndAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        {broadcast.status === 'running' ? <button type="button" className="button" onClick={act('broadcasts.pause')}>{t('broadcast.pause')}</button> : null}
        {broadcast.status === 'paused' ? <button type="button" className="button button-primary" onClick={act('broadcasts.resume')}>{t('broadcast.resume')}</button> : null}
        {broadcast.status === 'running' || broadcast.status === 'paused' ? <button type="button" className="button button-quiet danger" onClick={act('broadcasts.cancel')}>{t('broadcast.cancel')}</button> : null}
        <button type="button" className="button" onClick={() => void api.call('broadcasts.exportReport', { id: broadcastId }).then(setReport)}>{t('broadcast.export')}</button>
        {report ? <a href={report.url} download={report.fileName}>{t('promo.ready', { name: report.fileName })}</a> : null}
      </div>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      {recipients.length > 0 ? (
        <div className="table-scroll report-table">
          <table className="table">
            <caption className="visually-hidden">{t('broadcast.report')}</caption>
            <thead>
              <tr><th>{t('broadcast.where')}</th><th>{t('broadcast.customer')}</th><th>{t('broadcast.state')}</th><th>{t('broadcast.when')}</th><th>{t('broadcast.error')}</th></tr>
            </thead>
            <tbody>
              {recipients.map((r) => (
                <tr key={r.id}>
                  <td>{t(`broadcast.target.${r.target}`)}</td>
                  <td>{r.customerName || '—'}</td>
                  <td>{t(`broadcast.row.${r.status}`)}</td>
                  <td>{r.sentAt ? dateTime(r.sentAt) : '—'}</td>
                  <td className="clip">{r.error}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ShownOf shown={recipients.length} total={recipientTotal} more={t('speedRest.recipientsMore')} onMore={loadMore} />
    </section>
  );
};
