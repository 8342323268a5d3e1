import type { Migration } from '../migrate';

export const m0010: Migration = {
  version: 10,
  name: 'selling during lives',
  sql: /* sql */ `
    CREATE TABLE lives (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      -- Where she streams; claims may also be typed in by hand.
      channel TEXT NOT NULL CHECK (channel IN ('instagram', 'facebook', 'other')),
      status TEXT NOT NULL CHECK (status IN ('live', 'ended')),
      on_air_item_id INTEGER,
      hold_hours INTEGER NOT NULL CHECK (hold_hours BETWEEN 1 AND 168),
      -- The stream on the network (Instagram broadcast id, Facebook live video id), for its comments.
      external_id TEXT,
      last_comment_at INTEGER NOT NULL DEFAULT 0,
      started_at INTEGER NOT NULL,
      ended_at INTEGER,
      messages_queued_at INTEGER
    ) STRICT;

    CREATE TABLE live_items (
      id INTEGER PRIMARY KEY,
      live_id INTEGER NOT NULL REFERENCES lives (id),
      variant_id INTEGER NOT NULL REFERENCES variants (id),
      live_price INTEGER NOT NULL CHECK (live_price >= 0),
      position INTEGER NOT NULL,
      UNIQUE (live_id, variant_id)
    ) STRICT;

    -- A claim is a reservation: while 'reserved' it holds stock (see stock/repo.ts) until it is
    -- paid (an order) or expires, and the next on the waitlist takes it.
    CREATE TABLE live_claims (
      id INTEGER PRIMARY KEY,
      live_id INTEGER NOT NULL REFERENCES lives (id),
      live_item_id INTEGER NOT NULL REFERENCES live_items (id),
      variant_id INTEGER NOT NULL REFERENCES variants (id),
      customer_id INTEGER NOT NULL REFERENCES customers (id),
      channel TEXT NOT NULL,
      handle TEXT NOT NULL,
      comment TEXT NOT NULL DEFAULT '',
      quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 100),
      status TEXT NOT NULL CHECK (status IN ('reserved', 'waitlist', 'paid', 'expired', 'cancelled')),
      expires_at INTEGER,
      order_id INTEGER REFERENCES orders (id),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX live_claims_held ON live_claims (variant_id) WHERE status = 'reserved';
    CREATE INDEX live_claims_live ON live_claims (live_id, live_item_id, id);
    CREATE INDEX live_claims_due ON live_claims (expires_at) WHERE status = 'reserved';

    -- Every comment read from the stream, once; commenters are offered for quick manual claims.
    CREATE TABLE live_comments (
      id INTEGER PRIMARY KEY,
      live_id INTEGER NOT NULL REFERENCES lives (id),
      external_id TEXT NOT NULL,
      channel TEXT NOT NULL,
      handle TEXT NOT NULL,
      name TEXT NOT NULL DEFAULT '',
      text TEXT NOT NULL,
      claim_id INTEGER REFERENCES live_claims (id),
      created_at INTEGER NOT NULL,
      UNIQUE (channel, external_id)
    ) STRICT;

    -- A customer's timeline gathers all of their conversations.
    CREATE INDEX conversations_customer ON conversations (customer_id) WHERE customer_id IS NOT NULL;

    -- Orders that came from a live, so reports can show "Instagram live" apart.
    ALTER TABLE orders ADD COLUMN live_id INTEGER REFERENCES lives (id);
  `,
};
