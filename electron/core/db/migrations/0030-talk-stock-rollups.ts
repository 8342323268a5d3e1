import { CONVERSION_DAYS } from '../../../../shared/api/methods/reports';
import type { Migration } from '../migrate';

// Kept in this file on purpose: a released migration's SQL never changes, whatever the reports become.
/** NEW, OLD or a table name. */
type Row = string;
export const WINDOW = CONVERSION_DAYS * 86_400_000;
export const dayOf = (ms: string) => `shop_day(${ms}, (SELECT value FROM settings WHERE key = 'timeZone'))`;

/** Whether the day's conversation led to an order on its channel, from her first message that day to WINDOW after her last. */
const ordered = (t: Row) => `EXISTS (SELECT 1 FROM conversations c JOIN orders o ON o.customer_id = c.customer_id
    WHERE c.id = ${t}.conversation_id AND o.channel = ${t}.channel AND o.live_id IS NULL AND o.status <> 'cancelled'
      AND o.created_at >= ${t}.first_in AND o.created_at < ${t}.last_in + ${WINDOW})`;
export const refreshOrdered = (where: string) => `
  UPDATE rollup_talk_days SET ordered = ${ordered('rollup_talk_days')} WHERE ${where};`;

/** Whether an order of the conversation's customer on its channel came in [from, to). */
const orderBetween = (conversationId: string, channel: string, from: string, to: string) => `EXISTS (SELECT 1 FROM conversations c JOIN orders o ON o.customer_id = c.customer_id
    WHERE c.id = ${conversationId} AND o.channel = ${channel} AND o.live_id IS NULL AND o.status <> 'cancelled' AND o.created_at >= ${from} AND o.created_at < ${to})`;

/**
 * A message she wrote: her conversation's day starts or widens, in one statement (it runs for every
 * message that comes in). A day that widens can only gain an order, so one that had one keeps it.
 */
const addMessage = (r: Row) => `
  INSERT INTO rollup_talk_days (conversation_id, day, channel, first_in, last_in, ordered)
    SELECT ${r}.conversation_id, ${dayOf(`${r}.sent_at`)}, c.channel, ${r}.sent_at, ${r}.sent_at,
           ${orderBetween(`${r}.conversation_id`, 'c.channel', `${r}.sent_at`, `${r}.sent_at + ${WINDOW}`)}
      FROM conversations c WHERE c.id = ${r}.conversation_id
    ON CONFLICT (conversation_id, day) DO UPDATE SET first_in = min(first_in, excluded.first_in), last_in = max(last_in, excluded.last_in),
      ordered = ordered OR ${orderBetween('excluded.conversation_id', 'excluded.channel', 'min(rollup_talk_days.first_in, excluded.first_in)', `max(rollup_talk_days.last_in, excluded.last_in) + ${WINDOW}`)};`;

// The day's other messages of hers all lie between its first and last instant, so those are found by index.
const removeMessage = (r: Row) => {
  const key = `conversation_id = ${r}.conversation_id AND day = ${dayOf(`${r}.sent_at`)}`;
  const left = `FROM messages m WHERE m.conversation_id = ${r}.conversation_id AND m.direction = 'in' AND m.sent_at BETWEEN rollup_talk_days.first_in AND rollup_talk_days.last_in`;
  return `
  DELETE FROM rollup_talk_days WHERE ${key} AND NOT EXISTS (SELECT 1 ${left});
  UPDATE rollup_talk_days SET first_in = (SELECT min(m.sent_at) ${left}), last_in = (SELECT max(m.sent_at) ${left}) WHERE ${key};
  ${refreshOrdered(key)}`;
};

/** An order (coming, going or changing) may convert the days its customer wrote on its channel in the WINDOW before it. */
const orderMoved = (r: Row) =>
  refreshOrdered(`conversation_id IN (SELECT id FROM conversations WHERE customer_id = ${r}.customer_id AND channel = ${r}.channel)
      AND last_in > ${r}.created_at - ${WINDOW} AND first_in <= ${r}.created_at`);

const talkCount = (r: Row, sign: '+' | '-') =>
  sign === '+'
    ? `
  INSERT INTO rollup_talk (day, channel, conversations, converted) VALUES (${r}.day, ${r}.channel, 1, ${r}.ordered)
    ON CONFLICT (day, channel) DO UPDATE SET conversations = conversations + 1, converted = converted + excluded.converted;`
    : `
  UPDATE rollup_talk SET conversations = conversations - 1, converted = converted - ${r}.ordered WHERE day = ${r}.day AND channel = ${r}.channel;
  DELETE FROM rollup_talk WHERE day = ${r}.day AND channel = ${r}.channel AND conversations = 0;`;

/** What one variant adds to the stock's value (units at home and at the stall): only live variants of live products count. */
const stockShare = (r: Row, sign: '+' | '-') => `
  UPDATE rollup_stock_value SET
      at_cost = at_cost ${sign} (${r}.stock + ${r}.stall_stock) * coalesce(${r}.cost, 0), at_price = at_price ${sign} (${r}.stock + ${r}.stall_stock) * ${r}.price, units = units ${sign} (${r}.stock + ${r}.stall_stock)
    WHERE ${r}.is_archived = 0 AND (SELECT is_archived FROM products WHERE id = ${r}.product_id) = 0;`;

export const m0030: Migration = {
  version: 30,
  name: 'conversation and stock rollups',
  sql: /* sql */ `
    -- One row per conversation and shop day on which the customer wrote: her first and last message
    -- that day, and whether an order on the channel followed (until CONVERSION_DAYS after the last).
    -- The channels report sums these per day instead of reading the messages. Kept by the triggers
    -- below in the same transaction as each message, conversation and order write.
    CREATE TABLE rollup_talk_days (
      conversation_id INTEGER NOT NULL,
      day TEXT NOT NULL,
      channel TEXT NOT NULL,
      first_in INTEGER NOT NULL,
      last_in INTEGER NOT NULL,
      ordered INTEGER NOT NULL,
      PRIMARY KEY (conversation_id, day)
    ) WITHOUT ROWID, STRICT;
    CREATE INDEX rollup_talk_days_last ON rollup_talk_days (conversation_id, last_in);
    CREATE TABLE rollup_talk (
      day TEXT NOT NULL,
      channel TEXT NOT NULL,
      conversations INTEGER NOT NULL,
      converted INTEGER NOT NULL,
      PRIMARY KEY (day, channel)
    ) WITHOUT ROWID, STRICT;

    -- The stock's value at cost and at price and its units, live variants of live products: one row.
    CREATE TABLE rollup_stock_value (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      at_cost INTEGER NOT NULL,
      at_price INTEGER NOT NULL,
      units INTEGER NOT NULL
    ) STRICT;
    -- Low stock: variants at or under the highest threshold, found by index instead of reading them all.
    CREATE INDEX variants_live_stock ON variants (stock) WHERE is_archived = 0;
    CREATE INDEX products_low_stock_threshold ON products (low_stock_threshold);

    -- Filled from the ledger before the triggers exist, so the fill does not run them row by row
    -- (rebuildRollups in reports/rollups.ts gives the same rows, and checks them).
    INSERT INTO rollup_talk_days (conversation_id, day, channel, first_in, last_in, ordered)
      SELECT t.conversation_id, t.day, t.channel, t.first_in, t.last_in, ${orderBetween('t.conversation_id', 't.channel', 't.first_in', `t.last_in + ${WINDOW}`)}
        FROM (SELECT m.conversation_id, ${dayOf('m.sent_at')} AS day, c.channel, min(m.sent_at) AS first_in, max(m.sent_at) AS last_in
                FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.direction = 'in' GROUP BY 1, 2) t;
    INSERT INTO rollup_talk (day, channel, conversations, converted) SELECT day, channel, count(*), sum(ordered) FROM rollup_talk_days GROUP BY 1, 2;
    INSERT INTO rollup_stock_value (id, at_cost, at_price, units)
      SELECT 1, coalesce(sum((v.stock + v.stall_stock) * coalesce(v.cost, 0)), 0), coalesce(sum((v.stock + v.stall_stock) * v.price), 0), coalesce(sum(v.stock + v.stall_stock), 0)
        FROM variants v JOIN products p ON p.id = v.product_id WHERE v.is_archived = 0 AND p.is_archived = 0;

    CREATE TRIGGER rollup_talk_message_insert AFTER INSERT ON messages WHEN NEW.direction = 'in' BEGIN ${addMessage('NEW')} END;
    CREATE TRIGGER rollup_talk_message_delete AFTER DELETE ON messages WHEN OLD.direction = 'in' BEGIN ${removeMessage('OLD')} END;
    CREATE TRIGGER rollup_talk_message_update_old AFTER UPDATE OF conversation_id, direction, sent_at ON messages WHEN OLD.direction = 'in' BEGIN ${removeMessage('OLD')} END;
    CREATE TRIGGER rollup_talk_message_update_new AFTER UPDATE OF conversation_id, direction, sent_at ON messages WHEN NEW.direction = 'in' BEGIN ${addMessage('NEW')} END;
    CREATE TRIGGER rollup_talk_conversation_update AFTER UPDATE OF customer_id, channel ON conversations BEGIN
      UPDATE rollup_talk_days SET channel = NEW.channel WHERE conversation_id = NEW.id AND channel <> NEW.channel;
      ${refreshOrdered('conversation_id = NEW.id')}
    END;
    CREATE TRIGGER rollup_talk_order_insert AFTER INSERT ON orders WHEN NEW.customer_id IS NOT NULL BEGIN ${orderMoved('NEW')} END;
    CREATE TRIGGER rollup_talk_order_delete AFTER DELETE ON orders WHEN OLD.customer_id IS NOT NULL BEGIN ${orderMoved('OLD')} END;
    CREATE TRIGGER rollup_talk_order_update AFTER UPDATE OF status, channel, live_id, customer_id, created_at ON orders
      WHEN (OLD.status = 'cancelled') <> (NEW.status = 'cancelled') OR OLD.channel <> NEW.channel OR OLD.live_id IS NOT NEW.live_id
        OR OLD.customer_id IS NOT NEW.customer_id OR OLD.created_at <> NEW.created_at
      BEGIN ${orderMoved('OLD')} ${orderMoved('NEW')} END;

    CREATE TRIGGER rollup_talk_days_insert AFTER INSERT ON rollup_talk_days BEGIN ${talkCount('NEW', '+')} END;
    CREATE TRIGGER rollup_talk_days_delete AFTER DELETE ON rollup_talk_days BEGIN ${talkCount('OLD', '-')} END;
    CREATE TRIGGER rollup_talk_days_update AFTER UPDATE ON rollup_talk_days
      WHEN OLD.ordered <> NEW.ordered OR OLD.day <> NEW.day OR OLD.channel <> NEW.channel
      BEGIN ${talkCount('OLD', '-')} ${talkCount('NEW', '+')} END;

    CREATE TRIGGER rollup_stock_variant_insert AFTER INSERT ON variants BEGIN ${stockShare('NEW', '+')} END;
    CREATE TRIGGER rollup_stock_variant_delete AFTER DELETE ON variants BEGIN ${stockShare('OLD', '-')} END;
    CREATE TRIGGER rollup_stock_variant_update AFTER UPDATE OF stock, stall_stock, cost, price, is_archived, product_id ON variants
      BEGIN ${stockShare('OLD', '-')} ${stockShare('NEW', '+')} END;
    CREATE TRIGGER rollup_stock_product_archive AFTER UPDATE OF is_archived ON products WHEN OLD.is_archived <> NEW.is_archived BEGIN
      UPDATE rollup_stock_value SET
          at_cost = at_cost + (1 - 2 * NEW.is_archived) * (SELECT coalesce(sum((v.stock + v.stall_stock) * coalesce(v.cost, 0)), 0) FROM variants v WHERE v.product_id = NEW.id AND v.is_archived = 0),
          at_price = at_price + (1 - 2 * NEW.is_archived) * (SELECT coalesce(sum((v.stock + v.stall_stock) * v.price), 0) FROM variants v WHERE v.product_id = NEW.id AND v.is_archived = 0),
          units = units + (1 - 2 * NEW.is_archived) * (SELECT coalesce(sum(v.stock + v.stall_stock), 0) FROM variants v WHERE v.product_id = NEW.id AND v.is_archived = 0);
    END;
  `,
};
