import type { Migration } from '../migrate';

export const m0006: Migration = {
  version: 6,
  name: 'paired devices',
  sql: /* sql */ `
    -- A family member's phone: its own revocable token, limited to the day's deliveries.
    CREATE TABLE devices (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      -- Only a hash is kept: a copied database does not hand out working tokens.
      token_hash TEXT NOT NULL UNIQUE,
      created_at INTEGER NOT NULL,
      last_seen_at INTEGER,
      revoked_at INTEGER
    ) STRICT;
  `,
};
