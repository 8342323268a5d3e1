import { useEffect, useRef, useState } from 'react';
import type { MethodResult } from '../../../shared/api/contract';
import { orderChannels, orderStatuses, type OrderChannel, type OrderStatus, type PaymentState } from '../../../shared/domain/orders';

const paymentStates: PaymentState[] = ['unpaid', 'partial', 'paid'];
import { api } from '../../api';
import { useT } from '../../i18n';
import { RecordedByFilter } from './RecordedByFilter';
import { NewOrderDialog } from './NewOrderDialog';
import { ReceivablesDialog } from '../payments/ReceivablesDialog';
import { OrderDialog } from './OrderDialog';
import { useAssigned, useLabels } from '../quick/useLabels';
import { LabelFilter } from '../quick/LabelFilter';
import { OrderRow } from './OrderRow';
import { BoardView } from '../board/BoardView';

/** Pages of 50 (two screens) keep a shop with 100,000 orders as quick to search as one with ten. */
const PAGE = 50;

export const OrdersPage = () => {
  const t = useT();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const [channel, setChannel] = useState<OrderChannel | ''>('');
  const [payment, setPayment] = useState<PaymentState | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [recordedBy, setRecordedBy] = useState<number | null>(null);
  const { labels } = useLabels();
  const [labelId, setLabelId] = useState<number | null>(null);
  const [result, setResult] = useState<MethodResult<'orders.list'> | null>(null);
  const [isCreating, setCreating] = useState(window.location.hash.includes('/nuevo'));
  // The board or the list, as she left it last time (#/pedidos/tablero opens the board).
  const [isBoard, setBoard] = useState(() => window.location.hash.includes('/tablero') || localStorage.getItem('chasqui.ordersView') === 'board');
  const showBoard = (value: boolean) => {
    localStorage.setItem('chasqui.ordersView', value ? 'board' : 'list');
    setBoard(value);
  };
  const [isCollecting, setCollecting] = useState(false);
  const filters = {
    ...(query.trim() ? { query: query.trim() } : {}),
    ...(status ? { status } : {}),
    ...(channel ? { channel } : {}),
    ...(payment ? { paymentState: payment } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(recordedBy ? { recordedBy } : {}),
    ...(labelId ? { labelId } : {}),
  };
  // #/pedidos/42 opens order 42 (a notification's link).
  const [openId, setOpenId] = useState<number | null>(() => Number(/^#\/pedidos\/(\d+)$/.exec(window.location.hash)?.[1] ?? 0) || null);

  const { assigned } = useAssigned('order', (result?.items ?? []).map((o) => o.id), result);
  const latestRequest = useRef(0);
  useEffect(() => {
    // Every keystroke asks at once (the list answers in a few milliseconds); only the newest answer may land.
    const load = () => {
      const seq = (latestRequest.current += 1);
      void api.call('orders.list', { ...filters, offset: 0, limit: PAGE }).then((r) => (seq === latestRequest.current ? setResult(r) : undefined));
    };
    load();
    return api.onEvent((event) => (event.type === 'orders.changed' ? load() : undefined));
    // The filters object is rebuilt from these values on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, status, channel, payment, from, to, recordedBy, labelId]);

  const loadMore = () =>
    void api.call('orders.list', { ...filters, offset: result?.items.length ?? 0, limit: PAGE }).then((page) =>
      setResult((current) => (current ? { ...page, items: [...current.items, ...page.items] } : page)),
    );

  return (
    <section className="page" aria-labelledby="orders-title">
      <header className="page-header">
        <h1 id="orders-title">{t('orders.title')}</h1>
        <div className="actions">
          <div className="view-switch" role="group" aria-label={t('board.view')}>
            <button type="button" aria-pressed={!isBoard} onClick={() => showBoard(false)}>{t('board.viewList')}</button>
            <button type="button" aria-pressed={isBoard} onClick={() => showBoard(true)}>{t('board.viewBoard')}</button>
          </div>
          <button type="button" className="button" onClick={() => setCollecting(true)}>💰 {t('receivables.open')}</button>
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>+ {t('orders.new')}</button>
        </div>
      </header>
      {isBoard ? <BoardView onOpen={setOpenId} /> : <>
      <div className="toolbar" role="search">
        <input type="search" className="search" value={query} placeholder={t('orders.search')} aria-label={t('common.search')} onChange={(e) => setQuery(e.target.value)} />
         <select aria-label={t('orders.status')} value={status} onChange={(e) => setStatus(orderStatuses.find((s) => s === e.target.value) ?? '')}>
          <option value="">{t('ordersTrust.allStatuses')}</option>
          {orderStatuses.map((s) => <option key={s} value={s}>{t(`orders.status.${s}`)}</option>)}
        </select>
        <select aria-label={t('orders.channel')} value={channel} onChange={(e) => setChannel(orderChannels.find((c) => c === e.target.value) ?? '')}>
          <option value="">{t('ordersTrust.allChannels')}</option>
          {orderChannels.map((c) => <option key={c} value={c}>{t(`channel.${c}`)}</option>)}
        </select>
        <select aria-label={t('orders.payments')} value={payment} onChange={(e) => setPayment(paymentStates.find((p) => p === e.target.value) ?? '')}>
          <option value="">{t('ordersTrust.allPayments')}</option>
          {paymentStates.map((p) => <option key={p} value={p}>{t(`orders.payment.${p}`)}</option>)}
        </select>
        <LabelFilter labels={labels} value={labelId} onChange={setLabelId} />
        <label className="field-inline"><span>{t('reports.from')}</span><input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label className="field-inline"><span>{t('reports.to')}</span><input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <RecordedByFilter value={recordedBy} onChange={setRecordedBy} />
        {result ? <span className="muted count">{result.isTotalCapped ? t('speedRest.ordersCountCapped', { count: result.total }) : result.total}</span> : null}
      </div>
      {result && result.items.length === 0 ? <p className="empty-results">{t('orders.empty')}</p> : null}
      {result && result.items.length > 0 ? (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">#</th><th scope="col">{t('orders.channel')}</th><th scope="col">{t('orders.customer')}</th><th scope="col">{t('orders.items')}</th>
                <th scope="col">{t('orders.delivery')}</th><th scope="col">{t('orders.status')}</th><th scope="col" className="num">{t('orders.total')}</th><th scope="col" className="num">{t('orders.due')}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((o) => <OrderRow key={o.id} order={o} labels={labels} labelIds={assigned.get(o.id)} onOpen={setOpenId} />)}
            </tbody>
          </table>
          {result.items.length < result.total ? (
            <div className="actions load-more"><button type="button" className="button" onClick={loadMore}>{result.isTotalCapped ? t('speedRest.ordersMore') : t('orders.loadMore', { count: result.total - result.items.length })}</button></div>
          ) : null}
        </div>
      ) : null}
      </>}
      {isCollecting ? <ReceivablesDialog onClose={() => setCollecting(false)} onOpenOrder={(id) => { setCollecting(false); setOpenId(id); }} /> : null}
      {isCreating ? <NewOrderDialog onClose={() => setCreating(false)} onCreated={(id) => { setCreating(false); setOpenId(id); }} /> : null}
      {openId !== null ? <OrderDialog orderId={openId} onClose={() => setOpenId(null)} /> : null}
    </section>
  );
};
