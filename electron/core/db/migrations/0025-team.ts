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
      table_name TEXT NOT NULL CHECK (table_name IN ('orders', 'payments', 'stock_movements', 'order_events', 'messages', 'handoffs')),
      row_id INTEGER NOT NULL,
      person_id INTEGER NOT NULL REFERENCES people (id),
      PRIMARY KEY (table_name, row_id)
    ) WITHOUT ROWID, STRICT;
    CREATE INDEX record_actors_person ON record_actors (person_id, table_name, row_id);

    -- Handoffs: who answers a conversation, and notes addressed to a person ("cierra por WhatsApp").
    ALTER TABLE conversations ADD COLUMN assigned_person_id INTEGER REFERENCES people (id);
    CREATE TABLE handoffs (
      id INTEGER PRIMARY KEY,
      conversation_id INTEGER NOT NULL REFERENCES conversations (id),
      -- The note follows the customer to every channel of theirs; null while the chat has no customer.
      customer_id INTEGER REFERENCES customers (id),
      -- Null: for the owner.
      to_person_id INTEGER REFERENCES people (id),
      text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
      created_at INTEGER NOT NULL,
      done_at INTEGER
    ) STRICT;
    CREATE INDEX handoffs_to ON handoffs (to_person_id, done_at);
    CREATE INDEX handoffs_customer ON handoffs (customer_id, done_at);
    CREATE INDEX handoffs_conversation ON handoffs (conversation_id, done_at);
  `,
};
