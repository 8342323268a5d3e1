import { rebuildRollups } from '../../reports/rollups';
import type { Migration } from '../migrate';

// Kept in this file on purpose: a released migration's SQL never changes, whatever the reports become.
/** NEW, OLD or a table alias. */
type Row = string;
const day = (r: Row) => `shop_day(${r}.created_at, (SELECT value FROM settings WHERE key = 'timeZone'))`;
const channel = (r: Row) => `CASE WHEN ${r}.live_id IS NOT NULL AND ${r}.channel IN ('instagram', 'facebook') THEN ${r}.channel || '_live' ELSE ${r}.channel END`;
const sold = (r: Row) => `${r}.status <> 'cancelled'`;
const unitsOf = (r: Row) => `(SELECT coalesce(sum(quantity), 0) FROM order_items WHERE order_id = ${r}.id)`;

const addSale = (r: Row) => `
  INSERT INTO rollup_sales (day, channel, orders, revenue, units, paid, customer_revenue)
    SELECT ${day(r)}, ${channel(r)}, 1, ${r}.total, ${unitsOf(r)}, ${r}.paid, CASE WHEN ${r}.customer_id IS NULL THEN 0 ELSE ${r}.total END WHERE ${sold(r)}
    ON CONFLICT (day, channel) DO UPDATE SET orders = orders + 1, revenue = revenue + excluded.revenue, units = units + excluded.units,
      paid = paid + excluded.paid, customer_revenue = customer_revenue + excluded.customer_revenue;`;
const removeSale = (r: Row) => `
  UPDATE rollup_sales SET orders = orders - 1, revenue = revenue - ${r}.total, units = units - ${unitsOf(r)}, paid = paid - ${r}.paid,
      customer_revenue = customer_revenue - CASE WHEN ${r}.customer_id IS NULL THEN 0 ELSE ${r}.total END
    WHERE day = ${day(r)} AND channel = ${channel(r)} AND ${sold(r)};
  DELETE FROM rollup_sales WHERE day = ${day(r)} AND channel = ${channel(r)} AND orders = 0;`;

/** The order's lines under its day and channel, per variant, in the day and the month tables. */
const addOrderLines = (r: Row) =>
  (['day', 'month'] as const)
    .map((grain) => `
  INSERT INTO rollup_products_${grain} (${grain}, variant_id, channel, units, revenue)
    SELECT ${grain === 'day' ? day(r) : `substr(${day(r)}, 1, 7)`}, variant_id, ${channel(r)}, sum(quantity), sum(quantity * unit_price)
      FROM order_items WHERE order_id = ${r}.id AND ${sold(r)} GROUP BY variant_id
    ON CONFLICT (${grain}, variant_id, channel) DO UPDATE SET units = units + excluded.units, revenue = revenue + excluded.revenue;`)
    .join('');
const removeOrderLines = (r: Row) =>
  (['day', 'month'] as const)
    .map((grain) => {
      const key = `${grain} = ${grain === 'day' ? day(r) : `substr(${day(r)}, 1, 7)`} AND channel = ${channel(r)}`;
      const mine = `FROM order_items i WHERE i.order_id = ${r}.id AND i.variant_id = rollup_products_${grain}.variant_id`;
      return `
  UPDATE rollup_products_${grain} SET units = units - (SELECT sum(i.quantity) ${mine}), revenue = revenue - (SELECT sum(i.quantity * i.unit_price) ${mine})
    WHERE ${key} AND ${sold(r)} AND variant_id IN (SELECT variant_id FROM order_items WHERE order_id = ${r}.id);
  DELETE FROM rollup_products_${grain} WHERE ${key} AND units = 0;`;
    })
    .join('');

/** One order line, `r` being the line; its order is looked up (it never changes in the same statement). */
const lineChange = (r: Row, sign: '+' | '-') => {
  const order = `FROM orders o WHERE o.id = ${r}.order_id AND ${sold('o')}`;
  return (
    `
  UPDATE rollup_sales SET units = units ${sign} ${r}.quantity WHERE (day, channel) = (SELECT ${day('o')}, ${channel('o')} ${order});` +
    (['day', 'month'] as const)
      .map((grain) => {
        const period = grain === 'day' ? day('o') : `substr(${day('o')}, 1, 7)`;
        const key = `(${grain}, channel) = (SELECT ${period}, ${channel('o')} ${order}) AND variant_id = ${r}.variant_id`;
        return sign === '+'
          ? `
  INSERT INTO rollup_products_${grain} (${grain}, variant_id, channel, units, revenue)
    SELECT ${period}, ${r}.variant_id, ${channel('o')}, ${r}.quantity, ${r}.quantity * ${r}.unit_price ${order}
    ON CONFLICT (${grain}, variant_id, channel) DO UPDATE SET units = units + excluded.units, revenue = revenue + excluded.revenue;`
          : `
  UPDATE rollup_products_${grain} SET units = units - ${r}.quantity, revenue = revenue - ${r}.quantity * ${r}.unit_price WHERE ${key};
  DELETE FROM rollup_products_${grain} WHERE ${key} AND units = 0;`;
      })
      .join('')
  );
};

/** Recomputes a customer's all-time row from her days (a busy customer has a few hundred). */
const refreshCustomer = (id: string) => `
  INSERT INTO rollup_customers (customer_id, orders, revenue, first_at, last_at, first_day, last_day)
    SELECT ${id}, sum(orders), sum(revenue), min(first_at), max(last_at), min(day), max(day) FROM rollup_customer_days WHERE customer_id = ${id} HAVING count(*) > 0
    ON CONFLICT (customer_id) DO UPDATE SET orders = excluded.orders, revenue = excluded.revenue, first_at = excluded.first_at,
      last_at = excluded.last_at, first_day = excluded.first_day, last_day = excluded.last_day;
  DELETE FROM rollup_customers WHERE customer_id = ${id} AND NOT EXISTS (SELECT 1 FROM rollup_customer_days WHERE customer_id = ${id});`;
const addBuyer = (r: Row) => `
  INSERT INTO rollup_customer_days (customer_id, day, orders, revenue, first_at, last_at)
    SELECT ${r}.customer_id, ${day(r)}, 1, ${r}.total, ${r}.created_at, ${r}.created_at WHERE ${sold(r)} AND ${r}.customer_id IS NOT NULL
    ON CONFLICT (customer_id, day) DO UPDATE SET orders = orders + 1, revenue = revenue + excluded.revenue,
      first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at);
  ${refreshCustomer(`${r}.customer_id`)}`;
// The day's other orders of hers all lie between its first and last instant, so those are found by index.
const removeBuyer = (r: Row) => {
  const others = `FROM orders o WHERE o.customer_id = ${r}.customer_id AND o.status <> 'cancelled' AND o.id <> ${r}.id
        AND o.created_at BETWEEN rollup_customer_days.first_at AND rollup_customer_days.last_at`;
  return `
  UPDATE rollup_customer_days SET orders = orders - 1, revenue = revenue - ${r}.total,
      first_at = coalesce((SELECT min(o.created_at) ${others}), 0), last_at = coalesce((SELECT max(o.created_at) ${others}), 0)
    WHERE customer_id = ${r}.customer_id AND day = ${day(r)} AND ${sold(r)};
  DELETE FROM rollup_customer_days WHERE customer_id = ${r}.customer_id AND day = ${day(r)} AND orders = 0;
  ${refreshCustomer(`${r}.customer_id`)}`;
};

const countBuyer = (r: Row, sign: '+' | '-') =>
  sign === '+'
    ? `
  INSERT INTO rollup_buyer_days (day, first_buyers, last_buyers, last_returning) VALUES (${r}.first_day, 1, 0, 0)
    ON CONFLICT (day) DO UPDATE SET first_buyers = first_buyers + 1;
  INSERT INTO rollup_buyer_days (day, first_buyers, last_buyers, last_returning) VALUES (${r}.last_day, 0, 1, ${r}.orders >= 2)
    ON CONFLICT (day) DO UPDATE SET last_buyers = last_buyers + 1, last_returning = last_returning + excluded.last_returning;`
    : `
  UPDATE rollup_buyer_days SET first_buyers = first_buyers - 1 WHERE day = ${r}.first_day;
  UPDATE rollup_buyer_days SET last_buyers = last_buyers - 1, last_returning = last_returning - (${r}.orders >= 2) WHERE day = ${r}.last_day;
  DELETE FROM rollup_buyer_days WHERE day IN (${r}.first_day, ${r}.last_day) AND first_buyers = 0 AND last_buyers = 0;`;

const orderKeyChanged = `(OLD.status = 'cancelled') <> (NEW.status = 'cancelled') OR OLD.channel <> NEW.channel OR OLD.live_id IS NOT NEW.live_id OR OLD.created_at <> NEW.created_at`;

export const m0019: Migration = {
  version: 19,
  name: 'report rollups',
  sql: /* sql */ `
    -- Summaries the reports read instead of every order, kept by the triggers below in the same
    -- transaction as each write to orders and their lines; rebuilt from the ledger by rebuildRollups.
    -- "day" is the shop-local day (settings.timeZone); channel counts a live apart ('instagram_live').
    -- Cancelled orders are left out, as the reports leave them out.
    CREATE TABLE rollup_sales (
      day TEXT NOT NULL,
      channel TEXT NOT NULL,
      orders INTEGER NOT NULL,
      revenue INTEGER NOT NULL,
      units INTEGER NOT NULL,
      paid INTEGER NOT NULL,
      -- The part of revenue from orders with a customer: the lifetime values' sum up to a day.
      customer_revenue INTEGER NOT NULL,
      PRIMARY KEY (day, channel)
    ) WITHOUT ROWID, STRICT;

    -- A year of best sellers reads whole months plus the odd days at both ends.
    CREATE TABLE rollup_products_day (
      day TEXT NOT NULL,
      variant_id INTEGER NOT NULL,
      channel TEXT NOT NULL,
      units INTEGER NOT NULL,
      revenue INTEGER NOT NULL,
      PRIMARY KEY (day, variant_id, channel)
    ) WITHOUT ROWID, STRICT;
    CREATE TABLE rollup_products_month (
      month TEXT NOT NULL,
      variant_id INTEGER NOT NULL,
      channel TEXT NOT NULL,
      units INTEGER NOT NULL,
      revenue INTEGER NOT NULL,
      PRIMARY KEY (month, variant_id, channel)
    ) WITHOUT ROWID, STRICT;

    CREATE INDEX rollup_products_day_variant ON rollup_products_day (variant_id, day);
    CREATE INDEX rollup_products_month_variant ON rollup_products_month (variant_id, month);
    -- All time per variant, kept from the month table: the bound that lets a year's best sellers
    -- look at a few dozen variants instead of all of them.
    CREATE TABLE rollup_product_totals (
      variant_id INTEGER PRIMARY KEY,
      units INTEGER NOT NULL,
      revenue INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX rollup_product_totals_units ON rollup_product_totals (units DESC, revenue DESC, variant_id);

    CREATE TABLE rollup_customer_days (
      customer_id INTEGER NOT NULL,
      day TEXT NOT NULL,
      orders INTEGER NOT NULL,
      revenue INTEGER NOT NULL,
      first_at INTEGER NOT NULL,
      last_at INTEGER NOT NULL,
      PRIMARY KEY (customer_id, day)
    ) WITHOUT ROWID, STRICT;
    CREATE INDEX rollup_customer_days_day ON rollup_customer_days (day);
    CREATE TABLE rollup_customers (
      customer_id INTEGER PRIMARY KEY,
      orders INTEGER NOT NULL,
      revenue INTEGER NOT NULL,
      first_at INTEGER NOT NULL,
      last_at INTEGER NOT NULL,
      first_day TEXT NOT NULL,
      last_day TEXT NOT NULL
    ) STRICT;
    CREATE INDEX rollup_customers_value ON rollup_customers (revenue DESC, customer_id);
    -- Per day: customers whose first order, and whose last order so far, fell on it.
    CREATE TABLE rollup_buyer_days (
      day TEXT PRIMARY KEY,
      first_buyers INTEGER NOT NULL,
      last_buyers INTEGER NOT NULL,
      last_returning INTEGER NOT NULL
    ) WITHOUT ROWID, STRICT;

    -- The newest line of a best seller gives its name in the report without reading its older sales.
    CREATE INDEX order_items_variant ON order_items (variant_id, order_id);

    CREATE TRIGGER rollup_orders_insert AFTER INSERT ON orders BEGIN ${addSale('NEW')} ${addOrderLines('NEW')} ${addBuyer('NEW')} END;
    CREATE TRIGGER rollup_orders_delete AFTER DELETE ON orders BEGIN ${removeSale('OLD')} ${removeOrderLines('OLD')} ${removeBuyer('OLD')} END;
    CREATE TRIGGER rollup_orders_sales AFTER UPDATE OF status, channel, live_id, customer_id, total, paid, created_at ON orders
      WHEN ${orderKeyChanged} OR OLD.customer_id IS NOT NEW.customer_id OR OLD.total <> NEW.total OR OLD.paid <> NEW.paid
      BEGIN ${removeSale('OLD')} ${addSale('NEW')} END;
    CREATE TRIGGER rollup_orders_lines AFTER UPDATE OF status, channel, live_id, created_at ON orders WHEN ${orderKeyChanged}
      BEGIN ${removeOrderLines('OLD')} ${addOrderLines('NEW')} END;
    CREATE TRIGGER rollup_orders_buyers AFTER UPDATE OF status, customer_id, total, created_at ON orders
      WHEN (OLD.status = 'cancelled') <> (NEW.status = 'cancelled') OR OLD.customer_id IS NOT NEW.customer_id OR OLD.total <> NEW.total OR OLD.created_at <> NEW.created_at
      BEGIN ${removeBuyer('OLD')} ${addBuyer('NEW')} END;

    CREATE TRIGGER rollup_items_insert AFTER INSERT ON order_items BEGIN ${lineChange('NEW', '+')} END;
    CREATE TRIGGER rollup_items_delete AFTER DELETE ON order_items BEGIN ${lineChange('OLD', '-')} END;
    CREATE TRIGGER rollup_items_update AFTER UPDATE OF order_id, variant_id, quantity, unit_price ON order_items
      BEGIN ${lineChange('OLD', '-')} ${lineChange('NEW', '+')} END;

    CREATE TRIGGER rollup_products_month_insert AFTER INSERT ON rollup_products_month BEGIN
      INSERT INTO rollup_product_totals (variant_id, units, revenue) VALUES (NEW.variant_id, NEW.units, NEW.revenue)
        ON CONFLICT (variant_id) DO UPDATE SET units = units + excluded.units, revenue = revenue + excluded.revenue;
    END;
    CREATE TRIGGER rollup_products_month_update AFTER UPDATE ON rollup_products_month BEGIN
      UPDATE rollup_product_totals SET units = units - OLD.units, revenue = revenue - OLD.revenue WHERE variant_id = OLD.variant_id;
      INSERT INTO rollup_product_totals (variant_id, units, revenue) VALUES (NEW.variant_id, NEW.units, NEW.revenue)
        ON CONFLICT (variant_id) DO UPDATE SET units = units + excluded.units, revenue = revenue + excluded.revenue;
      DELETE FROM rollup_product_totals WHERE variant_id = OLD.variant_id AND units = 0;
    END;
    CREATE TRIGGER rollup_products_month_delete AFTER DELETE ON rollup_products_month BEGIN
      UPDATE rollup_product_totals SET units = units - OLD.units, revenue = revenue - OLD.revenue WHERE variant_id = OLD.variant_id;
      DELETE FROM rollup_product_totals WHERE variant_id = OLD.variant_id AND units = 0;
    END;

    CREATE TRIGGER rollup_customers_insert AFTER INSERT ON rollup_customers BEGIN ${countBuyer('NEW', '+')} END;
    CREATE TRIGGER rollup_customers_delete AFTER DELETE ON rollup_customers BEGIN ${countBuyer('OLD', '-')} END;
    CREATE TRIGGER rollup_customers_update AFTER UPDATE ON rollup_customers
      WHEN OLD.first_day <> NEW.first_day OR OLD.last_day <> NEW.last_day OR (OLD.orders >= 2) <> (NEW.orders >= 2)
      BEGIN ${countBuyer('OLD', '-')} ${countBuyer('NEW', '+')} END;
  `,
  run: rebuildRollups,
};
