import { fail } from '../../../shared/api/errors';
import { columnOf, stepsTo, boardColumns, type BoardCard, type BoardColumn } from '../../../shared/domain/board';
import type { Db } from '../db/open';
import { balanceDueOf, type OrderStatus } from '../../../shared/domain/orders';
import type { Handlers } from '../context';
import { orderHandlers } from '../orders/handlers';
import { getOrder } from '../orders/repo';
import { followUpHandlers } from './followUps';
import { waitlistHandlers } from './waitlist';

const DAY = 86_400_000;

interface CardRow {
  id: number;
  number: string;
  status: OrderStatus;
  customer_name: string | null;
  total: number;
  paid: number;
  delivery_date: string | null;
  created_at: number;
}

/** Which orders each column holds, in SQL (columnOf in shared/domain/board.ts says the same of one order). */
const columnWhere: Record<BoardColumn, string> = {
  new: "o.status = 'new'",
  // Written as the index orders_board has it (migration 0037), so each is a range of it.
  to_pay: "o.status = 'confirmed' AND (o.paid < o.total) = 1",
  paid: "o.status = 'confirmed' AND (o.paid < o.total) = 0",
  packed: "o.status = 'prepared'",
  on_the_way: "o.status = 'on_the_way'",
  delivered: "o.status = 'delivered' AND o.updated_at >= @since",
};

const cardsOf = (db: Db, column: BoardColumn, since: number, limit: number, offset: number): BoardCard[] =>
  db
    .prepare<[{ since: number; limit: number; offset: number }], CardRow>(
      `SELECT o.id, o.number, o.status, c.name AS customer_name, o.total, o.paid, o.delivery_date, o.created_at
         FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
        WHERE ${columnWhere[column]}
        ORDER BY (o.delivery_date IS NULL), o.delivery_date, o.created_at, o.id LIMIT @limit OFFSET @offset`,
    )
    .all({ since, limit, offset })
    .map((row) => {
      const balanceDue = balanceDueOf(row.status, row.total, row.paid);
      return { id: row.id, number: row.number, status: row.status, column, customerName: row.customer_name ?? '', total: row.total, balanceDue, deliveryDate: row.delivery_date, createdAt: row.created_at };
    });

/** Every column's size: the open states from the kept counts (rollup_order_states, migration 0044), delivered from its index. */
const countsOf = (db: Db, since: number): Record<BoardColumn, number> => {
  const kept = db.prepare<[], { status: OrderStatus; owing: number; orders: number }>('SELECT status, owing, orders FROM rollup_order_states').all();
  const of = (status: OrderStatus, owing?: boolean) =>
    kept.filter((r) => r.status === status && (owing === undefined || (r.owing === 1) === owing)).reduce((sum, r) => sum + r.orders, 0);
  const delivered = db.prepare<[{ since: number }], number>(`SELECT count(*) FROM orders o WHERE ${columnWhere.delivered}`).pluck().get({ since }) ?? 0;
  return {
    new: of('new'),
    to_pay: of('confirmed', true),
    paid: of('confirmed', false),
    packed: of('prepared'),
    on_the_way: of('on_the_way'),
    delivered,
  };
};

export const boardHandlers = {
  'board.list': (ctx, args) => {
    const since = ctx.now() - args.deliveredDays * DAY;
    const counts = countsOf(ctx.db, since);
    // Each column's page is read on its own, by index, so thousands of open orders cost a page each.
    const cards = (args.column ? [args.column] : boardColumns).flatMap((column) => cardsOf(ctx.db, column, since, args.limit, args.offset));
    return { cards, counts };
  },

  'board.move': (ctx, args) => {
    const order = getOrder(ctx.db, args.id);
    const steps = stepsTo(order.status, order.balanceDue, args.column);
    if (steps === null) {
      return fail('conflict', `Order ${order.number} cannot go from ${columnOf(order.status, order.balanceDue) ?? order.status} to ${args.column} on the board`, {
        field: 'column',
        details: { reason: 'not_forward', from: columnOf(order.status, order.balanceDue), to: args.column },
      });
    }
    // The order's own handlers, step by step, inside this one transaction: a refused step undoes the others.
    let result = order;
    for (const step of steps) {
      if (step.kind === 'status') {
        result = orderHandlers['orders.setStatus'](ctx, { id: order.id, status: step.status, note: '' });
      } else {
        const payment = args.payment ?? fail('invalid_input', `payment: say how ${order.number} was paid to move it to "pagado"`, { field: 'payment', details: { reason: 'payment_needed', balanceDue: result.balanceDue } });
        result = orderHandlers['orders.addPayment'](ctx, { id: order.id, amount: result.balanceDue, method: payment.method, operationNumber: payment.operationNumber, note: '' });
      }
    }
    return result;
  },
  ...followUpHandlers,
  ...waitlistHandlers,
} satisfies Partial<Handlers>;
