import { fail } from '../../../shared/api/errors';
import { columnOf, stepsTo, boardColumns, type BoardCard, type BoardColumn } from '../../../shared/domain/board';
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

export const boardHandlers = {
  'board.list': (ctx, args) => {
    // One indexed scan: 2,000 open orders are ~150 kB of cards, and the columns are virtualized on screen.
    const rows = ctx.db
      .prepare<[number], CardRow>(
        `SELECT o.id, o.number, o.status, c.name AS customer_name, o.total, o.paid, o.delivery_date, o.created_at
           FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
          WHERE o.status IN ('new', 'confirmed', 'prepared', 'on_the_way')
             OR (o.status = 'delivered' AND o.updated_at >= ?)
          ORDER BY (o.delivery_date IS NULL), o.delivery_date, o.created_at, o.id`,
      )
      .all(ctx.now() - args.deliveredDays * DAY);
    const counts = Object.fromEntries(boardColumns.map((c) => [c, 0])) as Record<BoardColumn, number>;
    const cards: BoardCard[] = [];
    for (const row of rows) {
      const balanceDue = balanceDueOf(row.status, row.total, row.paid);
      const column = columnOf(row.status, balanceDue);
      if (column === null) continue;
      counts[column] += 1;
      cards.push({ id: row.id, number: row.number, status: row.status, column, customerName: row.customer_name ?? '', total: row.total, balanceDue, deliveryDate: row.delivery_date, createdAt: row.created_at });
    }
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
