import type { ChannelKind } from '../../../shared/domain/channels';
import { REPLY_WINDOW_MS, hasReplyWindow } from '../../../shared/domain/channels';
import type { Photo } from '../../../shared/domain/catalog';
import type { ConversationSummary, Message, MessageChannel, ReplyTarget } from '../../../shared/domain/inbox';
import { photoUrls } from '../media/store';
import type { Db } from '../db/open';
import { asksPriceOrProduct } from './asks';

interface SummaryRow {
  id: number;
  channel: MessageChannel;
  title: string;
  customer_id: number | null;
  customer_name: string | null;
  last_message_at: number;
  last_text: string | null;
  unread_count: number;
  assigned_person_id: number | null;
  assigned_name: string | null;
}

const toSummary = (row: SummaryRow): ConversationSummary => ({
  id: row.id,
  channel: row.channel,
  title: row.title,
  customerId: row.customer_id,
  customerName: row.customer_name ?? '',
  lastMessageAt: row.last_message_at,
  lastMessageText: row.last_text ?? '',
  unreadCount: row.unread_count,
  assignedTo: row.assigned_person_id !== null && row.assigned_name !== null ? { id: row.assigned_person_id, name: row.assigned_name } : null,
});

const SUMMARY_SQL = `
  SELECT c.id, c.channel, c.title, c.customer_id, cu.name AS customer_name, c.last_message_at, c.unread_count,
         c.assigned_person_id, (SELECT p.name FROM people p WHERE p.id = c.assigned_person_id) AS assigned_name,
         (SELECT m.text FROM messages m WHERE m.conversation_id = c.id ORDER BY m.sent_at DESC, m.id DESC LIMIT 1) AS last_text
    FROM conversations c LEFT JOIN customers cu ON cu.id = c.customer_id`;

export const listConversations = (db: Db, channel: MessageChannel | undefined, limit: number, labelId?: number): ConversationSummary[] => {
  // "+" keeps SQLite off the (channel, external id) index: it would read every chat of the channel
  // and sort them (10 ms for 6,667 on the large bench shop) instead of walking the newest until the page is full.
  const where = [...(channel ? ['+c.channel = ?'] : []), ...(labelId ? ['c.id IN (SELECT conversation_id FROM conversation_labels WHERE label_id = ?)'] : [])];
  return db
    .prepare<(string | number)[], SummaryRow>(`${SUMMARY_SQL} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.last_message_at DESC LIMIT ?`)
    .all(...(channel ? [channel] : []), ...(labelId ? [labelId] : []), limit)
    .map(toSummary);
};

export const findConversation = (db: Db, id: number): ConversationSummary | undefined => {
  const row = db.prepare<[number], SummaryRow>(`${SUMMARY_SQL} WHERE c.id = ?`).get(id);
  return row ? toSummary(row) : undefined;
};

interface MessageRow {
  id: number;
  conversation_id: number;
  channel: MessageChannel;
  direction: 'in' | 'out';
  author: string;
  text: string;
  sent_at: number;
  photo_ids: string;
}

const photosOf = (db: Db, json: string): Photo[] => {
  if (json === '[]') return [];
  const ids: unknown = JSON.parse(json);
  if (!Array.isArray(ids)) return [];
  return ids.flatMap((id) => {
    const ext = typeof id === 'string' ? db.prepare<[string], string>('SELECT ext FROM media WHERE id = ?').pluck().get(id) : undefined;
    return typeof id === 'string' && ext ? [photoUrls(id, ext)] : [];
  });
};

/** A conversation's page: a few screens of messages; older ones come as she scrolls up. */
export const TIMELINE_LIMIT = 100;

/**
 * The customer's story across channels (or just this conversation when the customer is unknown),
 * oldest first: the latest `limit` messages (before `before`, when the screen scrolls up for older ones),
 * so a customer of years opens as fast as a new one.
 */
export const timeline = (
  db: Db,
  conversationId: number,
  customerId: number | null,
  before: { sentAt: number; id: number } | undefined = undefined,
  limit = TIMELINE_LIMIT,
): Message[] => {
  const conversationIds = new Set([conversationId, ...(customerId === null ? [] : db.prepare<[number], number>('SELECT id FROM conversations WHERE customer_id = ?').pluck().all(customerId))]);
  // The latest of each conversation through its (conversation_id, sent_at) index, then merged.
  const latest = db.prepare<[number, number, number, number, number], MessageRow>(
    'SELECT * FROM messages WHERE conversation_id = ? AND (sent_at < ? OR (sent_at = ? AND id < ?)) ORDER BY sent_at DESC, id DESC LIMIT ?',
  );
  const [sentAt, id] = before ? [before.sentAt, before.id] : [Number.MAX_SAFE_INTEGER, 0];
  return [...conversationIds]
    .flatMap((conversation) => latest.all(conversation, sentAt, sentAt, id, limit))
    .sort((a, b) => b.sent_at - a.sent_at || b.id - a.id)
    .slice(0, limit)
    .reverse()
    .map((r) => ({
      id: r.id,
      conversationId: r.conversation_id,
      channel: r.channel,
      direction: r.direction,
      author: r.author,
      text: r.text,
      sentAt: r.sent_at,
      photos: photosOf(db, r.photo_ids),
    }));
};

interface TargetRow {
  id: number;
  channel: MessageChannel;
  via: ChannelKind | null;
  title: string;
  last_in: number | null;
}

/** Every conversation of this customer (or just this one), the most recent inbound first: where a reply can go. */
export const replyTargets = (db: Db, conversationId: number, customerId: number | null): ReplyTarget[] =>
  db
    .prepare<[number, number], TargetRow>(
      `SELECT c.id, c.channel, c.via, c.title,
              (SELECT max(m.sent_at) FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in') AS last_in
         FROM conversations c
        WHERE c.id = ? OR (c.customer_id IS NOT NULL AND c.customer_id = ?)
        ORDER BY c.via IS NULL, last_in DESC NULLS LAST, c.id`,
    )
    .all(conversationId, customerId ?? -1)
    .map((r) => ({
      conversationId: r.id,
      channel: r.channel,
      via: r.via ?? r.channel,
      isLive: r.via !== null,
      title: r.title,
      lastInboundAt: r.last_in,
      windowClosesAt: hasReplyWindow(r.channel) ? (r.last_in ?? 0) + REPLY_WINDOW_MS : null,
    }));

export const conversationRoute = (
  db: Db,
  id: number,
): { channel: MessageChannel; externalId: string; via: ChannelKind | null; lastInboundAt: number | null } | undefined => {
  const row = db
    .prepare<[number], { channel: MessageChannel; external_id: string; via: ChannelKind | null; last_in: number | null }>(
      `SELECT c.channel, c.external_id, c.via,
              (SELECT max(m.sent_at) FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in') AS last_in
         FROM conversations c WHERE c.id = ?`,
    )
    .get(id);
  return row ? { channel: row.channel, externalId: row.external_id, via: row.via, lastInboundAt: row.last_in } : undefined;
};

export const markRead = (db: Db, id: number): void => {
  db.prepare('UPDATE conversations SET unread_count = 0 WHERE id = ?').run(id);
};

export const upsertConversation = (
  db: Db,
  channel: MessageChannel,
  externalId: string,
  title: string,
  customerId: number | null,
  via: ChannelKind | null = null,
  firstMessageAt = 0,
): number => {
  const known = db
    .prepare<[string, string], { id: number; title: string; customer_id: number | null; via: ChannelKind | null }>(
      'SELECT id, title, customer_id, via FROM conversations WHERE channel = ? AND external_id = ?',
    )
    .get(channel, externalId);
  if (!known) {
    return Number(
      // Born at its first message's time: its place among the newest is written once, not twice.
      db
        .prepare('INSERT INTO conversations (channel, external_id, title, customer_id, via, last_message_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(channel, externalId, title, customerId, via, firstMessageAt).lastInsertRowid,
    );
  }
  // Written only when something changes: most messages land in a conversation that already says all this.
  const next = {
    customerId: known.customer_id ?? customerId,
    via: via ?? known.via,
    title: known.title === '' && title !== '' ? title : known.title,
  };
  if (next.customerId !== known.customer_id || next.via !== known.via || next.title !== known.title) {
    db.prepare('UPDATE conversations SET customer_id = ?, via = ?, title = ? WHERE id = ?').run(next.customerId, next.via, next.title, known.id);
  }
  return known.id;
};

export const customerOfIdentity = (db: Db, channel: MessageChannel, externalId: string): number | undefined =>
  db.prepare<[string, string], number>('SELECT customer_id FROM customer_identities WHERE channel = ? AND external_id = ?').pluck().get(channel, externalId);

export const addIdentity = (db: Db, customerId: number, channel: MessageChannel, externalId: string, displayName: string): void => {
  db.prepare('INSERT OR IGNORE INTO customer_identities (customer_id, channel, external_id, display_name) VALUES (?, ?, ?, ?)').run(
    customerId,
    channel,
    externalId,
    displayName,
  );
};

export const messageIdOf = (db: Db, channel: MessageChannel, externalId: string): number =>
  Number(db.prepare('SELECT id FROM messages WHERE channel = ? AND external_id = ?').pluck().get(channel, externalId));

/**
 * A message the seller's account sent, into the timeline once, in one transaction: the channel may
 * already have echoed it back (WhatsApp's message_create), in which case that row is the one.
 */
export const recordOutgoing = (
  db: Db,
  m: { conversationId: number; channel: MessageChannel; externalId: string; author: string; text: string; sentAt: number; photoIds?: string[] },
): { messageId: number; isNew: boolean } =>
  db.transaction(() => {
    const id = insertMessage(db, { ...m, direction: 'out' });
    return id === null ? { messageId: messageIdOf(db, m.channel, m.externalId), isNew: false } : { messageId: id, isNew: true };
  })();

/**
 * The customer behind a channel identity. The first time, the identity joins the one customer whose
 * card has its phone (a WhatsApp id is the phone: she saved that number for that customer), or comes
 * with a new customer. Two customers with that phone are a question for the seller, not a guess.
 */
export const customerForIdentity = (
  db: Db,
  identity: { channel: MessageChannel; externalId: string; name: string },
  phoneOf: () => string,
  now: number,
): number => {
  const known = customerOfIdentity(db, identity.channel, identity.externalId);
  return known ?? customerForNewIdentity(db, identity, phoneOf(), now).id;
};

/** An identity seen for the first time: it joins the one customer whose card has its phone, or comes with a new customer (`isNew`). */
export const customerForNewIdentity = (
  db: Db,
  identity: { channel: MessageChannel; externalId: string; name: string },
  phone: string,
  now: number,
): { id: number; isNew: boolean } => {
  const onCard = customerWithPhone(db, phone);
  const id =
    onCard ??
    Number(db.prepare('INSERT INTO customers (name, phone, created_at, updated_at) VALUES (?, ?, ?, ?)').run(identity.name || identity.externalId, phone, now, now).lastInsertRowid);
  addIdentity(db, id, identity.channel, identity.externalId, identity.name);
  return { id, isNew: onCard === undefined };
};

/** The one customer whose card has this phone (E.164), if exactly one has it. */
const customerWithPhone = (db: Db, phone: string): number | undefined => {
  const onCard = phone === '' ? [] : db.prepare<[string], number>("SELECT id FROM customers WHERE phone = ? AND phone <> '' LIMIT 2").pluck().all(phone);
  return onCard.length === 1 ? onCard[0] : undefined;
};

export const insertMessage = (
  db: Db,
  m: { conversationId: number; channel: MessageChannel; externalId: string; direction: 'in' | 'out'; author: string; text: string; sentAt: number; photoIds?: string[] },
): number | null => {
  const result = db
    .prepare('INSERT OR IGNORE INTO messages (conversation_id, channel, external_id, direction, author, text, sent_at, photo_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(m.conversationId, m.channel, m.externalId, m.direction, m.author, m.text, m.sentAt, JSON.stringify(m.photoIds ?? []));
  if (result.changes === 0) return null;
  const id = Number(result.lastInsertRowid);
  if (m.direction === 'out') {
    db.prepare('UPDATE conversations SET last_message_at = max(last_message_at, ?) WHERE id = ?').run(m.sentAt, m.conversationId);
    return id;
  }
  // The customer's last message (migration 0040): a newer one, or one of the same moment (its id is
  // higher), takes its place; an older one (a chat import) leaves it.
  db.prepare(
    `UPDATE conversations SET last_message_at = max(last_message_at, @at), unread_count = unread_count + 1,
            last_in_id = iif(@at >= last_in_at, @id, last_in_id), last_in_asks = iif(@at >= last_in_at, @asks, last_in_asks),
            last_in_at = max(last_in_at, @at)
      WHERE id = @conversation`,
  ).run({ at: m.sentAt, id, asks: asksPriceOrProduct(m.text) ? 1 : 0, conversation: m.conversationId });
  return id;
};
