import type { Migration } from '../migrate';
import { dayOf, refreshOrdered, WINDOW } from './0030-talk-stock-rollups';

/** Two days either side: a day written under another time zone than today's is still inside the range. */
const MARGIN = 2 * 86_400_000;

/**
 * An order (coming, going or changing) may convert the days its customer wrote on its channel in the
 * WINDOW before it: the same rows as 0030 picked through rollup_talk_days_last, found now by the
 * primary key's day range (the exact conditions still decide).
 */
const orderMoved = (r: string) =>
  refreshOrdered(`conversation_id IN (SELECT id FROM conversations WHERE customer_id = ${r}.customer_id AND channel = ${r}.channel)
      AND day BETWEEN ${dayOf(`${r}.created_at - ${WINDOW} - ${MARGIN}`)} AND ${dayOf(`${r}.created_at + ${MARGIN}`)}
      AND last_in > ${r}.created_at - ${WINDOW} AND first_in <= ${r}.created_at`);

export const m0041: Migration = {
  version: 41,
  name: 'talk days with fewer indexes',
  sql: /* sql */ `
    -- Every message from a customer rewrites its day's row in rollup_talk_days, and each index on it
    -- is one page more to write before the message is safe. Pendientes no longer reads this table
    -- (migration 0040), so its day index goes; the order triggers find a customer's recent days by
    -- the primary key instead of by rollup_talk_days_last.
    DROP INDEX rollup_talk_days_day;
    DROP INDEX rollup_talk_days_last;
    DROP TRIGGER rollup_talk_order_insert;
    DROP TRIGGER rollup_talk_order_delete;
    DROP TRIGGER rollup_talk_order_update;
    CREATE TRIGGER rollup_talk_order_insert AFTER INSERT ON orders WHEN NEW.customer_id IS NOT NULL BEGIN ${orderMoved('NEW')} END;
    CREATE TRIGGER rollup_talk_order_delete AFTER DELETE ON orders WHEN OLD.customer_id IS NOT NULL BEGIN ${orderMoved('OLD')} END;
    CREATE TRIGGER rollup_talk_order_update AFTER UPDATE OF status, channel, live_id, customer_id, created_at ON orders
      WHEN (OLD.status = 'cancelled') <> (NEW.status = 'cancelled') OR OLD.channel <> NEW.channel OR OLD.live_id IS NOT NEW.live_id
        OR OLD.customer_id IS NOT NEW.customer_id OR OLD.created_at <> NEW.created_at
      BEGIN ${orderMoved('OLD')} ${orderMoved('NEW')} END;
  `,
};
