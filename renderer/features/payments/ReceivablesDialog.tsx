import { useEffect, useRef, useState } from 'react';
import { reminderText, type Receivable } from '../../../shared/domain/payments';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { toFormError } from '../../components/errors';
import { useLocale, useMoney } from '../../format';
import { ChasquiError } from '../../../shared/api/errors';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';
import { BulkReminders } from './BulkReminders';
import { ShownOf } from '../../components/ShownOf';

/** Customers shown at a time: a shop with years of unpaid orders can have thousands who owe. */
const PAGE = 50;

/**
 * Por cobrar: who owes her, how much and since when, with the last reminder; a reminder goes in one
 * click through the customer's own chat, or to several chosen at once, paced through the outbox.
 * The core sends at most one a day per customer.
 */
export const ReceivablesDialog = ({ onClose, onOpenOrder }: { onClose(): void; onOpenOrder(id: number): void }) => {
  const t = useT();
  const money = useMoney();
  const { settings, update } = useSettings();
  const locale = useLocale();
  const day = (ms: number) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: settings.timeZone }).format(ms);
  const [items, setItems] = useState<Receivable[] | null>(null);
  const [owing, setOwing] = useState({ total: 0, totalDue: 0 });
  /** How many she has brought in so far; a refresh keeps them. */
  const shown = useRef(PAGE);
  const [template, setTemplate] = useState(settings.paymentReminderTemplate);
  const [status, setStatus] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState<number | null>(null);
  const [chosen, setChosen] = useState<number[]>([]);
  const [bulkIds, setBulkIds] = useState<number[] | null>(null);
  const load = () =>
    void api.call('payments.receivables', { limit: Math.min(1000, shown.current) }).then((r) => {
      setItems(r.items);
      setOwing({ total: r.total, totalDue: r.totalDue });
    });
  const more = () => {
    shown.current = (items?.length ?? 0) + PAGE;
    load();
  };
  useEffect(load, []);

  const send = async (item: Receivable) => {
    setBusy(item.customerId);
    try {
      const text = reminderText({ customerName: item.customerName, orderNumbers: item.orders.map((o) => o.number), balanceDue: item.balanceDue }, { ...settings, paymentReminderTemplate: template });
      await api.call('payments.sendReminder', { customerId: item.customerId, text });
      setStatus({ ...status, [item.customerId]: t('receivables.sent') });
      load();
    } catch (e) {
      // The core refuses a second reminder the same day: said in her words, not the core's.
      const isTooSoon = e instanceof ChasquiError && e.code === 'conflict';
      setStatus({ ...status, [item.customerId]: isTooSoon ? t('receivables.tooSoon') : toFormError(e, t).message });
    } finally {
      setBusy(null);
    }
  };

  const allIds = (items ?? []).map((i) => i.customerId);
  const isAllChosen = allIds.length > 0 && allIds.every((id) => chosen.includes(id));
  const toggle = (id: number, isOn: boolean) => setChosen(isOn ? [...chosen.filter((c) => c !== id), id] : chosen.filter((c) => c !== id));
  return (
    <Dialog title={t('receivables.title')} onClose={onClose} size="large">
      {items === null ? <p className="muted" role="status">…</p> : null}
      {items && items.length === 0 ? <p className="empty-state">{t('receivables.none')}</p> : null}
      {items && items.length > 0 ? (
        <>
          <p><strong>{t('receivables.total', { count: owing.total, amount: money(owing.totalDue) })}</strong></p>
          {bulkIds === null ? (
            <div className="receivables-pick" role="group" aria-label={t('paymentsRest.confirmTitle')}>
              <label className="field-inline">
                <input type="checkbox" checked={isAllChosen} onChange={(e) => setChosen(e.target.checked ? allIds : [])} /> {t('paymentsRest.selectAll')}
              </label>
              {chosen.length > 0 ? <span role="status">{t('paymentsRest.chosen', { count: chosen.length })}</span> : null}
              <button type="button" className="button button-primary" disabled={chosen.length === 0} onClick={() => setBulkIds(allIds.filter((id) => chosen.includes(id)))}>
                {chosen.length === 0 ? t('paymentsRest.remindNoneChosen') : t('paymentsRest.remindChosen', { count: chosen.length })}
              </button>
            </div>
          ) : null}
          {bulkIds ? (
            <BulkReminders
              customerIds={bulkIds}
              template={template}
              onQueued={() => (setChosen([]), load())}
              onProgress={load}
              onCancel={() => setBulkIds(null)}
            />
          ) : null}
          <div className="table-scroll"><table className="table receivables">
            <thead><tr>
              <th scope="col" className="pick"><span className="visually-hidden">{t('paymentsRest.selectAll')}</span></th>
              <th scope="col">{t('receivables.customer')}</th><th scope="col" className="num">{t('receivables.owes')}</th>
              <th scope="col">{t('receivables.since')}</th><th scope="col"><span className="visually-hidden">{t('receivables.remind')}</span></th>
            </tr></thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.customerId}>
                  <td className="pick"><input type="checkbox" aria-label={t('paymentsRest.select', { name: item.customerName })} checked={chosen.includes(item.customerId)} onChange={(e) => toggle(item.customerId, e.target.checked)} /></td>
                  <td>
                    {item.customerName}
                    <div className="muted small">{item.orders.map((o) => <button key={o.id} type="button" className="link-button" onClick={() => onOpenOrder(o.id)}>{o.number}</button>)}</div>
                  </td>
                  <td className="num">{money(item.balanceDue)}</td>
                  <td>
                    {day(item.since)}
                    <div className="muted small">{t('receivables.lastReminder')}: {item.lastReminderAt ? day(item.lastReminderAt) : t('receivables.never')}</div>
                  </td>
                  <td>
                    <button type="button" className="button" disabled={busy !== null} onClick={() => void send(item)}>{t('receivables.remind')}</button>
                    {status[item.customerId] ? <div className="small" role="status">{status[item.customerId]}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table></div>
          <ShownOf shown={items.length} total={owing.total} more={t('speedRest.receivablesMore')} onMore={more} />
        </>
      ) : null}
      <form className="form receivables-template" onSubmit={(e) => { e.preventDefault(); void update({ paymentReminderTemplate: template }).then(() => setStatus({ ...status, [0]: t('settings.saved') })); }}>
        <label className="field">
          <span>{t('receivables.template')}</span>
          <textarea rows={3} value={template} maxLength={1000} onChange={(e) => setTemplate(e.target.value)} />
        </label>
        <p className="muted small">{t('receivables.templateHelp')}</p>
        <div className="actions">
          <button type="submit" className="button">{t('receivables.saveTemplate')}</button>
          {status[0] ? <span role="status">{status[0]}</span> : null}
        </div>
      </form>
    </Dialog>
  );
};
