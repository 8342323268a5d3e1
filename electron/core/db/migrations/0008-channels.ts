import type { Migration } from '../migrate';

export const m0008: Migration = {
  version: 8,
  name: 'channel accounts',
  sql: /* sql */ `
    -- One row per channel the seller connected. Sessions and tokens are not here: they live
    -- encrypted under <dataDir>/channels, so backups and exports never carry them.
    CREATE TABLE channel_accounts (
      kind TEXT PRIMARY KEY CHECK (kind IN ('whatsapp', 'instagram', 'facebook', 'demo')),
      status TEXT NOT NULL,
      account TEXT NOT NULL DEFAULT '',
      detail TEXT NOT NULL DEFAULT '',
      -- Reconnect on start: the seller connected it and did not disconnect.
      is_wanted INTEGER NOT NULL DEFAULT 0 CHECK (is_wanted IN (0, 1)),
      linked_at INTEGER,
      updated_at INTEGER NOT NULL
    ) STRICT;

    -- Which adapter delivered the conversation, so a reply goes back the same way
    -- (the demo channel speaks as WhatsApp and Instagram customers). NULL: imported history.
    ALTER TABLE conversations ADD COLUMN via TEXT;

    -- Photos a customer sent (media ids, JSON), shown in the conversation.
    ALTER TABLE messages ADD COLUMN photo_ids TEXT NOT NULL DEFAULT '[]';
  `,
};
