import type { Migration } from '../migrate';

export const m0042: Migration = {
  version: 42,
  name: 'customer identities kept by their key',
  sql: /* sql */ `
    -- A customer's first message adds her identity: with a row id, that was three b-trees to write
    -- (the rows, the unique channel and id, the customer index) before the message is safe. Kept by
    -- channel and id themselves, it is two. Nothing refers to the row id.
    CREATE TABLE customer_identities_by_key (
      customer_id INTEGER NOT NULL REFERENCES customers (id),
      channel TEXT NOT NULL CHECK (channel IN ('whatsapp', 'instagram', 'facebook')),
      external_id TEXT NOT NULL,
      display_name TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (channel, external_id)
    ) WITHOUT ROWID, STRICT;
    INSERT INTO customer_identities_by_key (customer_id, channel, external_id, display_name)
      SELECT customer_id, channel, external_id, display_name FROM customer_identities;
    DROP TABLE customer_identities;
    ALTER TABLE customer_identities_by_key RENAME TO customer_identities;
    CREATE INDEX customer_identities_customer ON customer_identities (customer_id);
  `,
};
