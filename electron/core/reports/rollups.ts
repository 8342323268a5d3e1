import type { Db } from '../db/open';

/**
 * The rollups as the ledger says they should be, one SELECT per table (migration 0019 keeps them
 * with triggers). `rebuildRollups` fills the tables from these; `rollupDifferences` compares.
 */
const zone = "(SELECT value FROM settings WHERE key = 'timeZone')";
const day = `shop_day(o.created_at, ${zone})`;
const channel = "CASE WHEN o.live_id IS NOT NULL AND o.channel IN ('instagram', 'facebook') THEN o.channel || '_live' ELSE o.channel END";
const sold = "o.status <> 'cancelled'";
const customerDays = `SELECT o.customer_id, ${day} AS day, count(*) AS orders, sum(o.total) AS revenue, min(o.created_at) AS first_at, max(o.created_at) AS last_at
  FROM orders o WHERE ${sold} AND o.customer_id IS NOT NULL GROUP BY 1, 2`;
const customers = `SELECT customer_id, sum(orders) AS orders, sum(revenue) AS revenue, min(first_at) AS first_at, max(last_at) AS last_at, min(day) AS first_day, max(day) AS last_day
  FROM (${customerDays}) GROUP BY customer_id`;
const productsBy = (period: string) => `SELECT ${period}, i.variant_id, ${channel}, sum(i.quantity), sum(i.quantity * i.unit_price)
  FROM order_items i JOIN orders o ON o.id = i.order_id WHERE ${sold} GROUP BY 1, 2, 3`;

const fromLedger = {
  rollup_sales: `SELECT ${day}, ${channel}, count(*), sum(o.total), sum((SELECT coalesce(sum(quantity), 0) FROM order_items WHERE order_id = o.id)), sum(o.paid),
      sum(CASE WHEN o.customer_id IS NULL THEN 0 ELSE o.total END)
    FROM orders o WHERE ${sold} GROUP BY 1, 2`,
  rollup_products_day: productsBy(day),
  rollup_products_month: productsBy(`substr(${day}, 1, 7)`),
  rollup_product_totals: `SELECT i.variant_id, sum(i.quantity), sum(i.quantity * i.unit_price) FROM order_items i JOIN orders o ON o.id = i.order_id WHERE ${sold} GROUP BY 1`,
  rollup_customer_days: customerDays,
  rollup_customers: customers,
  rollup_buyer_days: `SELECT day, sum(f), sum(l), sum(r) FROM (
      SELECT first_day AS day, 1 AS f, 0 AS l, 0 AS r FROM (${customers}) UNION ALL SELECT last_day, 0, 1, orders >= 2 FROM (${customers}))
    GROUP BY day`,
} as const;

const columns: Record<keyof typeof fromLedger, string> = {
  rollup_sales: 'day, channel, orders, revenue, units, paid, customer_revenue',
  rollup_products_day: 'day, variant_id, channel, units, revenue',
  rollup_products_month: 'month, variant_id, channel, units, revenue',
  rollup_product_totals: 'variant_id, units, revenue',
  rollup_customer_days: 'customer_id, day, orders, revenue, first_at, last_at',
  rollup_customers: 'customer_id, orders, revenue, first_at, last_at, first_day, last_day',
  rollup_buyer_days: 'day, first_buyers, last_buyers, last_returning',
};

const tables = Object.keys(fromLedger) as (keyof typeof fromLedger)[];

/**
 * Empties the rollups and fills them again from orders and their lines. Runs inside the caller's
 * transaction: migration 0019, and a change of the shop's time zone (its days move).
 */
export const rebuildRollups = (db: Db): void => {
  // Triggers keep the product totals (from the months) and the buyer days (from the customers):
  // they are emptied after their sources and filled by those triggers.
  for (const table of tables) db.prepare(`DELETE FROM ${table}`).run();
  for (const table of tables) {
    if (table !== 'rollup_buyer_days' && table !== 'rollup_product_totals') db.prepare(`INSERT INTO ${table} (${columns[table]}) ${fromLedger[table]}`).run();
  }
};

/** Rows that differ between each rollup and a full recomputation from the ledger (none when they agree). */
export const rollupDifferences = (db: Db): Record<string, number> =>
  Object.fromEntries(
    tables.map((table) => {
      const stored = `SELECT ${columns[table]} FROM ${table}`;
      const ledger = `SELECT * FROM (${fromLedger[table]})`;
      const count = db.prepare<[], number>(`SELECT (SELECT count(*) FROM (${stored} EXCEPT ${ledger})) + (SELECT count(*) FROM (${ledger} EXCEPT ${stored}))`).pluck().get() ?? 0;
      return [table, count];
    }),
  );
