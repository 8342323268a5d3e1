import type { Migration } from '../migrate';

/**
 * Stock "en feria". Every movement now says where the units are: the shop (what online orders sell
 * from, cached in variants.stock as before) or the stall (cached in variants.stall_stock). Each is the
 * sum of its own movements; balance_after is the balance of that place. Two reasons are new:
 * to_stall ("a feria") and from_stall ("vuelve de feria").
 *
 * A CHECK cannot be altered in SQLite, so the append-only ledger is rebuilt: a new table, every row
 * copied with its own id (record_actors points at those ids), the old one dropped (a DROP fires no
 * trigger) and the new one renamed, with its index and append-only triggers made again. No table
 * references stock_movements, so foreign keys stay on and are checked as usual.
 */
export const m0026: Migration = {
  version: 26,
  name: 'stall stock and synced stall sales',
  sql: /* sql */ `
    CREATE TABLE stock_movements_new (
      id INTEGER PRIMARY KEY,
      variant_id INTEGER NOT NULL REFERENCES variants (id),
      delta INTEGER NOT NULL CHECK (delta <> 0),
      reason TEXT NOT NULL CHECK (reason IN ('initial', 'receive', 'sale', 'stall_sale', 'return', 'adjustment', 'to_stall', 'from_stall')),
      note TEXT NOT NULL DEFAULT '',
      balance_after INTEGER NOT NULL CHECK (balance_after >= 0),
      created_at INTEGER NOT NULL,
      order_id INTEGER REFERENCES orders (id),
      location TEXT NOT NULL DEFAULT 'shop' CHECK (location IN ('shop', 'stall'))
    ) STRICT;
    INSERT INTO stock_movements_new (id, variant_id, delta, reason, note, balance_after, created_at, order_id, location)
      SELECT id, variant_id, delta, reason, note, balance_after, created_at, order_id, 'shop' FROM stock_movements ORDER BY id;
    DROP TABLE stock_movements;
    ALTER TABLE stock_movements_new RENAME TO stock_movements;
    CREATE INDEX stock_movements_variant ON stock_movements (variant_id, id);
    CREATE INDEX stock_movements_stall ON stock_movements (variant_id) WHERE location = 'stall';
    CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements
    BEGIN SELECT RAISE(ABORT, 'stock_movements is append-only'); END;
    CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements
    BEGIN SELECT RAISE(ABORT, 'stock_movements is append-only'); END;

    -- Cache of the sum of the stall's movements, kept in the same transaction as each movement.
    ALTER TABLE variants ADD COLUMN stall_stock INTEGER NOT NULL DEFAULT 0 CHECK (stall_stock >= 0);
    CREATE INDEX variants_stall ON variants (id) WHERE stall_stock > 0;

    -- Every stall sale a phone sent, once: event_id is the phone's uuid, so a repeated sync finds it
    -- and changes nothing. Written in the same transaction as the sale's order and movements.
    CREATE TABLE stall_sales (
      id INTEGER PRIMARY KEY,
      event_id TEXT NOT NULL UNIQUE,
      device_id INTEGER,
      person_id INTEGER REFERENCES people (id),
      sold_at INTEGER NOT NULL,
      received_at INTEGER NOT NULL,
      payment_method TEXT NOT NULL,
      -- E.164, or '' when none was given.
      customer_phone TEXT NOT NULL DEFAULT '',
      -- [{ "variantId", "quantity", "unitPrice" }] as the phone sent them.
      lines TEXT NOT NULL CHECK (json_valid(lines)),
      -- What the first sync found: applied at once, or kept as a conflict for the owner.
      outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'conflict')),
      conflict_reason TEXT CHECK (conflict_reason IN ('no_units', 'unknown_variant')),
      order_id INTEGER REFERENCES orders (id),
      settled_as TEXT CHECK (settled_as IN ('applied', 'adjusted', 'dismissed')),
      settled_at INTEGER,
      settle_note TEXT NOT NULL DEFAULT '',
      CHECK (outcome = 'conflict' OR (order_id IS NOT NULL AND conflict_reason IS NULL AND settled_as IS NULL)),
      CHECK (outcome = 'applied' OR conflict_reason IS NOT NULL),
      CHECK ((settled_as IS NULL) = (settled_at IS NULL)),
      CHECK (settled_as IS NULL OR settled_as = 'dismissed' OR order_id IS NOT NULL)
    ) STRICT;
    CREATE INDEX stall_sales_open ON stall_sales (id) WHERE outcome = 'conflict' AND settled_as IS NULL;
  `,
};
