import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { MatchSuggestion } from '../../../shared/api/methods/customers';
import type { Conversation, ConversationSummary, Message } from '../../../shared/domain/inbox';
import { api } from '../../api';
import { useDateTime } from '../../format';
import { useT } from '../../i18n';
import { NewOrderDialog, type OrderSeed } from '../orders/NewOrderDialog';
import { OrderDialog } from '../orders/OrderDialog';
import { CustomerDialog } from '../customers/CustomerDialog';
import { ImportChatDialog } from './ImportChatDialog';
import { Composer } from './Composer';
import { WaitlistButton } from '../board/WaitlistButton';
import { ReceiptDialog } from './ReceiptDialog';
import type { Photo } from '../../../shared/domain/catalog';
import type { ChannelState } from '../../../shared/domain/channels';
import { now } from '../../clock';
import { listTime as formatListTime } from './listTime';
import { useSettings } from '../../store/settings';
import { toFormError } from '../../components/errors';
import { MAX_PICKED, pickedText, togglePicked } from './pick';
import { useAssigned, useLabels } from '../quick/useLabels';
import { LabelFilter } from '../quick/LabelFilter';
import { LabelChips } from '../quick/LabelChips';
import { LabelPicker } from '../quick/LabelPicker';
import './chats.css';
import { useReceiptReaderWarmUp } from '../payments/useReceiptReaderWarmUp';
import { HandoffPanel, MyHandoffs } from './HandoffPanel';

/** Customers who may be one person are worked out over every customer: a busy inbox asks at most this often. */
const MATCHES_EVERY_MS = 5_000;

/** One inbox for every channel; any message a customer wrote can become an order. */
export const ChatsPage = () => {
  const t = useT();
  const dateTime = useDateTime();
  const { locale, timeZone } = useSettings((s) => s.settings);
  // "Today" and "ayer" are relative to the moment the list is drawn, by the core's clock.
  const listTime = (ms: number) => formatListTime(ms, now(), { locale, timeZone, yesterday: t('chats.yesterday') });
  const [items, setItems] = useState<ConversationSummary[] | null>(null);
  const [open, setOpen] = useState<Conversation | null>(null);
  const [seed, setSeed] = useState<OrderSeed | null>(null);
  const [orderId, setOrderId] = useState<number | null>(null);
  const [customerId, setCustomerId] = useState<number | null>(null);
  const [isImporting, setImporting] = useState(false);
  // Several of the customer's messages make one order: the ones ticked, and the last one clicked for Shift.
  const [isPicking, setPicking] = useState(false);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const pickAnchor = useRef<number | null>(null);
  const [pickNotice, setPickNotice] = useState('');
  const stopPicking = () => {
    setPicking(false);
    setPicked(new Set());
    pickAnchor.current = null;
  };
  const [receipt, setReceipt] = useState<{ photo: Photo; customerId: number } | null>(null);

  const [matches, setMatches] = useState<MatchSuggestion[]>([]);
  const [channels, setChannels] = useState<ChannelState[]>([]);
  const openId = useRef<number | null>(null);
  openId.current = open?.id ?? null;
  const { labels } = useLabels();
  const [labelId, setLabelId] = useState<number | null>(null);
  const labelIdRef = useRef<number | null>(null);
  labelIdRef.current = labelId;
  const { assigned, reload: reloadAssigned } = useAssigned('conversation', (items ?? []).map((c) => c.id));
  const scroller = useRef<HTMLDivElement>(null);
  // What to do with the scroll after the next render: go to the newest message, or keep the reader
  // where she was when older messages were put above her.
  const pendingScroll = useRef<{ kind: 'open' | 'bottom' } | { kind: 'keep'; fromBottom: number } | null>(null);
  const [isLoadingOlder, setLoadingOlder] = useState(false);
  useLayoutEffect(() => {
    const element = scroller.current;
    const pending = pendingScroll.current;
    if (!element || !pending) return;
    pendingScroll.current = null;
    element.scrollTop = pending.kind === 'keep' ? element.scrollHeight - pending.fromBottom : element.scrollHeight;
    // Stacked on a phone: bring the opened conversation into sight below the list.
    if (pending.kind === 'open' && window.matchMedia('(max-width: 980px)').matches) element.scrollIntoView({ block: 'start' });
  }, [open]);
  const isNearBottom = () => {
    const element = scroller.current;
    return !element || element.scrollHeight - element.scrollTop - element.clientHeight < 80;
  };
  const loadOlder = async () => {
    const current = open;
    const oldest = current?.messages[0];
    if (!current || !oldest || !current.hasOlder || isLoadingOlder) return;
    setLoadingOlder(true);
    try {
      const page = await api.call('inbox.getConversation', { id: current.id, before: { sentAt: oldest.sentAt, id: oldest.id } });
      const element = scroller.current;
      pendingScroll.current = { kind: 'keep', fromBottom: element ? element.scrollHeight - element.scrollTop : 0 };
      setOpen((now) =>
        now && now.id === current.id
          ? { ...now, messages: [...page.messages, ...now.messages], hasOlder: page.hasOlder, orderLikeMessageIds: [...page.orderLikeMessageIds, ...now.orderLikeMessageIds] }
          : now,
      );
    } finally {
      setLoadingOlder(false);
    }
  };
  /** When "¿Es la misma persona?" was last asked, and the later ask a busy inbox is given instead of one per message. */
  const matchesAskedAt = useRef(0);
  const matchesLater = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (matchesLater.current && clearTimeout(matchesLater.current)), []);
  const askMatches = () => {
    matchesAskedAt.current = performance.now();
    void api.call('customers.suggestMatches', {}).then((r) => setMatches(r.items));
  };
  const load = (isMatchesDue = true) => {
    void api.call('inbox.listConversations', labelIdRef.current ? { labelId: labelIdRef.current } : {}).then((r) => setItems(r.items));
    const wait = MATCHES_EVERY_MS - (performance.now() - matchesAskedAt.current);
    if (isMatchesDue || wait <= 0) return askMatches();
    matchesLater.current ??= setTimeout(() => {
      matchesLater.current = null;
      askMatches();
    }, wait);
  };
  /** The newest page again (a message arrived, a reply went out), keeping the older pages already read above it. */
  const refreshOpen = () => {
    const id = openId.current;
    if (id === null) return;
    const wasAtBottom = isNearBottom();
    void api.call('inbox.getConversation', { id }).then((latest) => {
      if (wasAtBottom) pendingScroll.current = { kind: 'bottom' };
      setOpen((now) => {
        if (!now || now.id !== latest.id) return latest;
        const first = latest.messages[0];
        const older: Message[] = first ? now.messages.filter((m) => m.sentAt < first.sentAt || (m.sentAt === first.sentAt && m.id < first.id)) : [];
        return older.length > 0 ? { ...latest, messages: [...older, ...latest.messages], hasOlder: now.hasOlder, orderLikeMessageIds: [...now.orderLikeMessageIds, ...latest.orderLikeMessageIds] } : latest;
      });
    });
  };
  const show = async (id: number) => {
    await api.call('inbox.markRead', { id });
    const conversation = await api.call('inbox.getConversation', { id });
    // A conversation opens at its newest message, like on the phone.
    pendingScroll.current = { kind: 'open' };
    if (id !== openId.current) stopPicking();
    setPickNotice('');
    setOpen(conversation);
    load(false);
  };
  const createOrder = (m: Message, conversation: Conversation) =>
    setSeed({ text: m.text, channel: m.channel, customerId: conversation.customerId, customerName: conversation.customerName });
  /** One draft from several messages; the order's channel is the one of the last of them. */
  const createOrderFrom = (conversation: Conversation, ids: ReadonlySet<number>, text: string) => {
    const channel = [...conversation.messages].reverse().find((m) => ids.has(m.id))?.channel ?? conversation.channel;
    setSeed({ text, channel, customerId: conversation.customerId, customerName: conversation.customerName, messages: { conversationId: conversation.id, messageIds: [...ids] } });
  };
  const pick = (id: number, isChecked: boolean, isRange: boolean) => {
    if (!open) return;
    // Read now: the updater runs later, after the anchor has moved to this message.
    const anchor = pickAnchor.current;
    setPicked((current) => togglePicked(current, open.messages, id, isChecked, anchor, isRange));
    pickAnchor.current = id;
  };
  /** "Últimos mensajes del cliente": the core says which (since her last order), they show ticked, the draft opens. */
  const fromLatest = async (conversation: Conversation) => {
    setPickNotice('');
    try {
      const latest = await api.call('orders.draftFromMessages', { conversationId: conversation.id });
      if (latest.messageIds.length === 0) return setPickNotice(t('multidraft.noneLatest'));
      const ids = new Set(latest.messageIds);
      setPicking(true);
      setPicked(ids);
      createOrderFrom(conversation, ids, latest.sourceText);
    } catch (error) {
      setPickNotice(toFormError(error, t).message);
    }
  };
  useEffect(() => {
    load();
    // #/chats/7 opens conversation 7 (a notification's link).
    const linked = Number(/^#\/chats\/(\d+)$/.exec(window.location.hash)?.[1] ?? 0);
    if (linked) void show(linked);
    void api.call('channels.list', {}).then((r) => setChannels(r.items));
    return api.onEvent((event) => {
      if (event.type === 'inbox.message') {
        load(false);
        refreshOpen();
      }
      // Labels changed on her phone: the filtered list may have changed.
      if (event.type === 'labels.changed') load(false);
      if (event.type === 'channels.status') setChannels((current) => current.map((c) => (c.kind === event.payload.kind ? event.payload : c)));
    });
  }, []);
  useReceiptReaderWarmUp(open);

  return (
    <section className="page" aria-labelledby="chats-title">
      <header className="page-header">
        <h1 id="chats-title">{t('chats.title')}</h1>
        <span className="header-actions">
          <LabelFilter labels={labels} value={labelId} onChange={(id) => { labelIdRef.current = id; setLabelId(id); load(false); }} />
          <button type="button" className="button" onClick={() => setImporting(true)}>{t('chats.import')}</button>
        </span>
      </header>
      {matches.length > 0 ? (
        <div className="card wide matches" aria-label={t('customers.samePerson')}>
          <strong>{t('customers.samePerson')}</strong>
          {matches.slice(0, 3).map((m) => (
            <span key={`${m.customerId}-${m.otherId}`} className="match">
              <bdi>{m.customerName}</bdi> · <bdi>{m.otherName}</bdi> <span className="muted">({t(`customers.reason.${m.reason}`)})</span>
              <button type="button" className="button button-quiet" onClick={() => void api.call('customers.link', { id: m.customerId, otherId: m.otherId }).then(() => load())}>{t('customers.link')}</button>
            </span>
          ))}
        </div>
      ) : null}
      <MyHandoffs onOpen={(id) => void show(id)} />
      {items && items.length === 0 ? <div className="empty-state"><p>{labelId ? t('quick.noChatsWithLabel') : t('chats.empty')}</p></div> : (
        <div className="inbox">
          <ul className="conversation-list" aria-label={t('chats.title')}>
            {(items ?? []).map((c) => (
              <li key={c.id}>
                <button type="button" className={`conversation ${open?.id === c.id ? 'is-active' : ''}`} onClick={() => void show(c.id)}>
                  <span className={`channel channel-${c.channel}`}>{t(`channel.${c.channel}`)}</span>
                  <strong>{c.customerName || c.title}{c.assignedTo ? <small className="muted assigned-to"> · <bdi>{c.assignedTo.name}</bdi></small> : null}</strong>
                  <span className="conversation-time muted small">
                    <time dateTime={new Date(c.lastMessageAt).toISOString()} title={dateTime(c.lastMessageAt)}>{listTime(c.lastMessageAt)}</time>
                    {c.unreadCount > 0 ? <span className="badge badge-warn" aria-label={t('chats.unread', { count: c.unreadCount })}>{c.unreadCount}</span> : null}
                  </span>
                  <span className="muted clip-line">{c.lastMessageText}</span>
                  <LabelChips labels={labels} ids={assigned.get(c.id)} />
                </button>
              </li>
            ))}
          </ul>
          <div className="timeline" ref={scroller} onScroll={(e) => { if (e.currentTarget.scrollTop < 120) void loadOlder(); }}>
            {open ? (
              <>
                <div className="page-header">
                  <h2>{open.customerName || open.title}</h2>
                  <div className="conversation-actions">
                    <button type="button" className="button" aria-pressed={isPicking} title={t('multidraft.selectHelp')} onClick={() => (isPicking ? stopPicking() : setPicking(true))}>
                      {t('multidraft.select')}
                    </button>
                    <button type="button" className="button" title={t('multidraft.latestHelp')} onClick={() => void fromLatest(open)}>{t('multidraft.latest')}</button>
                    {open.customerId !== null ? <button type="button" className="button" onClick={() => setCustomerId(open.customerId)}>{t('customers.open')}</button> : null}
                    {open.customerId !== null ? <WaitlistButton conversationId={open.id} customerName={open.customerName || open.title} /> : null}
                  </div>
                </div>
                <HandoffPanel conversation={open} onChanged={() => { refreshOpen(); load(false); }} />
                {isPicking ? <p className="muted small pick-help">{t('multidraft.selectHelp')}</p> : null}
                {pickNotice ? <p className="notice" role="status">{pickNotice}</p> : null}
                <LabelPicker target="conversation" id={open.id} labels={labels} onChanged={reloadAssigned} />
                <p className="muted small timeline-edge" role="status">{open.hasOlder ? (isLoadingOlder ? t('chats.loadingOlder') : '') : t('chats.start')}</p>
                <ol className="messages">
                  {open.messages.map((m) => (
                    <li key={m.id} className={`message message-${m.direction}${picked.has(m.id) ? ' is-picked' : ''}`}>
                      {isPicking && m.direction === 'in' ? (
                        <label className="message-pick">
                          <input
                            type="checkbox"
                            checked={picked.has(m.id)}
                            onChange={(e) => pick(m.id, e.target.checked, e.nativeEvent instanceof MouseEvent && e.nativeEvent.shiftKey)}
                          />
                          <span className="visually-hidden">{t('multidraft.pick')}</span>
                        </label>
                      ) : null}
                      <span className={`channel channel-${m.channel}`}>{t(`channel.${m.channel}`)}</span>
                      {m.photos.length > 0 ? (
                        <div className="message-photos">
                          {m.photos.map((photo) => (
                            <figure key={photo.id}>
                              <img src={photo.thumbUrl} alt={t('chats.photo', { name: m.author })} loading="lazy" />
                              {m.direction === 'in' && open.customerId !== null ? (
                                <button type="button" className="button button-quiet" onClick={() => setReceipt({ photo, customerId: open.customerId ?? 0 })}>💵 {t('payments.isPayment')}</button>
                              ) : null}
                            </figure>
                          ))}
                        </div>
                      ) : null}
                      {m.text && !(m.photos.length > 0 && m.text === '📷') ? <p>{m.text}</p> : null}
                      <span className="muted">{m.direction === 'out' ? t('chats.you') : m.author} · {dateTime(m.sentAt)}</span>
                      {m.direction === 'in' && open.orderLikeMessageIds.includes(m.id) ? (
                        <button type="button" className="button button-quiet" onClick={() => createOrder(m, open)}>
                          {t('chats.createOrder')}
                        </button>
                      ) : null}
                      {m.direction === 'in' && !open.orderLikeMessageIds.includes(m.id) ? (
                        <details className="message-menu">
                          <summary aria-label={t('chats.more')} title={t('chats.more')}>⋯</summary>
                          <button type="button" className="button button-quiet" onClick={(e) => { e.currentTarget.closest('details')?.removeAttribute('open'); createOrder(m, open); }}>
                            {t('chats.createOrder')}
                          </button>
                        </details>
                      ) : null}
                    </li>
                  ))}
                </ol>
                {isPicking ? (
                  <div className="pick-bar" role="group" aria-label={t('multidraft.select')}>
                    <span role="status">{t('multidraft.selected', { count: picked.size })}</span>
                    {picked.size > MAX_PICKED ? <span className="form-error" role="alert">{t('multidraft.tooMany', { max: MAX_PICKED })}</span> : null}
                    <button type="button" className="button button-primary" disabled={picked.size === 0 || picked.size > MAX_PICKED} onClick={() => createOrderFrom(open, picked, pickedText(picked, open.messages))}>
                      {t('multidraft.createOrder')}
                    </button>
                    <button type="button" className="button button-quiet" onClick={stopPicking}>{t('multidraft.cancel')}</button>
                  </div>
                ) : null}
                <Composer conversation={open} channels={channels} now={now()} onSent={refreshOpen} />
              </>
            ) : <p className="muted">{t('chats.select')}</p>}
          </div>
        </div>
      )}
      {seed ? <NewOrderDialog seed={seed} onClose={() => setSeed(null)} onCreated={(id) => { setSeed(null); setOrderId(id); stopPicking(); }} /> : null}
      {orderId !== null ? <OrderDialog orderId={orderId} onClose={() => setOrderId(null)} /> : null}
      {isImporting ? <ImportChatDialog onClose={() => { setImporting(false); load(); }} /> : null}
      {receipt ? <ReceiptDialog photo={receipt.photo} customerId={receipt.customerId} onClose={() => setReceipt(null)} onRecorded={refreshOpen} /> : null}
      {customerId !== null ? <CustomerDialog customerId={customerId} onClose={() => setCustomerId(null)} /> : null}
    </section>
  );
};
