import type Database from 'better-sqlite3';
import { asksPriceOrProduct } from '../../inbox/asks';
import type { Migration } from '../migrate';

/** Every conversation's last message from the customer, as insertMessage keeps it from now on. */
export const fillLastIn = (db: Database.Database): void => {
  const rows = db
    .prepare<[], { id: number; message_id: number; sent_at: number; text: string }>(
      `SELECT c.id, m.id AS message_id, m.sent_at, m.text FROM conversations c
         JOIN messages m ON m.id = (SELECT m2.id FROM messages m2 WHERE m2.conversation_id = c.id AND m2.direction = 'in' ORDER BY m2.sent_at DESC, m2.id DESC LIMIT 1)`,
    )
    .all();
  const set = db.prepare('UPDATE conversations SET last_in_id = ?, last_in_at = ?, last_in_asks = ? WHERE id = ?');
  for (const row of rows) set.run(row.message_id, row.sent_at, asksPriceOrProduct(row.text) ? 1 : 0, row.id);
};

export const m0040: Migration = {
  version: 40,
  name: 'conversations last inbound message',
  sql: /* sql */ `
    -- The customer's last message in each chat, when it came and whether it asked for a price or a
    -- product: kept in the row every message already updates (no page more per message), so
    -- Pendientes finds the week's unanswered questions without reading thousands of messages.
    ALTER TABLE conversations ADD COLUMN last_in_id INTEGER;
    ALTER TABLE conversations ADD COLUMN last_in_at INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE conversations ADD COLUMN last_in_asks INTEGER NOT NULL DEFAULT 0 CHECK (last_in_asks IN (0, 1));
  `,
  run: fillLastIn,
};
