import type { Migration } from '../migrate';

export const m0002: Migration = {
  version: 2,
  name: 'customers, orders and payments',
  sql: /* sql */ `
    CREATE TABLE customers (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      -- E.164 ("+51987654321") or '' when unknown.
      phone TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      tags TEXT NOT NULL DEFAULT '[]',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX customers_phone ON customers (phone) WHERE phone <> '';

    CREATE TABLE orders (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      status TEXT NOT NULL CHECK (status IN ('new', 'confirmed', 'prepared', 'on_the_way', 'delivered', 'cancelled')),
      channel TEXT NOT NULL CHECK (channel IN ('whatsapp', 'instagram', 'facebook', 'stall', 'phone', 'other')),
      customer_id INTEGER REFERENCES customers (id),
      subtotal INTEGER NOT NULL CHECK (subtotal >= 0),
      discount INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),
      delivery_fee INTEGER NOT NULL DEFAULT 0 CHECK (delivery_fee >= 0),
      total INTEGER NOT NULL CHECK (total >= 0),
      -- Cache of the sum of payments, kept in the same transaction as each payment.
      paid INTEGER NOT NULL DEFAULT 0 CHECK (paid >= 0),
      delivery_date TEXT,
      note TEXT NOT NULL DEFAULT '',
      source_text TEXT NOT NULL DEFAULT '',
      -- Folded number, customer name and product names: the list searches one column, no joins.
      search_text TEXT NOT NULL DEFAULT '',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX orders_created ON orders (created_at DESC);
    CREATE INDEX orders_status ON orders (status, created_at DESC);
    CREATE INDEX orders_customer ON orders (customer_id, created_at DESC);
    CREATE INDEX orders_delivery ON orders (delivery_date) WHERE delivery_date IS NOT NULL;

    CREATE TABLE order_items (
      id INTEGER PRIMARY KEY,
      order_id INTEGER NOT NULL REFERENCES orders (id),
      variant_id INTEGER NOT NULL REFERENCES variants (id),
      sku TEXT NOT NULL,
      name TEXT NOT NULL,
      quantity INTEGER NOT NULL CHECK (quantity > 0),
      unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
      regular_price INTEGER NOT NULL CHECK (regular_price >= 0),
      position INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX order_items_order ON order_items (order_id);

    CREATE TABLE order_events (
      id INTEGER PRIMARY KEY,
      order_id INTEGER NOT NULL REFERENCES orders (id),
      type TEXT NOT NULL CHECK (type IN ('created', 'status', 'edited', 'payment')),
      status TEXT,
      note TEXT NOT NULL DEFAULT '',
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX order_events_order ON order_events (order_id, id);

    CREATE TABLE payments (
      id INTEGER PRIMARY KEY,
      order_id INTEGER NOT NULL REFERENCES orders (id),
      amount INTEGER NOT NULL CHECK (amount > 0),
      method TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX payments_order ON payments (order_id);

    ALTER TABLE stock_movements ADD COLUMN order_id INTEGER REFERENCES orders (id);

    CREATE TRIGGER order_events_no_change BEFORE UPDATE ON order_events
    BEGIN SELECT RAISE(ABORT, 'order_events is append-only'); END;
    CREATE TRIGGER order_events_no_delete BEFORE DELETE ON order_events
    BEGIN SELECT RAISE(ABORT, 'order_events is append-only'); END;
    CREATE TRIGGER payments_no_change BEFORE UPDATE ON payments
    BEGIN SELECT RAISE(ABORT, 'payments is append-only'); END;
    CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
    BEGIN SELECT RAISE(ABORT, 'payments is append-only'); END;
  `,
};
