import { useEffect, useState } from 'react';
import type { DeliveryDay, DeliveryStop } from '../../../shared/api/methods/deliveries';
import { api } from '../../api';
import { useMoney } from '../../format';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';
import { StopCard } from './StopCard';
import { UnverifiedPayments } from './UnverifiedPayments';
import { shopDay } from '../../clock';

/** Stops by who delivers (in the seller's order), with the zones each person covers. */
const groups = (stops: DeliveryStop[]) => {
  const byPerson = new Map<string, { assignee: string; zones: string[]; stops: { stop: DeliveryStop; index: number }[] }>();
  stops.forEach((stop, index) => {
    const group = byPerson.get(stop.assignee) ?? { assignee: stop.assignee, zones: [], stops: [] };
    group.stops.push({ stop, index });
    if (stop.zone && !group.zones.includes(stop.zone)) group.zones.push(stop.zone);
    byPerson.set(stop.assignee, group);
  });
  return [...byPerson.values()];
};

/** Today's run by default: who to visit, in the seller's order, what to bring and what to collect. */
export const DeliveriesPage = () => {
  const t = useT();
  const money = useMoney();
  const { timeZone } = useSettings((s) => s.settings);
  const [date, setDate] = useState(() => shopDay(timeZone));
  const [assignee, setAssignee] = useState('');
  const [day, setDay] = useState<DeliveryDay | null>(null);
  const [sheet, setSheet] = useState<{ url: string; fileName: string } | null>(null);
  const [isCopied, setCopied] = useState(false);

  const load = () => void api.call('deliveries.listForDay', { date, ...(assignee ? { assignee } : {}) }).then(setDay);
  useEffect(() => {
    load();
    return api.onEvent((event) => (event.type === 'orders.changed' ? load() : undefined));
    // load reads the current date and person.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [date, assignee]);

  // Drag and drop, or the arrow buttons for keyboards: both end here.
  const moveTo = async (from: number, to: number) => {
    if (!day) return;
    const ids = day.stops.map((s) => s.orderId);
    const [moved] = ids.splice(from, 1);
    if (moved === undefined) return;
    ids.splice(to, 0, moved);
    setDay(await api.call('deliveries.reorder', { date, orderIds: ids }));
  };

  const people = [...new Set((day?.stops ?? []).map((s) => s.assignee))];
  const copyText = async () => {
    const result = await api.call('deliveries.routeSheet', { date, ...(assignee ? { assignee } : {}) });
    setSheet(result);
    await navigator.clipboard?.writeText(result.whatsappText).catch(() => undefined);
    setCopied(true);
  };

  return (
    <section className="page" aria-labelledby="deliveries-title">
      <header className="page-header">
        <h1 id="deliveries-title">{t('deliveries.title')}</h1>
        <div className="actions">
          <button type="button" className="button" onClick={() => void api.call('deliveries.routeSheet', { date, ...(assignee ? { assignee } : {}) }).then(setSheet)}>{t('deliveries.routeSheet')}</button>
          <button type="button" className="button" onClick={() => void copyText()}>{t('deliveries.copyText')}</button>
          {isCopied ? <span className="notice" role="status">{t('deliveries.copied')}</span> : null}
          {sheet ? <a className="notice" href={sheet.url} download={sheet.fileName}>{t('promo.ready', { name: sheet.fileName })}</a> : null}
        </div>
      </header>
      <div className="toolbar">
        <label className="field-inline"><span>{t('deliveries.date')}</span><input type="date" value={date} onChange={(e) => setDate(e.target.value)} /></label>
        <button type="button" className="button button-quiet" onClick={() => setDate(shopDay(timeZone))}>{t('deliveries.today')}</button>
        <label className="field-inline">
          <span>{t('deliveries.who')}</span>
          <select value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">{t('deliveries.everyone')}</option>
            {people.filter(Boolean).map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
        {day ? <span className="muted count">{t('deliveries.totals', day.totals)} · {t('deliveries.toCollect')}: <strong data-testid="total-to-collect">{money(day.totals.toCollect)}</strong></span> : null}
      </div>
      {day ? <UnverifiedPayments orderIds={day.stops.map((s) => s.orderId)} /> : null}
      {day && day.stops.length === 0 ? <div className="empty-state"><p>{t('deliveries.empty')}</p></div> : null}
      {day && day.stops.length > 0 ? (
        <div className="deliveries">
          <div className="stop-groups">
            {groups(day.stops).map((group) => (
              <section key={group.assignee} aria-label={group.assignee || t('deliveries.unassigned')}>
                <h2 className="group-title">
                  🛵 {group.assignee || t('deliveries.unassigned')} <span className="muted">· {group.zones.join(', ')}</span>
                </h2>
                <ol className="stops">
                  {group.stops.map(({ stop, index }) => (
                    <StopCard key={stop.orderId} stop={stop} index={index} isFirst={index === 0} isLast={index === day.stops.length - 1} onMove={(d) => void moveTo(index, index + d)} onDropAt={(from) => void moveTo(from, index)} onChanged={load} />
                  ))}
                </ol>
              </section>
            ))}
          </div>
          <aside className="card packing">
            <h2>{t('deliveries.packing')}</h2>
            <ul className="plain-list">{day.packingList.map((item) => <li key={item.name}>☐ {item.quantity}× {item.name}</li>)}</ul>
          </aside>
        </div>
      ) : null}
    </section>
  );
};
