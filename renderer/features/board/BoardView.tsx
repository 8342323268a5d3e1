import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import type { MethodResult } from '../../../shared/api/contract';
import { ChasquiError } from '../../../shared/api/errors';
import { boardColumns, stepsTo, type BoardCard, type BoardColumn } from '../../../shared/domain/board';
import { BOARD_PAGE } from '../../../shared/domain/board';
import { api } from '../../api';
import { localizedError } from '../../components/errors';
import { useLocale, useMoney } from '../../format';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';
import { PaymentDialog } from './PaymentDialog';
import './board.css';

const CARD_HEIGHT = 104;
type Counts = MethodResult<'board.list'>['counts'];
/** A column's cards by the offset of their page: the first page comes with the board, the rest as she scrolls. */
type Pages = Record<number, BoardCard[]>;

const emptyPages = (): Record<BoardColumn, Pages> => ({ new: {}, to_pay: {}, paid: {}, packed: {}, on_the_way: {}, delivered: {} });
const pageOf = (index: number) => index - (index % BOARD_PAGE);
const cardAt = (pages: Pages, index: number): BoardCard | undefined => pages[pageOf(index)]?.[index % BOARD_PAGE];

const Card = ({ card, onOpen, onMove }: { card: BoardCard; onOpen(id: number): void; onMove(card: BoardCard, to: BoardColumn): void }) => {
  const t = useT();
  const money = useMoney();
  const locale = useLocale();
  // A card is narrow: "30 nov." is enough to tell the delivery day.
  const day = (iso: string) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
  const targets = boardColumns.filter((c) => stepsTo(card.status, card.balanceDue, c) !== null);
  return (
    <article
      className="board-card"
      draggable
      data-order={card.number}
      aria-label={`${card.number} ${card.customerName}`}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', String(card.id));
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <div className="board-card-top">
        <button type="button" className="link-button" onClick={() => onOpen(card.id)}>{card.number}</button>
        {targets.length > 0 ? (
          <select className="board-move" aria-label={t('board.moveTo', { number: card.number })} value="" onChange={(e) => {
            const to = boardColumns.find((c) => c === e.target.value);
            if (to) onMove(card, to);
          }}>
            <option value="">{t('board.move')}</option>
            {targets.map((c) => <option key={c} value={c}>{t(`board.column.${c}`)}</option>)}
          </select>
        ) : null}
      </div>
      <div className="board-card-middle">
        <bdi className="board-card-name">{card.customerName || '—'}</bdi>
        <span className="muted small board-card-day">{card.deliveryDate ? day(card.deliveryDate) : t('board.noDay')}</span>
      </div>
      <div className="board-card-bottom">
        <strong className="board-card-total">{money(card.total)}</strong>
        {card.balanceDue > 0 ? <span className="badge badge-warn">{t('board.owes', { amount: money(card.balanceDue) })}</span> : <span className="badge badge-ok">{t('board.isPaid')}</span>}
      </div>
    </article>
  );
};

/**
 * One column scrolls on its own and renders only the cards in view; its cards come a page at a
 * time, so a column of 12,000 open orders is as light as one of 20.
 */
const Column = ({ column, count, pages, onNeed, onOpen, onMove, onDropCard }: { column: BoardColumn; count: number; pages: Pages; onNeed(column: BoardColumn, offset: number): void; onOpen(id: number): void; onMove(card: BoardCard, to: BoardColumn): void; onDropCard(id: number, to: BoardColumn): void }) => {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const [isOver, setOver] = useState(false);
  const virtual = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => CARD_HEIGHT, overscan: 6 });
  const shown = virtual.getVirtualItems();
  // The pages of the cards in view that have not come yet.
  const missing = [...new Set(shown.map((row) => pageOf(row.index)))].filter((offset) => pages[offset] === undefined).join(',');
  useEffect(() => {
    for (const offset of missing ? missing.split(',') : []) onNeed(column, Number(offset));
  }, [missing, column, onNeed]);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const id = Number(e.dataTransfer.getData('text/plain'));
    if (id > 0) onDropCard(id, column);
  };
  return (
    <section
      className={`board-column ${isOver ? 'is-over' : ''}`}
      aria-label={t(`board.column.${column}`)}
      data-column={column}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <h2 className="board-column-title">
        {t(`board.column.${column}`)} <span className="badge">{count}</span>
      </h2>
      <div className="board-column-body" ref={scroller}>
        {count === 0 ? <p className="muted small board-empty">{t('board.empty')}</p> : null}
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {shown.map((row) => {
            const card = cardAt(pages, row.index);
            return (
              <div key={card?.id ?? `slot-${row.index}`} className="board-slot" style={{ transform: `translateY(${row.start}px)`, height: CARD_HEIGHT }}>
                {card ? <Card card={card} onOpen={onOpen} onMove={onMove} /> : <div className="board-card is-loading" aria-hidden="true" />}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
};

export const BoardView = ({ onOpen }: { onOpen(id: number): void }) => {
  const t = useT();
  const money = useMoney();
  const savedIsPaymentRequired = useSettings((s) => s.settings.isPaymentRequiredBeforeDelivery);
  // Shown at once; the saved setting follows (and wins when it changes elsewhere).
  const [isPaymentRequired, setPaymentRequired] = useState(savedIsPaymentRequired);
  useEffect(() => setPaymentRequired(savedIsPaymentRequired), [savedIsPaymentRequired]);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [pages, setPages] = useState<Record<BoardColumn, Pages>>(() => emptyPages());
  /** Pages asked for and not yet back, so a scroll does not ask twice; cleared on every reload. */
  const asked = useRef(new Set<string>());
  const generation = useRef(0);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [paying, setPaying] = useState<BoardCard | null>(null);

  useEffect(() => {
    // The board afresh: every column's size and first page; pages further down come again as she scrolls there.
    const load = () => {
      const seq = (generation.current += 1);
      void api.call('board.list', {}).then((result) => {
        if (seq !== generation.current) return;
        asked.current.clear();
        setCounts(result.counts);
        const next = emptyPages();
        for (const column of boardColumns) next[column] = { 0: result.cards.filter((c) => c.column === column) };
        setPages(next);
      });
    };
    load();
    // A burst of order changes (an import, a live) is read once, a moment later.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = api.onEvent((event) => {
      if (event.type !== 'orders.changed' || timer !== null) return;
      timer = setTimeout(() => ((timer = null), load()), 100);
    });
    return () => {
      stop();
      if (timer !== null) clearTimeout(timer);
    };
  }, []);

  const columnName = (c: BoardColumn) => t(`board.column.${c}`);
  const refusal = (card: BoardCard, to: BoardColumn, error: unknown): string => {
    if (!(error instanceof ChasquiError)) return String(error);
    if (error.details?.reason === 'unpaid') return t('board.refusedUnpaid', { number: card.number, amount: money(card.balanceDue) });
    if (error.details?.reason === 'not_forward') return t('board.refusedBack', { number: card.number, column: columnName(to) });
    const local = localizedError(error, t);
    return local ? t('board.refusedStock', { number: card.number, reason: local }) : error.message;
  };

  const move = async (card: BoardCard, to: BoardColumn, payment?: { method: string; operationNumber: string }) => {
    if (to === 'paid' && card.balanceDue > 0 && !payment && stepsTo(card.status, card.balanceDue, to) !== null) {
      setPaying(card);
      return;
    }
    try {
      await api.call('board.move', { id: card.id, column: to, ...(payment ? { payment } : {}) });
      setMessage({ text: t('board.moved', { number: card.number, column: columnName(to) }), isError: false });
    } catch (error) {
      setMessage({ text: refusal(card, to, error), isError: true });
    }
  };
  const need = useCallback((column: BoardColumn, offset: number) => {
    const key = `${column}:${offset}`;
    if (asked.current.has(key)) return;
    asked.current.add(key);
    const seq = generation.current;
    void api.call('board.list', { column, offset }).then((result) => {
      if (seq !== generation.current) return;
      setCounts(result.counts);
      setPages((current) => ({ ...current, [column]: { ...current[column], [offset]: result.cards } }));
    });
  }, []);
  const byId = new Map(boardColumns.flatMap((column) => Object.values(pages[column]).flat()).map((c) => [c.id, c]));

  return (
    <div className="board-wrap">
      <div className="board-bar">
        <p className="muted small">{t('board.hint')}</p>
        <label className="field-inline">
          <input type="checkbox" checked={isPaymentRequired} onChange={(e) => {
            setPaymentRequired(e.target.checked);
            void api.call('settings.update', { isPaymentRequiredBeforeDelivery: e.target.checked });
          }} />
          <span>{t('board.requirePayment')}</span>
        </label>
      </div>
      <p role={message?.isError ? 'alert' : 'status'} className={message?.isError ? 'board-message is-error' : 'board-message'}>{message?.text ?? ''}</p>
      <div className="board">
        {boardColumns.map((column) => (
          <Column
            key={column}
            column={column}
            count={counts?.[column] ?? 0}
            pages={pages[column]}
            onNeed={need}
            onOpen={onOpen}
            onMove={(card, to) => void move(card, to)}
            onDropCard={(id, to) => {
              const card = byId.get(id);
              if (card && card.column !== to) void move(card, to);
            }}
          />
        ))}
      </div>
      {paying ? (
        <PaymentDialog
          card={paying}
          onClose={() => setPaying(null)}
          onPay={(payment) => {
            const card = paying;
            setPaying(null);
            void move(card, 'paid', payment);
          }}
        />
      ) : null}
    </div>
  );
};
