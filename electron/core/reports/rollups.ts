import { CONVERSION_DAYS } from '../../../shared/api/methods/reports';
import type { Db } from '../db/open';

/**
 * The rollups as the ledger says they should be, one SELECT per table (migration 0019 keeps them
 * with triggers). `rebuildRollups` fills the tables from these; `rollupDifferences` compares.
 */
const zone = "(SELECT value FROM settings WHERE key = 'timeZone')";
const day = `shop_day(o.created_at, ${zone})`;
const channel = "CASE WHEN o.live_id IS NOT NULL AND o.channel IN ('instagram', 'facebook') THEN o.channel || '_live' ELSE o.channel END";
const sold = "o.status <> 'cancelled'";
const WINDOW = CONVERSION_DAYS * 86_400_000;
/** The days a customer wrote in a conversation, and whether an order on its channel followed (migration 0030). */
const talkDays = `SELECT t.conversation_id, t.day, t.channel, t.first_in, t.last_in,
    EXISTS (SELECT 1 FROM conversations c JOIN orders o ON o.customer_id = c.customer_id
      WHERE c.id = t.conversation_id AND o.channel = t.channel AND o.live_id IS NULL AND o.status <> 'cancelled'
        AND o.created_at >= t.first_in AND o.created_at < t.last_in + ${WINDOW}) AS ordered
  FROM (SELECT m.conversation_id, shop_day(m.sent_at, ${zone}) AS day, c.channel, min(m.sent_at) AS first_in, max(m.sent_at) AS last_in
          FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.direction = 'in' GROUP BY 1, 2) t`;
const customerDays = `SELECT o.customer_id, ${day} AS day, count(*) AS orders, sum(o.total) AS revenue, min(o.created_at) AS first_at, max(o.created_at) AS last_at
  FROM orders o WHERE ${sold} AND o.customer_id IS NOT NULL GROUP BY 1, 2`;
const customers = `SELECT customer_id, sum(orders) AS orders, sum(revenue) AS revenue, min(first_at) AS first_at, max(last_at) AS last_at, min(day) AS first_day, max(day) AS last_day
  FROM (${customerDays}) GROUP BY customer_id`;
/** A day's stops for the delivery screen (migration 0035): promised orders with a delivery day. */
const deliveryStops = `SELECT o.id AS order_id, o.delivery_date AS day, coalesce(d.assignee, '') AS assignee, coalesce(d.position, 0) AS position,
    coalesce(d.outcome, 'pending') AS outcome, coalesce(d.zone, '') AS zone, max(0, o.total - o.paid) AS to_collect, coalesce(d.cash_collected, 0) AS collected
  FROM orders o LEFT JOIN deliveries d ON d.order_id = o.id WHERE o.delivery_date IS NOT NULL AND o.status NOT IN ('new', 'cancelled')`;
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
  rollup_talk_days: talkDays,
  rollup_talk: `SELECT day, channel, count(*), sum(ordered) FROM (${talkDays}) GROUP BY 1, 2`,
  rollup_stock_value: `SELECT 1, coalesce(sum((v.stock + v.stall_stock) * coalesce(v.cost, 0)), 0), coalesce(sum((v.stock + v.stall_stock) * v.price), 0), coalesce(sum(v.stock + v.stall_stock), 0)
    FROM variants v JOIN products p ON p.id = v.product_id WHERE v.is_archived = 0 AND p.is_archived = 0`,
  rollup_delivery_stops: deliveryStops,
  rollup_delivery_people: `SELECT day, assignee, count(*), sum(outcome = 'pending'), sum(outcome = 'delivered'), sum(outcome = 'failed'),
      sum(CASE WHEN outcome = 'pending' THEN to_collect ELSE 0 END), sum(collected)
    FROM (${deliveryStops}) GROUP BY 1, 2`,
  rollup_delivery_zones: `SELECT day, assignee, zone, count(*) FROM (${deliveryStops}) WHERE zone <> '' GROUP BY 1, 2, 3`,
  rollup_delivery_packing: `SELECT s.day, s.assignee, i.name, chasqui_name_key(i.name), sum(i.quantity)
    FROM (${deliveryStops}) s JOIN order_items i ON i.order_id = s.order_id WHERE s.outcome = 'pending' GROUP BY 1, 2, 3`,
  rollup_owing: `SELECT o.customer_id, sum(o.total - o.paid), count(*), sum(iif(o.status = 'delivered', o.total - o.paid, 0)), sum(o.status = 'delivered'),
      min(iif(o.status = 'delivered', o.created_at, NULL))
    FROM orders o WHERE ${sold} AND o.paid < o.total AND o.customer_id IS NOT NULL GROUP BY 1`,
  rollup_order_states: 'SELECT o.status, o.paid < o.total, count(*) FROM orders o GROUP BY 1, 2',
} as const;

const columns: Record<keyof typeof fromLedger, string> = {
  rollup_sales: 'day, channel, orders, revenue, units, paid, customer_revenue',
  rollup_products_day: 'day, variant_id, channel, units, revenue',
  rollup_products_month: 'month, variant_id, channel, units, revenue',
  rollup_product_totals: 'variant_id, units, revenue',
  rollup_customer_days: 'customer_id, day, orders, revenue, first_at, last_at',
  rollup_customers: 'customer_id, orders, revenue, first_at, last_at, first_day, last_day',
  rollup_buyer_days: 'day, first_buyers, last_buyers, last_returning',
  rollup_talk_days: 'conversation_id, day, channel, first_in, last_in, ordered',
  rollup_talk: 'day, channel, conversations, converted',
  rollup_stock_value: 'id, at_cost, at_price, units',
  rollup_delivery_stops: 'order_id, day, assignee, position, outcome, zone, to_collect, collected',
  rollup_delivery_people: 'day, assignee, stops, pending, delivered, failed, to_collect, collected',
  rollup_delivery_zones: 'day, assignee, zone, stops',
  rollup_delivery_packing: 'day, assignee, name, name_key, quantity',
  rollup_owing: 'customer_id, owed, orders, delivered_owed, delivered_orders, delivered_since',
  rollup_order_states: 'status, owing, orders',
};

export type RollupTable = keyof typeof fromLedger;
const tables = Object.keys(fromLedger) as RollupTable[];
/** Filled by triggers on another rollup as that one is filled: emptied, then left to them. */
const filledByTriggers: RollupTable[] = ['rollup_buyer_days', 'rollup_product_totals', 'rollup_delivery_people', 'rollup_delivery_zones', 'rollup_delivery_packing'];

/** The rollups this database has (a migration runs before the later ones have made theirs). */
const present = (db: Db, wanted: readonly RollupTable[]): RollupTable[] => {
  const existing = new Set(db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'rollup_%'").pluck().all());
  return wanted.filter((t) => existing.has(t));
};

/**
 * Empties the rollups and fills them again from the ledger (orders and their lines, messages,
 * variants, deliveries). Runs inside the caller's transaction: migration 0019 (0030 and 0035 fill theirs in SQL), a
 * change of the shop's time zone (its days move), and tests (`only` some of them).
 */
export const rebuildRollups = (db: Db, only: readonly RollupTable[] = tables): void => {
  const chosen = present(db, only);
  // Triggers keep the product totals (from the months), the buyer days (from the customers) and
  // the delivery days (from the stops): they are emptied after their sources and filled by those triggers.
  for (const table of chosen) db.prepare(`DELETE FROM ${table}`).run();
  for (const table of chosen) {
    if (!filledByTriggers.includes(table)) {
      // rollup_talk is kept by triggers from rollup_talk_days too: filled straight from the ledger, whatever those did.
      if (table === 'rollup_talk') db.prepare('DELETE FROM rollup_talk').run();
      db.prepare(`INSERT INTO ${table} (${columns[table]}) ${fromLedger[table]}`).run();
    }
  }
};

/** Rows that differ between each rollup and a full recomputation from the ledger (none when they agree). */
export const rollupDifferences = (db: Db): Record<string, number> =>
  Object.fromEntries(
    present(db, tables).map((table) => {
      const stored = `SELECT ${columns[table]} FROM ${table}`;
      const ledger = `SELECT * FROM (${fromLedger[table]})`;
      const count = db.prepare<[], number>(`SELECT (SELECT count(*) FROM (${stored} EXCEPT ${ledger})) + (SELECT count(*) FROM (${ledger} EXCEPT ${stored}))`).pluck().get() ?? 0;
      return [table, count];
    }),
  );
