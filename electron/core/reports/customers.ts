import type { CustomerRow } from '../../../shared/api/methods/reports';
import type { Db } from '../db/open';

interface Standing {
  customerId: number;
  orders: number;
  lifetimeValue: number;
  lastPurchaseAt: number;
}

const TOP = 20;

/**
 * A customer's standing at the end of the range for those who bought after it: her all-time row
 * less her later days. Nobody else needs adjusting, so a range that ends today adjusts no one.
 */
const standingsAtEnd = (db: Db, to: string): Map<number, Standing> => {
  const hasLater = db.prepare<[string], number>('SELECT 1 FROM rollup_customer_days INDEXED BY rollup_customer_days_day WHERE day > ? LIMIT 1').pluck().get(to) !== undefined;
  if (!hasLater) return new Map();
  return new Map(
    db
      .prepare<[string, string], Standing>(
        `SELECT c.customer_id AS customerId, c.orders - l.orders AS orders, c.revenue - l.revenue AS lifetimeValue,
                coalesce((SELECT d.last_at FROM rollup_customer_days d WHERE d.customer_id = c.customer_id AND d.day <= ? ORDER BY d.day DESC LIMIT 1), 0) AS lastPurchaseAt
           FROM (SELECT customer_id, sum(orders) AS orders, sum(revenue) AS revenue FROM rollup_customer_days WHERE day > ? GROUP BY customer_id) l
           JOIN rollup_customers c ON c.customer_id = l.customer_id`,
      )
      .all(to, to)
      .map((s) => [s.customerId, s]),
  );
};

/** The highest lifetime values at the end of the range, ties by customer number (as the list always had them). */
const topByValue = (db: Db, adjusted: Map<number, Standing>): Standing[] => {
  const top: Standing[] = [...adjusted.values()].filter((s) => s.orders > 0);
  let unadjusted = 0;
  for (const row of db
    .prepare<[], Standing>('SELECT customer_id AS customerId, orders, revenue AS lifetimeValue, last_at AS lastPurchaseAt FROM rollup_customers ORDER BY revenue DESC, customer_id')
    .iterate()) {
    if (adjusted.has(row.customerId)) continue;
    top.push(row);
    unadjusted += 1;
    if (unadjusted >= TOP) break;
  }
  return top.sort((a, b) => b.lifetimeValue - a.lifetimeValue || a.customerId - b.customerId).slice(0, TOP);
};

/**
 * Everything up to the end of the range (a report of March does not change when April's orders
 * arrive), read from the customers' rollups: per day, whose first and whose latest order fell on it.
 */
export const customersReport = (db: Db, from: string, to: string, start: number) => {
  const adjusted = standingsAtEnd(db, to);
  const days = db
    .prepare<[string, string], { newCustomers: number; lastHere: number; returningHere: number }>(
      `SELECT coalesce(sum(first_buyers), 0) AS newCustomers, coalesce(sum(last_buyers), 0) AS lastHere, coalesce(sum(last_returning), 0) AS returningHere
         FROM rollup_buyer_days WHERE day BETWEEN ? AND ?`,
    )
    .get(from, to) ?? { newCustomers: 0, lastHere: 0, returningHere: 0 };
  // A buyer of the range is one whose latest order by its end falls in it.
  const activeAdjusted = [...adjusted.values()].filter((s) => s.orders > 0 && s.lastPurchaseAt >= start);
  const buyers = days.lastHere + activeAdjusted.length;
  const returning = days.returningHere + activeAdjusted.filter((s) => s.orders >= 2).length;
  const lifetime = db
    .prepare<[string, string], { revenue: number; customers: number }>(
      `SELECT (SELECT coalesce(sum(customer_revenue), 0) FROM rollup_sales WHERE day <= ?) AS revenue,
              (SELECT coalesce(sum(first_buyers), 0) FROM rollup_buyer_days WHERE day <= ?) AS customers`,
    )
    .get(to, to) ?? { revenue: 0, customers: 0 };
  const top = topByValue(db, adjusted);
  const names = new Map(
    db
      .prepare<number[], { id: number; name: string }>(`SELECT id, name FROM customers WHERE id IN (${top.map(() => '?').join(', ') || 'NULL'})`)
      .all(...top.map((s) => s.customerId))
      .map((c) => [c.id, c.name]),
  );
  return {
    buyers,
    newCustomers: days.newCustomers,
    returningCustomers: returning,
    repeatRate: buyers ? returning / buyers : 0,
    averageLifetimeValue: lifetime.customers ? Math.round(lifetime.revenue / lifetime.customers) : 0,
    top: top.map(({ customerId, orders, lifetimeValue, lastPurchaseAt }): CustomerRow => ({ customerId, name: names.get(customerId) ?? '', orders, lifetimeValue, lastPurchaseAt })),
  };
};
