import { fail } from '../../../shared/api/errors';
import type { MessagesDraft } from '../../../shared/api/methods/orders';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { findConversation } from '../inbox/repo';
import { draftFromText } from './draft';

/** "Últimos mensajes del cliente": at most this many, all within a day before her newest one. */
export const LATEST_MESSAGES = 20;
const LATEST_WINDOW_MS = 24 * 60 * 60 * 1000;
/** A message longer than this is a pasted catalog or a story, not an order line; the rest is not read. */
const MESSAGE_CHARS = 2000;
const SOURCE_CHARS = 4000;

interface MessageRow {
  id: number;
  conversation_id: number;
  direction: 'in' | 'out';
  text: string;
  sent_at: number;
}

/** The conversation and, when its customer is known, her other chats: the timeline the seller sees. */
const timelineConversations = (db: Db, conversationId: number, customerId: number | null): Set<number> =>
  new Set([conversationId, ...(customerId === null ? [] : db.prepare<[number], number>('SELECT id FROM conversations WHERE customer_id = ?').pluck().all(customerId))]);

const messagesById = (db: Db, ids: number[]): MessageRow[] =>
  db.prepare<number[], MessageRow>(`SELECT id, conversation_id, direction, text, sent_at FROM messages WHERE id IN (${ids.map(() => '?').join(', ')})`).all(...ids);

/** Her messages since her last order (every order she made stands for what came before it), newest first. */
const latestInbound = (db: Db, conversations: Set<number>, customerId: number | null): MessageRow[] => {
  const lastOrderAt = customerId === null ? 0 : (db.prepare<[number], number | null>('SELECT max(created_at) FROM orders WHERE customer_id = ?').pluck().get(customerId) ?? 0);
  const ids = [...conversations];
  const rows = db
    .prepare<number[], MessageRow>(
      `SELECT id, conversation_id, direction, text, sent_at FROM messages
        WHERE conversation_id IN (${ids.map(() => '?').join(', ')}) AND direction = 'in' AND sent_at > ?
        ORDER BY sent_at DESC, id DESC LIMIT ?`,
    )
    .all(...ids, lastOrderAt, LATEST_MESSAGES);
  const newest = rows[0]?.sent_at ?? 0;
  return rows.filter((r) => r.sent_at >= newest - LATEST_WINDOW_MS);
};

/**
 * One draft from an order the customer spread over several messages. Only her messages are read
 * (the seller's own are skipped), oldest first; a message of another customer's chat is refused
 * before anything is read.
 */
export const draftFromMessages = (ctx: CoreContext, conversationId: number, messageIds: number[] | undefined, now: number): MessagesDraft => {
  const conversation = findConversation(ctx.db, conversationId) ?? fail('not_found', `Conversation ${conversationId} does not exist`, { field: 'conversationId' });
  const conversations = timelineConversations(ctx.db, conversation.id, conversation.customerId);
  let rows: MessageRow[];
  if (messageIds) {
    const unique = [...new Set(messageIds)];
    rows = messagesById(ctx.db, unique);
    const found = new Map(rows.map((r) => [r.id, r]));
    messageIds.forEach((id, i) => {
      const row = found.get(id) ?? fail('not_found', `Message ${id} does not exist`, { field: `messageIds.${i}` });
      if (!conversations.has(row.conversation_id)) {
        fail('message_not_in_conversation', `Message ${id} is not in conversation ${conversationId}`, { field: `messageIds.${i}`, details: { messageId: id, conversationId } });
      }
    });
  } else rows = latestInbound(ctx.db, conversations, conversation.customerId);
  const inbound = rows.filter((r) => r.direction === 'in' && r.text.trim() !== '').sort((a, b) => a.sent_at - b.sent_at || a.id - b.id);
  const texts = inbound.map((r) => r.text.slice(0, MESSAGE_CHARS));
  return {
    ...draftFromText(ctx, texts, now),
    messageIds: inbound.map((r) => r.id),
    sourceText: texts.join('\n').slice(0, SOURCE_CHARS),
  };
};
