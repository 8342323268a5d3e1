import type { Migration } from '../migrate';

export const m0021: Migration = {
  version: 21,
  name: 'follow-ups and waiting lists',
  sql: /* sql */ `
    -- Pendientes are computed from the ledger and the chats; only what the seller said about one
    -- is kept. The key names the situation (order and moment), so a new one is never hidden.
    CREATE TABLE follow_up_marks (
      key TEXT PRIMARY KEY,
      state TEXT NOT NULL CHECK (state IN ('done', 'snoozed')),
      until INTEGER,
      updated_at INTEGER NOT NULL
    ) STRICT;

    -- "Avísame cuando llegue": who waits for which variant, until told or removed.
    CREATE TABLE waitlist (
      id INTEGER PRIMARY KEY,
      variant_id INTEGER NOT NULL REFERENCES variants (id),
      customer_id INTEGER NOT NULL REFERENCES customers (id),
      created_at INTEGER NOT NULL,
      notified_at INTEGER,
      removed_at INTEGER
    ) STRICT;
    CREATE UNIQUE INDEX waitlist_open ON waitlist (variant_id, customer_id) WHERE notified_at IS NULL AND removed_at IS NULL;
  `,
};
