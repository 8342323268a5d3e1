import type { Migration } from '../migrate';
import { seedStarters } from '../../quick/seed';

export const m0020: Migration = {
  version: 20,
  name: 'quick replies, labels, automatic answers',
  sql: /* sql */ `
    CREATE TABLE quick_replies (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL COLLATE NOCASE UNIQUE,
      text TEXT NOT NULL,
      photo_ids TEXT NOT NULL DEFAULT '[]',
      product_id INTEGER REFERENCES products (id),
      -- 1 while it is the untouched ready-made reply (it may still switch language).
      is_starter INTEGER NOT NULL DEFAULT 0 CHECK (is_starter IN (0, 1)),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE labels (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL COLLATE NOCASE UNIQUE,
      color TEXT NOT NULL CHECK (color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
      -- The WhatsApp Business label it mirrors, once imported from her phone.
      wa_label_id TEXT UNIQUE,
      is_starter INTEGER NOT NULL DEFAULT 0 CHECK (is_starter IN (0, 1)),
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE conversation_labels (
      conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
      label_id INTEGER NOT NULL REFERENCES labels (id) ON DELETE CASCADE,
      PRIMARY KEY (conversation_id, label_id)
    ) STRICT;
    CREATE INDEX conversation_labels_label ON conversation_labels (label_id);

    CREATE TABLE order_labels (
      order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
      label_id INTEGER NOT NULL REFERENCES labels (id) ON DELETE CASCADE,
      PRIMARY KEY (order_id, label_id)
    ) STRICT;
    CREATE INDEX order_labels_label ON order_labels (label_id);

    -- One automatic answer per customer per shop-local day, whatever made it (away or greeting).
    CREATE TABLE auto_reply_log (
      customer_id INTEGER NOT NULL REFERENCES customers (id),
      day TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('away', 'greeting')),
      conversation_id INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (customer_id, day)
    ) STRICT;
  `,
  run: (db) => {
    // An existing English shop gets the English starters; a new shop is Spanish until the welcome says otherwise.
    const stored = db.prepare<[], string>("SELECT value FROM settings WHERE key = 'language'").pluck().get();
    // The migration's own moment is not a domain time; 0 marks "before she touched anything".
    seedStarters(db, stored === '"en"' ? 'en' : 'es', 0);
  },
};
