import { useEffect, useRef, useState } from 'react';
import type { DeliveryDay, DeliveryPerson, DeliveryStop, PackingLine } from '../../../shared/api/methods/deliveries';
import { api } from '../../api';
import { useMoney } from '../../format';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';
import { StopCard } from './StopCard';
import { UnverifiedPayments } from './UnverifiedPayments';
import { shopDay } from '../../clock';
import { ShownOf } from '../../components/ShownOf';

const PAGE = 50;

/** The loaded stops by who delivers (in the seller's order), with the zones each person covers. */
const groups = (stops: DeliveryStop[], people: DeliveryPerson[]) => {
  const byPerson = new Map<string, { assignee: string; zones: string[]; stops: { stop: DeliveryStop; index: number }[] }>();
  stops.forEach((stop, index) => {
    const zones = people.find((p) => p.assignee === stop.assignee)?.zones ?? [];
    const group = byPerson.get(stop.assignee) ?? { assignee: stop.assignee, zones, stops: [] };
    group.stops.push({ stop, index });
    byPerson.set(stop.assignee, group);
  });
  return [...byPerson.values()];
};

/** The day by person, first: a card each with stops, how they went and what is left to collect. */
const PeopleSummary = ({ people, assignee, onPick }: { people: DeliveryPerson[]; assignee: string; onPick(name: string): void }) => {
  const t = useT();
  const money = useMoney();
  return (
    <section className="people-summary" aria-label={t('pages.people')}>
      {people.map((p) => {
        const name = p.assignee || t('deliveries.unassigned');
        const isPicked = assignee !== '' && assignee === p.assignee;
        const body = (
          <>
            <strong>🛵 <bdi>{name}</bdi></strong>
            <span>{t('pages.personStops', { count: p.stops })}{p.zones.length > 0 ? <span className="muted"> · {p.zones.join(', ')}</span> : null}</span>
            <span className="muted">{t('pages.personDone', { delivered: p.delivered, failed: p.failed, pending: p.pending })}</span>
            <span>{t('deliveries.toCollect')}: <strong>{money(p.toCollect)}</strong></span>
          </>
        );
        // Nobody's stops cannot be picked apart (no name to ask for); everyone else's card filters the list.
        if (p.assignee === '') return <div key="" className="person-card" data-testid="person-card">{body}</div>;
        return (
          <button key={p.assignee} type="button" className={`person-card${isPicked ? ' is-picked' : ''}`} aria-pressed={isPicked} title={isPicked ? t('pages.showEveryone') : t('pages.showPerson', { name })} onClick={() => onPick(isPicked ? '' : p.assignee)} data-testid="person-card">
            {body}
          </button>
        );
      })}
    </section>
  );
};

/**
 * What to pack: the day's first lines come with it; a day of hundreds of stops has hundreds of
 * lines, and the rest come when she asks (and stay while she has the list open). On a phone the
 * list comes before the stops, folded, so the stops that load as she scrolls never push it away.
 */
const PackingList = ({ day, assignee }: { day: DeliveryDay; assignee: string }) => {
  const t = useT();
  const [isOpen] = useState(() => !window.matchMedia?.('(max-width: 980px)').matches);
  const [isWhole, setWhole] = useState(false);
  const [whole, setWholeLines] = useState<PackingLine[] | null>(null);
  useEffect(() => {
    if (!isWhole) return;
    let isCurrent = true;
    void api.call('deliveries.packingList', { date: day.date, ...(assignee ? { assignee } : {}), limit: 5_000 }).then((result) => (isCurrent ? setWholeLines(result.lines) : undefined));
    return () => void (isCurrent = false);
  }, [isWhole, day, assignee]);
  // Remounted for another day or person (its key), so the whole list is always this day's.
  const lines = whole ?? day.packingList;
  return (
    <aside className="card packing" aria-labelledby="packing-title">
      <details open={isOpen}>
        <summary>
          <h2 id="packing-title">{t('deliveries.packing')}</h2> <span className="muted">{t('speedRest.packingCount', { count: day.packingTotal })}</span>
        </summary>
        <ul className="plain-list">{lines.map((item) => <li key={item.name}>☐ {item.quantity}× {item.name}</li>)}</ul>
        <ShownOf shown={lines.length} total={day.packingTotal} label={t('speedRest.packingShown', { shown: lines.length, total: day.packingTotal })} more={t('speedRest.packingAll')} onMore={() => setWhole(true)} />
      </details>
    </aside>
  );
};

/** Today's run by default: who to visit, in the seller's order, what to bring and what to collect. */
export const DeliveriesPage = () => {
  const t = useT();
  const money = useMoney();
  const { timeZone } = useSettings((s) => s.settings);
  const [date, setDate] = useState(() => shopDay(timeZone));
  const [assignee, setAssignee] = useState('');
  const [day, setDay] = useState<DeliveryDay | null>(null);
  /** The stops loaded so far: the first page, then one more each time she reaches the end. */
  const [stops, setStops] = useState<DeliveryStop[]>([]);
  const loaded = useRef(0);
  loaded.current = stops.length;
  const isLoadingMore = useRef(false);
  const [sheet, setSheet] = useState<{ url: string; fileName: string } | null>(null);
  const [isCopied, setCopied] = useState(false);

  const show = (result: DeliveryDay) => {
    setDay(result);
    setStops(result.stops);
  };
  // A refresh keeps as many stops as she had scrolled through.
  const load = (keep = loaded.current) =>
    void api.call('deliveries.listForDay', { date, ...(assignee ? { assignee } : {}), limit: Math.min(500, Math.max(PAGE, keep)) }).then(show);
  const loadMore = () => {
    if (!day || isLoadingMore.current || stops.length >= day.totals.stops) return;
    isLoadingMore.current = true;
    void api
      .call('deliveries.listForDay', { date, ...(assignee ? { assignee } : {}), limit: PAGE, offset: stops.length })
      .then((next) => setStops((current) => [...current, ...next.stops.filter((s) => !current.some((c) => c.orderId === s.orderId))]))
      .finally(() => (isLoadingMore.current = false));
  };
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const sentinel = end.current;
    if (!sentinel || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => (entries.some((e) => e.isIntersecting) ? loadMore() : undefined), { rootMargin: '400px' });
    observer.observe(sentinel);
    return () => observer.disconnect();
  });
  useEffect(() => {
    load(0);
    return api.onEvent((event) => (event.type === 'orders.changed' ? load() : undefined));
    // load reads the current date and person.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [date, assignee]);

  // Drag and drop, or the arrow buttons for keyboards: both end here.
  const moveTo = async (from: number, to: number) => {
    if (!day) return;
    const ids = stops.map((s) => s.orderId);
    const [moved] = ids.splice(from, 1);
    if (moved === undefined) return;
    ids.splice(to, 0, moved);
    show(await api.call('deliveries.reorder', { date, orderIds: ids }));
  };

  const people = (day?.groups ?? []).map((g) => g.assignee);
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
      {day && day.groups.length > 0 ? <PeopleSummary people={day.groups} assignee={assignee} onPick={setAssignee} /> : null}
      {day ? <UnverifiedPayments orderIds={stops.map((s) => s.orderId)} /> : null}
      {day && stops.length === 0 ? <div className="empty-state"><p>{t('deliveries.empty')}</p></div> : null}
      {day && stops.length > 0 ? (
        <div className="deliveries">
          <div className="stop-groups">
            {groups(stops, day.groups).map((group) => (
              <section key={group.assignee} aria-label={group.assignee || t('deliveries.unassigned')}>
                <h2 className="group-title">
                  🛵 {group.assignee || t('deliveries.unassigned')} <span className="muted">· {group.zones.join(', ')}</span>
                </h2>
                <ol className="stops">
                  {group.stops.map(({ stop, index }) => (
                    <StopCard key={stop.orderId} stop={stop} index={index} isFirst={index === 0} isLast={index === stops.length - 1} onMove={(d) => void moveTo(index, index + d)} onDropAt={(from) => void moveTo(from, index)} onChanged={() => load()} />
                  ))}
                </ol>
              </section>
            ))}
            <ShownOf shown={stops.length} total={day.totals.stops} more={t('pages.moreStops')} onMore={loadMore} sentinel={end} />
          </div>
          <PackingList key={`${date}|${assignee}`} day={day} assignee={assignee} />
        </div>
      ) : null}
    </section>
  );
};
