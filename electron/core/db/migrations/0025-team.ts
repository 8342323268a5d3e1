import type { Migration } from '../migrate';

export const m0025: Migration = {
  version: 25,
  name: 'team and who did what',
  sql: /* sql */ `
    -- The people who help in the shop; the owner at her own computer needs no row.
    CREATE TABLE people (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('owner', 'seller', 'stall', 'delivery')),
      created_at INTEGER NOT NULL,
      removed_at INTEGER
    ) STRICT;

    -- Phones paired before the team existed have no person: they stay delivery phones.
    ALTER TABLE devices ADD COLUMN person_id INTEGER REFERENCES people (id);

    -- Who recorded an order, a payment, a stock movement, an order event or a sent message, when it
    -- was not the owner at her own computer. A side table, because the ledger tables are append-only.
    CREATE TABLE record_actors (
      table_name TEXT NOT NULL CHECK (table_name IN ('orders', 'payments', 'stock_movements', 'order_events', 'messages')),
      row_id INTEGER NOT NULL,
      person_id INTEGER NOT NULL REFERENCES people (id),
      PRIMARY KEY (table_name, row_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX record_actors_person ON record_actors (person_id, table_name, row_id);
  `,
};
