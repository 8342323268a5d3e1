import type { Migration } from '../migrate';

export const m0009: Migration = {
  version: 9,
  name: 'consent, broadcasts and the outbox',
  sql: /* sql */ `
    -- Promotional messages go only to customers who said yes; "BAJA" says no before the next send.
    ALTER TABLE customers ADD COLUMN promo_consent TEXT NOT NULL DEFAULT 'unknown' CHECK (promo_consent IN ('unknown', 'opted_in', 'opted_out'));
    ALTER TABLE customers ADD COLUMN consent_at INTEGER;
    -- Where the answer came from: 'manual', 'message:whatsapp', 'import'…
    ALTER TABLE customers ADD COLUMN consent_source TEXT NOT NULL DEFAULT '';

    CREATE TABLE broadcasts (
      id INTEGER PRIMARY KEY,
      promotion_id INTEGER NOT NULL REFERENCES promotions (id),
      status TEXT NOT NULL CHECK (status IN ('draft', 'running', 'paused', 'done', 'cancelled')),
      targets TEXT NOT NULL,
      filter TEXT NOT NULL,
      publish_at INTEGER,
      pause_reason TEXT NOT NULL DEFAULT '',
      created_at INTEGER NOT NULL,
      started_at INTEGER,
      finished_at INTEGER
    ) STRICT;

    -- Every send is a row committed before the network call. A row left 'sending' by a crash
    -- becomes 'unknown' and is looked for in the chat before it is ever sent again.
    CREATE TABLE outbox (
      id INTEGER PRIMARY KEY,
      broadcast_id INTEGER REFERENCES broadcasts (id),
      target TEXT NOT NULL,
      -- The adapter it goes through (the demo channel stands in for WhatsApp in the demo shop).
      via TEXT NOT NULL,
      customer_id INTEGER REFERENCES customers (id),
      conversation_id INTEGER REFERENCES conversations (id),
      address TEXT NOT NULL DEFAULT '',
      text TEXT NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE,
      status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'unknown', 'skipped')),
      attempts INTEGER NOT NULL DEFAULT 0,
      error TEXT NOT NULL DEFAULT '',
      external_id TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      sent_at INTEGER
    ) STRICT;
    CREATE INDEX outbox_due ON outbox (status, id);
    CREATE INDEX outbox_broadcast ON outbox (broadcast_id, status);
    CREATE INDEX outbox_pacing ON outbox (via, sent_at) WHERE sent_at IS NOT NULL;
  `,
};
