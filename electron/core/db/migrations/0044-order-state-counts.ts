import type { Migration } from '../migrate';

const add = (r: string) => `
  INSERT INTO rollup_order_states (status, owing, orders) VALUES (${r}.status, ${r}.paid < ${r}.total, 1)
    ON CONFLICT (status, owing) DO UPDATE SET orders = orders + 1;`;
const remove = (r: string) => `
  UPDATE rollup_order_states SET orders = orders - 1 WHERE status = ${r}.status AND owing = (${r}.paid < ${r}.total);
  DELETE FROM rollup_order_states WHERE status = ${r}.status AND owing = (${r}.paid < ${r}.total) AND orders = 0;`;

export const m0044: Migration = {
  version: 44,
  name: 'orders counted by state',
  sql: /* sql */ `
    -- How many orders are in each state, owing or not: the sales board's column sizes. Counting them
    -- walked the 50,000 open orders of the large bench shop (and read 13,000 confirmed rows to tell
    -- "por pagar" from "pagado") each time the board opened. At most a dozen rows.
    CREATE TABLE rollup_order_states (
      status TEXT NOT NULL,
      owing INTEGER NOT NULL,
      orders INTEGER NOT NULL,
      PRIMARY KEY (status, owing)
    ) WITHOUT ROWID, STRICT;
    INSERT INTO rollup_order_states (status, owing, orders) SELECT status, paid < total, count(*) FROM orders GROUP BY 1, 2;

    CREATE TRIGGER rollup_order_states_insert AFTER INSERT ON orders BEGIN ${add('NEW')} END;
    CREATE TRIGGER rollup_order_states_delete AFTER DELETE ON orders BEGIN ${remove('OLD')} END;
    CREATE TRIGGER rollup_order_states_update AFTER UPDATE OF status, paid, total ON orders
      WHEN OLD.status <> NEW.status OR (OLD.paid < OLD.total) <> (NEW.paid < NEW.total)
      BEGIN ${remove('OLD')} ${add('NEW')} END;
  `,
};
