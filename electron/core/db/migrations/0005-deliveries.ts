import type { Migration } from '../migrate';

export const m0005: Migration = {
  version: 5,
  name: 'deliveries',
  sql: /* sql */ `
    CREATE TABLE deliveries (
      order_id INTEGER PRIMARY KEY REFERENCES orders (id),
      method TEXT NOT NULL DEFAULT 'delivery' CHECK (method IN ('delivery', 'pickup')),
      address TEXT NOT NULL DEFAULT '',
      reference TEXT NOT NULL DEFAULT '',
      zone TEXT NOT NULL DEFAULT '',
      contact_phone TEXT NOT NULL DEFAULT '',
      time_window TEXT NOT NULL DEFAULT '',
      assignee TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      -- The seller's order of stops within a day and person.
      position INTEGER NOT NULL DEFAULT 0,
      outcome TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'delivered', 'failed')),
      failure_reason TEXT NOT NULL DEFAULT '',
      finished_at INTEGER
    ) STRICT;
  `,
};
