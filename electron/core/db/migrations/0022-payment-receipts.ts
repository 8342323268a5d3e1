import type { Migration } from '../migrate';

export const m0022: Migration = {
  version: 22,
  name: 'payment receipts, reminders and sales notes',
  sql: /* sql */ `
    -- The screenshot behind a payment: what was read from it, its perceptual hash for near copies,
    -- and whether she checked it in her own app ("verificado"); until then it is "comprobante recibido".
    CREATE TABLE payment_receipts (
      payment_id INTEGER PRIMARY KEY REFERENCES payments (id),
      order_id INTEGER NOT NULL REFERENCES orders (id),
      media_id TEXT NOT NULL,
      image_hash TEXT NOT NULL,
      amount INTEGER NOT NULL,
      operation_number TEXT NOT NULL DEFAULT '',
      payer_name TEXT NOT NULL DEFAULT '',
      paid_date TEXT,
      paid_time TEXT,
      app TEXT NOT NULL DEFAULT 'unknown',
      verified_at INTEGER,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX payment_receipts_media ON payment_receipts (media_id);
    CREATE INDEX payment_receipts_order ON payment_receipts (order_id);

    -- Por cobrar: when a reminder went to whom, so they are paced and "last reminder" is shown.
    CREATE TABLE payment_reminders (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers (id),
      message_id INTEGER,
      sent_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX payment_reminders_customer ON payment_reminders (customer_id, sent_at);

    -- Notas de venta, numbered per shop in the order they were first made; the number never changes.
    CREATE TABLE sales_notes (
      number INTEGER PRIMARY KEY,
      order_id INTEGER NOT NULL UNIQUE REFERENCES orders (id),
      created_at INTEGER NOT NULL
    ) STRICT;
  `,
};
