import type { Migration } from '../migrate';

export const m0004: Migration = {
  version: 4,
  name: 'inbox: identities, conversations, messages',
  sql: /* sql */ `
    -- Miguel on Instagram and Miguel on WhatsApp are one customer with two identities.
    CREATE TABLE customer_identities (
      id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers (id),
      channel TEXT NOT NULL CHECK (channel IN ('whatsapp', 'instagram', 'facebook')),
      external_id TEXT NOT NULL,
      display_name TEXT NOT NULL DEFAULT '',
      UNIQUE (channel, external_id)
    ) STRICT;
    CREATE INDEX customer_identities_customer ON customer_identities (customer_id);

    CREATE TABLE conversations (
      id INTEGER PRIMARY KEY,
      channel TEXT NOT NULL CHECK (channel IN ('whatsapp', 'instagram', 'facebook')),
      external_id TEXT NOT NULL,
      customer_id INTEGER REFERENCES customers (id),
      title TEXT NOT NULL DEFAULT '',
      last_message_at INTEGER NOT NULL DEFAULT 0,
      unread_count INTEGER NOT NULL DEFAULT 0 CHECK (unread_count >= 0),
      UNIQUE (channel, external_id)
    ) STRICT;
    CREATE INDEX conversations_recent ON conversations (last_message_at DESC);

    -- Unique on channel + external id: ingesting the same message twice changes nothing.
    CREATE TABLE messages (
      id INTEGER PRIMARY KEY,
      conversation_id INTEGER NOT NULL REFERENCES conversations (id),
      channel TEXT NOT NULL,
      external_id TEXT NOT NULL,
      direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
      author TEXT NOT NULL DEFAULT '',
      text TEXT NOT NULL DEFAULT '',
      sent_at INTEGER NOT NULL,
      UNIQUE (channel, external_id)
    ) STRICT;
    CREATE INDEX messages_conversation ON messages (conversation_id, sent_at);
  `,
};
