import { useRef, useState } from 'react';
import { followUpKinds, type FollowUp, type FollowUpKind } from '../../../shared/domain/board';
import { api } from '../../api';
import { localizedError } from '../../components/errors';
import { useDateTime, useMoney } from '../../format';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';
import { OrderDialog } from '../orders/OrderDialog';
import { NotifyDialog } from './NotifyDialog';
import { WaitlistSection } from './WaitlistSection';
import { useFollowUpsReload } from './useFollowUpsReload';
import './board.css';
import { ShownOf } from '../../components/ShownOf';

const FollowUpItem = ({ item, onOpenOrder, onNotify, onMessage }: { item: FollowUp; onOpenOrder(id: number): void; onNotify(item: FollowUp): void; onMessage(text: string, isError: boolean): void }) => {
  const t = useT();
  const money = useMoney();
  const dateTime = useDateTime();
  const [text, setText] = useState(item.message);
  const [isBusy, setBusy] = useState(false);
  const who = item.customerName || item.productName;
  const send = async () => {
    if (item.customerId === null) return;
    setBusy(true);
    try {
      await api.call('inbox.sendToCustomer', { customerId: item.customerId, text });
      await api.call('followUps.done', { key: item.key });
      onMessage(t('followUps.sent', { name: who }), false);
    } catch (error) {
      onMessage(localizedError(error, t) ?? (error instanceof Error ? error.message : String(error)), true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="follow-up" data-kind={item.kind} aria-label={`${t(`followUps.kind.${item.kind}`)}: ${who}`}>
      <div className="follow-up-head">
        <span className={`follow-kind follow-kind-${item.kind}`}>{t(`followUps.kind.${item.kind}`)}</span>
        <strong><bdi>{who}</bdi></strong>
        {item.orderId !== null ? <button type="button" className="link-button" onClick={() => onOpenOrder(item.orderId ?? 0)}>{item.orderNumber}</button> : null}
        {item.amount !== null ? <span>{t('followUps.owes', { amount: money(item.amount) })}</span> : null}
        {item.kind === 'balance' ? <span className="muted">· {t('followUps.orders', { count: item.count })}</span> : null}
        {item.kind === 'restock' ? <span>· {t('followUps.waiting', { count: item.count })}</span> : null}
        <span className="muted small">{t('followUps.since', { when: dateTime(item.since) })}</span>
      </div>
      {item.kind === 'asked' ? <p className="muted small clip-line">«<bdi>{item.productName}</bdi>»</p> : null}
      {item.kind !== 'restock' ? (
        <label className="field">
          <span className="small">{t('followUps.message', { name: item.customerName || '—' })}</span>
          <textarea value={text} maxLength={4000} onChange={(e) => setText(e.target.value)} />
        </label>
      ) : null}
      <div className="actions">
        {item.kind === 'restock' ? (
          <button type="button" className="button button-primary" onClick={() => onNotify(item)}>{t('followUps.notifyAll')}</button>
        ) : item.canSend ? (
          <button type="button" className="button button-primary" disabled={isBusy || text.trim() === ''} onClick={() => void send()}>{t('followUps.send')}</button>
        ) : (
          <span className="muted small">{t('followUps.noChat')}</span>
        )}
        <button type="button" className="button" onClick={() => void api.call('followUps.done', { key: item.key })}>{t('followUps.done')}</button>
        <button type="button" className="button button-quiet" onClick={() => void api.call('followUps.snooze', { key: item.key, hours: 24 })}>{t('followUps.snooze')}</button>
      </div>
    </li>
  );
};

/** Reminders shown at a time: each has its own message box, and a shop with years of chats can have thousands. */
const PAGE = 50;

export const FollowUpsPage = () => {
  const t = useT();
  const hours = useSettings((s) => s.settings.followUpUnpaidHours);
  const [items, setItems] = useState<FollowUp[] | null>(null);
  const [kind, setKind] = useState<FollowUpKind | null>(null);
  const [found, setFound] = useState<{ total: number; counts: Record<FollowUpKind, number> } | null>(null);
  /** How many she has brought in so far: a refresh keeps them. */
  const shown = useRef(PAGE);
  const [openId, setOpenId] = useState<number | null>(null);
  const [notifying, setNotifying] = useState<FollowUp | null>(null);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  const load = (only: FollowUpKind | null) =>
    void api.call('followUps.list', { ...(only ? { kind: only } : {}), limit: Math.min(500, shown.current) }).then((r) => {
      setItems(r.items);
      setFound({ total: r.total, counts: r.counts });
    });
  // useFollowUpsReload calls the newest of these, so a reload asks for the kind picked now.
  useFollowUpsReload(() => load(kind), 300);
  const pick = (next: FollowUpKind | null) => {
    setKind(next);
    shown.current = PAGE;
    load(next);
  };
  const more = () => {
    shown.current = (items?.length ?? 0) + PAGE;
    load(kind);
  };
  const allCount = found ? followUpKinds.reduce((sum, k) => sum + found.counts[k], 0) : 0;

  return (
    <section className="page" aria-labelledby="follow-ups-title">
      <header className="page-header">
        <h1 id="follow-ups-title">{t('followUps.title')}</h1>
        <label className="field-inline">
          <span>{t('followUps.unpaidHours')}</span>
          <input type="number" min={0} max={336} style={{ width: '5rem' }} defaultValue={hours} onBlur={(e) => {
            const value = Math.round(Number(e.target.value));
            if (Number.isFinite(value) && value >= 0 && value <= 336 && value !== hours) void api.call('settings.update', { followUpUnpaidHours: value });
          }} />
        </label>
      </header>
      <p className="muted">{t('followUps.intro')}</p>
      <p role={message?.isError ? 'alert' : 'status'} className={message?.isError ? 'board-message is-error' : 'board-message'}>{message?.text ?? ''}</p>
      {found && allCount > 0 ? (
        <div className="chip-row" role="group" aria-label={t('speedRest.followUpsKinds')}>
          <button type="button" className={`chip${kind === null ? ' is-picked' : ''}`} aria-pressed={kind === null} onClick={() => pick(null)}>{t('speedRest.followUpsAll', { count: allCount })}</button>
          {followUpKinds.filter((k) => found.counts[k] > 0).map((k) => (
            <button key={k} type="button" className={`chip${kind === k ? ' is-picked' : ''}`} aria-pressed={kind === k} onClick={() => pick(k)}>{t(`followUps.kind.${k}`)} · {found.counts[k]}</button>
          ))}
        </div>
      ) : null}
      {items && items.length === 0 ? <div className="empty-state"><p>{t('followUps.empty')}</p></div> : null}
      <ul className="follow-ups" aria-label={t('followUps.title')}>
        {(items ?? []).map((item) => (
          <FollowUpItem key={item.key} item={item} onOpenOrder={setOpenId} onNotify={setNotifying} onMessage={(text, isError) => setMessage({ text, isError })} />
        ))}
      </ul>
      {items && found ? <ShownOf shown={items.length} total={found.total} more={t('speedRest.followUpsMore')} onMore={more} /> : null}
      <WaitlistSection />
      {notifying && notifying.variantId !== null ? (
        <NotifyDialog
          variantId={notifying.variantId}
          productName={notifying.productName}
          template={notifying.message}
          onClose={() => setNotifying(null)}
          onQueued={(count) => {
            setNotifying(null);
            setMessage({ text: t('waitlist.queued', { count }), isError: false });
          }}
        />
      ) : null}
      {openId !== null ? <OrderDialog orderId={openId} onClose={() => setOpenId(null)} /> : null}
    </section>
  );
};
