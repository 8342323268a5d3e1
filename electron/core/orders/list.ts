import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { listOrdersArgs, OrderSummary } from '../../../shared/api/methods/orders';
import { capFor } from '../../../shared/api/schemas';
import { balanceDueOf, paymentState, type OrderChannel, type OrderStatus } from '../../../shared/domain/orders';
import type { Db } from '../db/open';
import { lazyPrefix, queryWords } from '../catalog/search';

type ListArgs = z.output<typeof listOrdersArgs>;

interface SummaryRow {
  id: number;
  number: string;
  status: OrderStatus;
  channel: OrderChannel;
  customer_name: string | null;
  items_text: string | null;
  recorded_by: string | null;
  total: number;
  paid: number;
  delivery_date: string | null;
  created_at: number;
}

const startOfDay = (date: string, timeZone: string): number => DateTime.fromISO(date, { zone: timeZone }).startOf('day').toMillis();

export interface OrdersPage {
  items: OrderSummary[];
  /** How many match in all; for a search, counted up to the cap (`isTotalCapped`). */
  total: number;
  isTotalCapped?: boolean;
}

const COLUMNS = `o.id, o.number, o.status, o.channel, c.name AS customer_name, o.total, o.paid, o.delivery_date, o.created_at,
  (SELECT group_concat(i.quantity || '× ' || i.name, ', ') FROM order_items i WHERE i.order_id = o.id) AS items_text,
  (SELECT p.name FROM record_actors r JOIN people p ON p.id = r.person_id WHERE r.table_name = 'orders' AND r.row_id = o.id) AS recorded_by`;

const toSummary = (row: SummaryRow): OrderSummary => ({
  id: row.id,
  number: row.number,
  status: row.status,
  channel: row.channel,
  customerName: row.customer_name ?? '',
  itemsText: row.items_text ?? '',
  recordedByName: row.recorded_by,
  total: row.total,
  paid: row.paid,
  balanceDue: balanceDueOf(row.status, row.total, row.paid),
  paymentState: paymentState(row.total, row.paid),
  deliveryDate: row.delivery_date,
  createdAt: row.created_at,
});

/** The filters other than the search, as SQL on indexed columns of `orders o`. */
const filtersOf = (args: ListArgs, timeZone: string): { where: string[]; params: (string | number)[] } => {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (args.status) (where.push('o.status = ?'), params.push(args.status));
  // A channel is one of three or four, and few orders are part-paid: told so, SQLite walks the newest
  // orders (or the owing ones) instead of reading every order to sort the matches (28 ms of 100,000).
  if (args.channel) (where.push('likelihood(o.channel = ?, 0.3)'), params.push(args.channel));
  if (args.customerId) (where.push('o.customer_id = ?'), params.push(args.customerId));
  if (args.recordedBy) {
    where.push("EXISTS (SELECT 1 FROM record_actors r WHERE r.table_name = 'orders' AND r.row_id = o.id AND r.person_id = ?)");
    params.push(args.recordedBy);
  }
  if (args.labelId) (where.push('o.id IN (SELECT order_id FROM order_labels WHERE label_id = ?)'), params.push(args.labelId));
  // A cancelled order is owed nothing: it is never "sin pagar" or "pago parcial".
  if (args.paymentState === 'unpaid') where.push("o.paid = 0 AND o.status <> 'cancelled'");
  if (args.paymentState === 'partial') where.push("likelihood(o.paid > 0, 0.05) AND o.paid < o.total AND o.status <> 'cancelled'");
  if (args.paymentState === 'paid') where.push('o.paid >= o.total AND o.paid > 0');
  if (args.from) (where.push('o.created_at >= ?'), params.push(startOfDay(args.from, timeZone)));
  if (args.to) (where.push('o.created_at < ?'), params.push(startOfDay(args.to, timeZone) + 86_400_000));
  return { where, params };
};

/**
 * One page of orders, newest first, and how many there are. Without a search the page walks the
 * index on the creation time; the count is exact for all orders, and goes up to the cap for a filter. A search reads the FTS5 index kept by triggers
 * (migration 0031): every word must start some word of the order (its number, its customer, its
 * products), accents and case ignored; newest order number first, as the index hands them out, so
 * no match is sorted. Its ids are read once, up to the cap (further once she scrolls there), for
 * both the page and the count.
 */
export const listOrdersPage = (db: Db, args: ListArgs, timeZone: string): OrdersPage => {
  const { where, params } = filtersOf(args, timeZone);
  const words = args.query ? queryWords(args.query) : [];
  if (words.length === 0) {
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows = db
      .prepare<(string | number)[], SummaryRow>(
        `SELECT ${COLUMNS} FROM (SELECT o.id FROM orders o ${clause} ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?) page
           JOIN orders o ON o.id = page.id LEFT JOIN customers c ON c.id = o.customer_id
          ORDER BY o.created_at DESC, o.id DESC`,
      )
      .all(...params, args.limit, args.offset);
    if (where.length === 0) return { items: rows.map(toSummary), total: Number(db.prepare('SELECT count(*) FROM orders').pluck().get()) };
    // A filter's matches are counted up to the cap, as a search's are: "sin pagar" is a quarter of every order.
    const cap = capFor(args.offset, args.limit);
    const counted = Number(db.prepare(`SELECT count(*) FROM (SELECT 1 FROM orders o ${clause} LIMIT ?)`).pluck().get(...params, cap + 1));
    return { items: rows.map(toSummary), ...(counted > cap ? { total: cap, isTotalCapped: true } : { total: counted }) };
  }
  const cap = capFor(args.offset, args.limit);
  const ids = db
    .prepare<(string | number)[], number>(
      `SELECT s.rowid FROM order_search s JOIN orders o ON o.id = s.rowid
        WHERE ${['order_search MATCH ?', ...where].join(' AND ')} ORDER BY s.rowid DESC LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(words.map((word) => lazyPrefix(db, 'order_search_terms', word)).join(' AND '), ...params, cap + 1 - args.offset, args.offset);
  // Past the end (the list shrank since the last page): counted again from the start.
  if (ids.length === 0 && args.offset > 0) return { ...listOrdersPage(db, { ...args, offset: 0, limit: 1 }, timeZone), items: [] };
  const rows = db
    .prepare<[string], SummaryRow>(
      `SELECT ${COLUMNS} FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
        WHERE o.id IN (SELECT value FROM json_each(?)) ORDER BY o.id DESC`,
    )
    .all(JSON.stringify(ids.slice(0, args.limit)));
  const counted = args.offset + ids.length;
  return { items: rows.map(toSummary), ...(counted > cap ? { total: cap, isTotalCapped: true } : { total: counted }) };
};
