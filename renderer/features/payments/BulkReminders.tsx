import { useEffect, useState } from 'react';
import type { ReminderBatch, ReminderPlan } from '../../../shared/domain/payments';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useLocale, useMoney } from '../../format';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';

/** How often the progress is read again while reminders wait in the outbox (each sent one also refreshes it). */
const REFRESH_MS = 3000;

/**
 * Por cobrar to several at once: one confirmation that says how many go and to whom (and who not, and
 * why), then the outbox sends them paced like a broadcast, and this shows how far it got.
 */
export const BulkReminders = ({ customerIds, template, onQueued, onProgress, onCancel }: {
  customerIds: number[];
  template: string;
  onQueued(): void;
  onProgress(): void;
  onCancel(): void;
}) => {
  const t = useT();
  const money = useMoney();
  const timeZone = useSettings((s) => s.settings.timeZone);
  const locale = useLocale();
  const [plan, setPlan] = useState<ReminderPlan | null>(null);
  const [batch, setBatch] = useState<ReminderBatch | null>(null);
  const [error, setError] = useState('');
  const [isBusy, setBusy] = useState(false);
  const time = (ms: number) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(ms);

  useEffect(() => {
    setPlan(null);
    setBatch(null);
    api.call('payments.planReminders', { customerIds }).then(setPlan, (e: unknown) => setError(toFormError(e, t).message));
  }, [customerIds.join(',')]);

  const batchId = batch?.batchId;
  const isRunning = batch !== null && batch.pending > 0;
  useEffect(() => {
    if (!batchId || !isRunning) return;
    const reload = () => void api.call('payments.reminderBatch', { batchId }).then((next) => (setBatch(next), onProgress()), () => undefined);
    const timer = setInterval(reload, REFRESH_MS);
    const stop = api.onEvent((event) => (event.type === 'inbox.message' ? reload() : undefined));
    return () => (clearInterval(timer), stop());
  }, [batchId, isRunning]);

  const send = async () => {
    setBusy(true);
    setError('');
    try {
      const queued = await api.call('payments.queueReminders', { customerIds, template });
      setBatch(await api.call('payments.reminderBatch', { batchId: queued.batchId }));
      onQueued();
    } catch (e) {
      setError(toFormError(e, t).message);
    } finally {
      setBusy(false);
    }
  };

  if (batch) {
    const done = batch.sent + batch.failed + batch.skipped;
    return (
      <section className="bulk-reminders" aria-label={t('paymentsRest.confirmTitle')}>
        <p role="status">
          {batch.pending > 0 ? t('paymentsRest.progress', { done, total: batch.total }) : t('paymentsRest.progressDone', { sent: batch.sent })}
          {batch.failed > 0 ? ` ${t('paymentsRest.progressFailed', { count: batch.failed })}` : ''}
          {batch.skipped > 0 ? ` ${t('paymentsRest.progressSkipped', { count: batch.skipped })}` : ''}
        </p>
        <progress value={done} max={batch.total} aria-label={t('paymentsRest.progress', { done, total: batch.total })} />
        {batch.pending > 0 && batch.nextSendAt ? <p className="muted small">{t('paymentsRest.progressNext', { time: time(batch.nextSendAt) })}</p> : null}
        {batch.pending === 0 ? <div className="actions"><button type="button" className="button" onClick={onCancel}>{t('common.close')}</button></div> : null}
      </section>
    );
  }
  return (
    <section className="bulk-reminders" aria-label={t('paymentsRest.confirmTitle')}>
      <h3>{t('paymentsRest.confirmTitle')}</h3>
      {plan === null && !error ? <p className="muted" role="status">…</p> : null}
      {plan && plan.recipients.length > 0 ? (
        <>
          <p>{t('paymentsRest.confirmCount', { count: plan.recipients.length })}</p>
          <ul className="bulk-reminders-list">
            {plan.recipients.map((r) => <li key={r.customerId}>{r.name} · {money(r.balanceDue)} · {t(`channel.${r.channel}`)}</li>)}
          </ul>
        </>
      ) : null}
      {plan && plan.recipients.length === 0 ? <p>{t('paymentsRest.confirmNone')}</p> : null}
      {plan && plan.skipped.length > 0 ? (
        <>
          <p className="muted">{t('paymentsRest.skippedTitle', { count: plan.skipped.length })}</p>
          <ul className="bulk-reminders-list muted">
            {plan.skipped.map((s) => <li key={s.customerId}>{s.name}: {t(`paymentsRest.reason.${s.reason}`)}</li>)}
          </ul>
        </>
      ) : null}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="actions">
        {plan && plan.recipients.length > 0 ? (
          <button type="button" className="button button-primary" disabled={isBusy} onClick={() => void send()}>{t('paymentsRest.send', { count: plan.recipients.length })}</button>
        ) : null}
        <button type="button" className="button" onClick={onCancel}>{t('paymentsRest.cancel')}</button>
      </div>
    </section>
  );
};
