import { useEffect, useRef, useState } from 'react';
import type { MatchSuggestion } from '../../../shared/api/methods/customers';
import type { Conversation, ConversationSummary } from '../../../shared/domain/inbox';
import { api } from '../../api';
import { useDateTime } from '../../format';
import { useT } from '../../i18n';
import { NewOrderDialog, type OrderSeed } from '../orders/NewOrderDialog';
import { OrderDialog } from '../orders/OrderDialog';
import { CustomerDialog } from '../customers/CustomerDialog';
import { ImportChatDialog } from './ImportChatDialog';
import { Composer } from './Composer';
import type { ChannelState } from '../../../shared/domain/channels';

/** One inbox for every channel; any message a customer wrote can become an order. */
export const ChatsPage = () => {
  const t = useT();
  const dateTime = useDateTime();
  const [items, setItems] = useState<ConversationSummary[] | null>(null);
  const [open, setOpen] = useState<Conversation | null>(null);
  const [seed, setSeed] = useState<OrderSeed | null>(null);
  const [orderId, setOrderId] = useState<number | null>(null);
  const [customerId, setCustomerId] = useState<number | null>(null);
  const [isImporting, setImporting] = useState(false);

  const [matches, setMatches] = useState<MatchSuggestion[]>([]);
  const [channels, setChannels] = useState<ChannelState[]>([]);
  const openId = useRef<number | null>(null);
  openId.current = open?.id ?? null;
  const load = () => {
    void api.call('inbox.listConversations', {}).then((r) => setItems(r.items));
    void api.call('customers.suggestMatches', {}).then((r) => setMatches(r.items));
  };
  const refreshOpen = () => {
    if (openId.current !== null) void api.call('inbox.getConversation', { id: openId.current }).then(setOpen);
  };
  const show = async (id: number) => {
    await api.call('inbox.markRead', { id });
    setOpen(await api.call('inbox.getConversation', { id }));
    load();
  };
  useEffect(() => {
    load();
    // #/chats/7 opens conversation 7 (a notification's link).
    const linked = Number(/^#\/chats\/(\d+)$/.exec(window.location.hash)?.[1] ?? 0);
    if (linked) void show(linked);
    void api.call('channels.list', {}).then((r) => setChannels(r.items));
    return api.onEvent((event) => {
      if (event.type === 'inbox.message') {
        load();
        refreshOpen();
      }
      if (event.type === 'channels.status') setChannels((current) => current.map((c) => (c.kind === event.payload.kind ? event.payload : c)));
    });
  }, []);

  return (
    <section className="page" aria-labelledby="chats-title">
      <header className="page-header">
        <h1 id="chats-title">{t('chats.title')}</h1>
        <button type="button" className="button" onClick={() => setImporting(true)}>{t('chats.import')}</button>
      </header>
      {matches.length > 0 ? (
        <div className="card wide matches" aria-label={t('customers.samePerson')}>
          <strong>{t('customers.samePerson')}</strong>
          {matches.slice(0, 3).map((m) => (
            <span key={`${m.customerId}-${m.otherId}`} className="match">
              <bdi>{m.customerName}</bdi> · <bdi>{m.otherName}</bdi> <span className="muted">({t(`customers.reason.${m.reason}`)})</span>
              <button type="button" className="button button-quiet" onClick={() => void api.call('customers.link', { id: m.customerId, otherId: m.otherId }).then(load)}>{t('customers.link')}</button>
            </span>
          ))}
        </div>
      ) : null}
      {items && items.length === 0 ? <div className="empty-state"><p>{t('chats.empty')}</p></div> : (
        <div className="inbox">
          <ul className="conversation-list" aria-label={t('chats.title')}>
            {(items ?? []).map((c) => (
              <li key={c.id}>
                <button type="button" className={`conversation ${open?.id === c.id ? 'is-active' : ''}`} onClick={() => void show(c.id)}>
                  <span className={`channel channel-${c.channel}`}>{t(`channel.${c.channel}`)}</span>
                  <strong>{c.customerName || c.title}</strong>
                  {c.unreadCount > 0 ? <span className="badge badge-warn" aria-label={t('chats.unread', { count: c.unreadCount })}>{c.unreadCount}</span> : null}
                  <span className="muted clip-line">{c.lastMessageText}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="timeline">
            {open ? (
              <>
                <div className="page-header">
                  <h2>{open.customerName || open.title}</h2>
                  {open.customerId !== null ? <button type="button" className="button" onClick={() => setCustomerId(open.customerId)}>{t('customers.open')}</button> : null}
                </div>
                <ol className="messages">
                  {open.messages.map((m) => (
                    <li key={m.id} className={`message message-${m.direction}`}>
                      <span className={`channel channel-${m.channel}`}>{t(`channel.${m.channel}`)}</span>
                      {m.photos.length > 0 ? (
                        <div className="message-photos">
                          {m.photos.map((photo) => (
                            <img key={photo.id} src={photo.thumbUrl} alt={t('chats.photo', { name: m.author })} loading="lazy" />
                          ))}
                        </div>
                      ) : null}
                      {m.text && !(m.photos.length > 0 && m.text === '📷') ? <p>{m.text}</p> : null}
                      <span className="muted">{m.direction === 'out' ? t('chats.you') : m.author} · {dateTime(m.sentAt)}</span>
                      {m.direction === 'in' ? (
                        <button type="button" className="button button-quiet" onClick={() => setSeed({ text: m.text, channel: m.channel, customerId: open.customerId, customerName: open.customerName })}>
                          {t('chats.createOrder')}
                        </button>
                      ) : null}
                    </li>
                  ))}
                </ol>
                <Composer conversation={open} channels={channels} now={Date.now()} onSent={refreshOpen} />
              </>
            ) : <p className="muted">{t('chats.select')}</p>}
          </div>
        </div>
      )}
      {seed ? <NewOrderDialog seed={seed} onClose={() => setSeed(null)} onCreated={(id) => { setSeed(null); setOrderId(id); }} /> : null}
      {orderId !== null ? <OrderDialog orderId={orderId} onClose={() => setOrderId(null)} /> : null}
      {isImporting ? <ImportChatDialog onClose={() => { setImporting(false); load(); }} /> : null}
      {customerId !== null ? <CustomerDialog customerId={customerId} onClose={() => setCustomerId(null)} /> : null}
    </section>
  );
};
