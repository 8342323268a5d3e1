import type { Migration } from '../migrate';

// Kept in this file on purpose: a released migration's SQL never changes, whatever the deliveries become.
/** NEW, OLD or a table alias. */
type Row = string;

/** A day's stop as the delivery screen counts it: an order due that day, promised (not new, not cancelled). */
const stopOf = (where: string) => `
  SELECT o.id, o.delivery_date, coalesce(d.assignee, ''), coalesce(d.position, 0), coalesce(d.outcome, 'pending'), coalesce(d.zone, ''),
         max(0, o.total - o.paid), coalesce(d.cash_collected, 0)
    FROM orders o LEFT JOIN deliveries d ON d.order_id = o.id
   WHERE ${where} AND o.delivery_date IS NOT NULL AND o.status NOT IN ('new', 'cancelled')`;
const STOP_COLUMNS = 'order_id, day, assignee, position, outcome, zone, to_collect, collected';

/** Takes the order's stop out and puts it back as the ledger now says: its rows' triggers move the day's counts. */
const refresh = (orderId: string) => `
  DELETE FROM rollup_delivery_stops WHERE order_id = ${orderId};
  INSERT INTO rollup_delivery_stops (${STOP_COLUMNS}) ${stopOf(`o.id = ${orderId}`)};`;

const addStop = (r: Row) => `
  INSERT INTO rollup_delivery_people (day, assignee, stops, pending, delivered, failed, to_collect, collected)
    VALUES (${r}.day, ${r}.assignee, 1, ${r}.outcome = 'pending', ${r}.outcome = 'delivered', ${r}.outcome = 'failed',
            CASE WHEN ${r}.outcome = 'pending' THEN ${r}.to_collect ELSE 0 END, ${r}.collected)
    ON CONFLICT (day, assignee) DO UPDATE SET stops = stops + 1, pending = pending + excluded.pending, delivered = delivered + excluded.delivered,
      failed = failed + excluded.failed, to_collect = to_collect + excluded.to_collect, collected = collected + excluded.collected;
  INSERT INTO rollup_delivery_zones (day, assignee, zone, stops) SELECT ${r}.day, ${r}.assignee, ${r}.zone, 1 WHERE ${r}.zone <> ''
    ON CONFLICT (day, assignee, zone) DO UPDATE SET stops = stops + 1;
  INSERT INTO rollup_delivery_packing (day, assignee, name, name_key, quantity)
    SELECT ${r}.day, ${r}.assignee, name, chasqui_name_key(name), sum(quantity) FROM order_items
     WHERE order_id = ${r}.order_id AND ${r}.outcome = 'pending' GROUP BY name
    ON CONFLICT (day, assignee, name) DO UPDATE SET quantity = quantity + excluded.quantity;`;

const removeStop = (r: Row) => {
  const person = `day = ${r}.day AND assignee = ${r}.assignee`;
  const lines = `name IN (SELECT name FROM order_items WHERE order_id = ${r}.order_id)`;
  return `
  UPDATE rollup_delivery_people SET stops = stops - 1, pending = pending - (${r}.outcome = 'pending'), delivered = delivered - (${r}.outcome = 'delivered'),
      failed = failed - (${r}.outcome = 'failed'), to_collect = to_collect - CASE WHEN ${r}.outcome = 'pending' THEN ${r}.to_collect ELSE 0 END,
      collected = collected - ${r}.collected
    WHERE ${person};
  DELETE FROM rollup_delivery_people WHERE ${person} AND stops = 0;
  UPDATE rollup_delivery_zones SET stops = stops - 1 WHERE ${person} AND zone = ${r}.zone;
  DELETE FROM rollup_delivery_zones WHERE ${person} AND zone = ${r}.zone AND stops = 0;
  UPDATE rollup_delivery_packing SET quantity = quantity - (SELECT sum(i.quantity) FROM order_items i WHERE i.order_id = ${r}.order_id AND i.name = rollup_delivery_packing.name)
    WHERE ${r}.outcome = 'pending' AND ${person} AND ${lines};
  DELETE FROM rollup_delivery_packing WHERE ${person} AND ${lines} AND quantity = 0;`;
};

/** One order line, `r` being the line: it is packed only while its order is a stop still to deliver. */
const lineChange = (r: Row, sign: '+' | '-') => {
  const stop = `FROM rollup_delivery_stops s WHERE s.order_id = ${r}.order_id AND s.outcome = 'pending'`;
  if (sign === '+') {
    return `
  INSERT INTO rollup_delivery_packing (day, assignee, name, name_key, quantity)
    SELECT s.day, s.assignee, ${r}.name, chasqui_name_key(${r}.name), ${r}.quantity ${stop}
    ON CONFLICT (day, assignee, name) DO UPDATE SET quantity = quantity + excluded.quantity;`;
  }
  const key = `day = (SELECT s.day ${stop}) AND assignee = (SELECT s.assignee ${stop}) AND name = ${r}.name`;
  return `
  UPDATE rollup_delivery_packing SET quantity = quantity - ${r}.quantity WHERE ${key};
  DELETE FROM rollup_delivery_packing WHERE ${key} AND quantity = 0;`;
};

const isPromised = (r: Row) => `(${r}.status NOT IN ('new', 'cancelled'))`;
const owed = (r: Row) => `max(0, ${r}.total - ${r}.paid)`;

export const m0035: Migration = {
  version: 35,
  name: 'delivery rollups',
  sql: /* sql */ `
    -- The delivery screen's day, kept as the orders and stops change instead of read from every
    -- stop each time it opens: a day of 500 stops answers like a day of 50. The stops themselves
    -- (one row per promised order with a delivery day, in the seller's order), and from them the
    -- day by person, the zones each person covers and what to pack for the stops still to deliver.
    -- Kept by the triggers below in the same write; rebuildRollups (reports/rollups.ts) gives the
    -- same rows from the ledger and checks them.
    CREATE TABLE rollup_delivery_stops (
      order_id INTEGER PRIMARY KEY,
      day TEXT NOT NULL,
      assignee TEXT NOT NULL,
      position INTEGER NOT NULL,
      outcome TEXT NOT NULL,
      zone TEXT NOT NULL,
      to_collect INTEGER NOT NULL,
      collected INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX rollup_delivery_stops_day ON rollup_delivery_stops (day, assignee, position, order_id);
    CREATE TABLE rollup_delivery_people (
      day TEXT NOT NULL,
      assignee TEXT NOT NULL,
      stops INTEGER NOT NULL,
      pending INTEGER NOT NULL,
      delivered INTEGER NOT NULL,
      failed INTEGER NOT NULL,
      to_collect INTEGER NOT NULL,
      collected INTEGER NOT NULL,
      PRIMARY KEY (day, assignee)
    ) WITHOUT ROWID, STRICT;
    CREATE TABLE rollup_delivery_zones (
      day TEXT NOT NULL,
      assignee TEXT NOT NULL,
      zone TEXT NOT NULL,
      stops INTEGER NOT NULL,
      PRIMARY KEY (day, assignee, zone)
    ) WITHOUT ROWID, STRICT;
    -- name_key (chasqui_name_key) lists the lines in the catalog's order, one page at a time.
    CREATE TABLE rollup_delivery_packing (
      day TEXT NOT NULL,
      assignee TEXT NOT NULL,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL,
      quantity INTEGER NOT NULL,
      PRIMARY KEY (day, assignee, name)
    ) WITHOUT ROWID, STRICT;
    CREATE INDEX rollup_delivery_packing_person ON rollup_delivery_packing (day, assignee, name_key, name, quantity);
    CREATE INDEX rollup_delivery_packing_day ON rollup_delivery_packing (day, name_key, name, quantity);

    -- Filled from the ledger before the triggers exist, so the fill does not run them row by row.
    INSERT INTO rollup_delivery_stops (${STOP_COLUMNS}) ${stopOf('1')};
    INSERT INTO rollup_delivery_people (day, assignee, stops, pending, delivered, failed, to_collect, collected)
      SELECT day, assignee, count(*), sum(outcome = 'pending'), sum(outcome = 'delivered'), sum(outcome = 'failed'),
             sum(CASE WHEN outcome = 'pending' THEN to_collect ELSE 0 END), sum(collected)
        FROM rollup_delivery_stops GROUP BY 1, 2;
    INSERT INTO rollup_delivery_zones (day, assignee, zone, stops)
      SELECT day, assignee, zone, count(*) FROM rollup_delivery_stops WHERE zone <> '' GROUP BY 1, 2, 3;
    INSERT INTO rollup_delivery_packing (day, assignee, name, name_key, quantity)
      SELECT s.day, s.assignee, i.name, chasqui_name_key(i.name), sum(i.quantity)
        FROM rollup_delivery_stops s JOIN order_items i ON i.order_id = s.order_id WHERE s.outcome = 'pending' GROUP BY 1, 2, 3;

    CREATE TRIGGER rollup_delivery_stops_insert AFTER INSERT ON rollup_delivery_stops BEGIN ${addStop('NEW')} END;
    CREATE TRIGGER rollup_delivery_stops_delete AFTER DELETE ON rollup_delivery_stops BEGIN ${removeStop('OLD')} END;

    CREATE TRIGGER rollup_delivery_order_insert AFTER INSERT ON orders WHEN NEW.delivery_date IS NOT NULL BEGIN ${refresh('NEW.id')} END;
    CREATE TRIGGER rollup_delivery_order_delete AFTER DELETE ON orders BEGIN DELETE FROM rollup_delivery_stops WHERE order_id = OLD.id; END;
    CREATE TRIGGER rollup_delivery_order_update AFTER UPDATE OF delivery_date, status, total, paid ON orders
      WHEN (OLD.delivery_date IS NOT NULL OR NEW.delivery_date IS NOT NULL)
        AND (OLD.delivery_date IS NOT NEW.delivery_date OR ${isPromised('OLD')} <> ${isPromised('NEW')} OR ${owed('OLD')} <> ${owed('NEW')})
      BEGIN ${refresh('NEW.id')} END;

    CREATE TRIGGER rollup_delivery_insert AFTER INSERT ON deliveries BEGIN ${refresh('NEW.order_id')} END;
    CREATE TRIGGER rollup_delivery_delete AFTER DELETE ON deliveries BEGIN ${refresh('OLD.order_id')} END;
    CREATE TRIGGER rollup_delivery_update AFTER UPDATE OF assignee, outcome, zone, cash_collected ON deliveries
      WHEN OLD.assignee <> NEW.assignee OR OLD.outcome <> NEW.outcome OR OLD.zone <> NEW.zone OR OLD.cash_collected <> NEW.cash_collected
      BEGIN ${refresh('NEW.order_id')} END;
    -- Moving a stop up or down changes no count: only its place.
    CREATE TRIGGER rollup_delivery_position AFTER UPDATE OF position ON deliveries WHEN OLD.position <> NEW.position BEGIN
      UPDATE rollup_delivery_stops SET position = NEW.position WHERE order_id = NEW.order_id;
    END;

    CREATE TRIGGER rollup_delivery_items_insert AFTER INSERT ON order_items BEGIN ${lineChange('NEW', '+')} END;
    CREATE TRIGGER rollup_delivery_items_delete AFTER DELETE ON order_items BEGIN ${lineChange('OLD', '-')} END;
    CREATE TRIGGER rollup_delivery_items_update AFTER UPDATE OF order_id, name, quantity ON order_items
      BEGIN ${lineChange('OLD', '-')} ${lineChange('NEW', '+')} END;
  `,
};
