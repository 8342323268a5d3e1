import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { listOrdersArgs, OrderSummary } from '../../../shared/api/methods/orders';
import { foldText } from '../../../shared/domain/catalog';
import { balanceDueOf, paymentState, type OrderChannel, type OrderStatus } from '../../../shared/domain/orders';
import type { Db } from '../db/open';

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

/** Filters run in SQL on indexed columns; one page is returned with the total count. */
export const listOrdersPage = (db: Db, args: ListArgs, timeZone: string): { items: OrderSummary[]; total: number } => {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (args.status) (where.push('o.status = ?'), params.push(args.status));
  if (args.channel) (where.push('o.channel = ?'), params.push(args.channel));
  if (args.customerId) (where.push('o.customer_id = ?'), params.push(args.customerId));
  if (args.recordedBy) {
    where.push("EXISTS (SELECT 1 FROM record_actors r WHERE r.table_name = 'orders' AND r.row_id = o.id AND r.person_id = ?)");
    params.push(args.recordedBy);
  }
  if (args.labelId) (where.push('o.id IN (SELECT order_id FROM order_labels WHERE label_id = ?)'), params.push(args.labelId));
  // A cancelled order is owed nothing: it is never "sin pagar" or "pago parcial".
  if (args.paymentState === 'unpaid') where.push("o.paid = 0 AND o.status <> 'cancelled'");
  if (args.paymentState === 'partial') where.push("o.paid > 0 AND o.paid < o.total AND o.status <> 'cancelled'");
  if (args.paymentState === 'paid') where.push('o.paid >= o.total AND o.paid > 0');
  if (args.from) (where.push('o.created_at >= ?'), params.push(startOfDay(args.from, timeZone)));
  if (args.to) (where.push('o.created_at < ?'), params.push(startOfDay(args.to, timeZone) + 86_400_000));
  if (args.query) {
    for (const word of foldText(args.query).split(/\s+/).filter(Boolean)) {
      where.push("o.search_text LIKE ? ESCAPE '\\'");
      params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = Number(db.prepare(`SELECT count(*) FROM orders o ${clause}`).pluck().get(...params));
  const rows = db
    .prepare<(string | number)[], SummaryRow>(
      `SELECT o.id, o.number, o.status, o.channel, c.name AS customer_name, o.total, o.paid, o.delivery_date, o.created_at,
              (SELECT group_concat(i.quantity || '× ' || i.name, ', ') FROM order_items i WHERE i.order_id = o.id) AS items_text,
              (SELECT p.name FROM record_actors r JOIN people p ON p.id = r.person_id WHERE r.table_name = 'orders' AND r.row_id = o.id) AS recorded_by
         FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
         ${clause}
        ORDER BY o.created_at DESC, o.id DESC
        LIMIT ? OFFSET ?`,
    )
    .all(...params, args.limit, args.offset);
  return {
    total,
    items: rows.map((row) => ({
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
    })),
  };
};
