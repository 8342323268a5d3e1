import type { Migration } from '../migrate';

/** The orders that still owe: every state but cancelled, so SQLite seeks each in the owing orders' index (0036). */
const owingOf = (customerId: string) =>
  `FROM orders WHERE status IN ('new', 'confirmed', 'prepared', 'on_the_way', 'delivered') AND customer_id = ${customerId} AND paid < total`;

/** One customer's row worked out again from her owing orders: a handful, found by index. */
const refresh = (customerId: string) => `
  DELETE FROM rollup_owing WHERE customer_id = ${customerId};
  INSERT INTO rollup_owing (customer_id, owed, orders, delivered_owed, delivered_orders, delivered_since)
    SELECT ${customerId}, sum(total - paid), count(*), sum(iif(status = 'delivered', total - paid, 0)), sum(status = 'delivered'),
           min(iif(status = 'delivered', created_at, NULL))
      ${owingOf(customerId)} HAVING count(*) > 0;`;

export const m0043: Migration = {
  version: 43,
  name: 'what each customer owes',
  sql: /* sql */ `
    -- What each customer owes, kept with every order write: in all (Por cobrar, most owed first) and
    -- on delivered orders (the balances of Pendientes). A row only while she owes something. Before,
    -- both screens added up the 25,000 owing orders of the large bench shop each time they opened.
    CREATE TABLE rollup_owing (
      customer_id INTEGER PRIMARY KEY,
      owed INTEGER NOT NULL,
      orders INTEGER NOT NULL,
      delivered_owed INTEGER NOT NULL,
      delivered_orders INTEGER NOT NULL,
      delivered_since INTEGER
    ) STRICT;
    CREATE INDEX rollup_owing_most ON rollup_owing (owed DESC, customer_id);
    CREATE INDEX rollup_owing_delivered ON rollup_owing (customer_id) WHERE delivered_orders > 0;

    INSERT INTO rollup_owing (customer_id, owed, orders, delivered_owed, delivered_orders, delivered_since)
      SELECT customer_id, sum(total - paid), count(*), sum(iif(status = 'delivered', total - paid, 0)), sum(status = 'delivered'),
             min(iif(status = 'delivered', created_at, NULL))
        FROM orders WHERE status <> 'cancelled' AND paid < total AND customer_id IS NOT NULL GROUP BY customer_id;

    CREATE TRIGGER rollup_owing_order_insert AFTER INSERT ON orders WHEN NEW.customer_id IS NOT NULL BEGIN ${refresh('NEW.customer_id')} END;
    CREATE TRIGGER rollup_owing_order_delete AFTER DELETE ON orders WHEN OLD.customer_id IS NOT NULL BEGIN ${refresh('OLD.customer_id')} END;
    CREATE TRIGGER rollup_owing_order_update_old AFTER UPDATE OF status, paid, total, customer_id, created_at ON orders
      WHEN OLD.customer_id IS NOT NULL AND OLD.customer_id IS NOT NEW.customer_id BEGIN ${refresh('OLD.customer_id')} END;
    CREATE TRIGGER rollup_owing_order_update_new AFTER UPDATE OF status, paid, total, customer_id, created_at ON orders
      WHEN NEW.customer_id IS NOT NULL BEGIN ${refresh('NEW.customer_id')} END;
  `,
};
