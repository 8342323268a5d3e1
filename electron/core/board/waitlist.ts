import { fail } from '../../../shared/api/errors';
import type { WaitlistEntry } from '../../../shared/domain/board';
import { channelKinds, hasReplyWindow, REPLY_WINDOW_MS, type ChannelKind } from '../../../shared/domain/channels';
import { messageChannels } from '../../../shared/domain/inbox';
import { fillTemplate } from '../../../shared/domain/orderMessages';
import { insertOutboxRow } from '../broadcast/repo';
import type { CoreContext, Handlers } from '../context';
import type { Db } from '../db/open';

interface EntryRow {
  id: number;
  variant_id: number;
  product_name: string;
  variant_name: string;
  customer_id: number;
  customer_name: string;
  stock: number;
  has_own_chat: number;
  created_at: number;
  notified_at: number | null;
}

/** A live chat whose first message came from the customer: she asked, so a notice there is an answer, not spam. */
const ownChatSql = `SELECT c.id FROM conversations c
   WHERE c.customer_id = w.customer_id AND c.via IS NOT NULL
     AND (SELECT m.direction FROM messages m WHERE m.conversation_id = c.id ORDER BY m.sent_at, m.id LIMIT 1) = 'in'`;

const selectEntries = `SELECT w.id, w.variant_id, p.name AS product_name, v.name AS variant_name, w.customer_id, cu.name AS customer_name,
        v.stock, EXISTS (${ownChatSql}) AS has_own_chat, w.created_at, w.notified_at
   FROM waitlist w JOIN variants v ON v.id = w.variant_id JOIN products p ON p.id = v.product_id JOIN customers cu ON cu.id = w.customer_id`;

export const productLabel = (product: string, variant: string): string => [product, variant].filter(Boolean).join(' ');

const toEntry = (r: EntryRow): WaitlistEntry => ({
  id: r.id,
  variantId: r.variant_id,
  productName: productLabel(r.product_name, r.variant_name),
  customerId: r.customer_id,
  customerName: r.customer_name,
  stock: r.stock,
  hasOwnChat: r.has_own_chat === 1,
  createdAt: r.created_at,
  notifiedAt: r.notified_at,
});

export const listWaiting = (db: Db, where: string, params: number[]): WaitlistEntry[] =>
  db.prepare<number[], EntryRow>(`${selectEntries} WHERE w.removed_at IS NULL ${where} ORDER BY w.created_at, w.id LIMIT 2000`).all(...params).map(toEntry);

/** The chat to tell her on: one she started, on a live channel, whose reply window (Instagram, Messenger) is open. */
const ownChatFor = (ctx: CoreContext, customerId: number): { id: number; via: ChannelKind; externalId: string } | undefined =>
  ctx.db
    .prepare<[number], { id: number; via: string; channel: string; external_id: string; last_in: number | null }>(
      `SELECT c.id, c.via, c.channel, c.external_id, (SELECT max(m.sent_at) FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in') AS last_in
         FROM conversations c
        WHERE c.id IN (${ownChatSql.replace('w.customer_id', '?')})
        ORDER BY last_in DESC`,
    )
    .all(customerId)
    .filter((c) => !hasReplyWindow(messageChannels.find((m) => m === c.channel) ?? 'whatsapp') || (c.last_in ?? 0) + REPLY_WINDOW_MS > ctx.now())
    .map((c) => ({ id: c.id, via: channelKinds.find((k) => k === c.via) ?? 'whatsapp', externalId: c.external_id }))[0];

export const waitlistHandlers = {
  'waitlist.add': (ctx, args) => {
    if (!ctx.db.prepare('SELECT 1 FROM variants WHERE id = ?').get(args.variantId)) fail('not_found', `Variant ${args.variantId} does not exist`, { field: 'variantId' });
    let customerId = args.customerId ?? null;
    if (args.conversationId !== undefined) {
      const conversation = ctx.db.prepare<[number], { customer_id: number | null }>('SELECT customer_id FROM conversations WHERE id = ?').get(args.conversationId);
      if (!conversation) return fail('not_found', `Conversation ${args.conversationId} does not exist`, { field: 'conversationId' });
      customerId = conversation.customer_id ?? fail('invalid_input', 'conversationId: this chat has no customer yet', { field: 'conversationId' });
    } else if (!ctx.db.prepare('SELECT 1 FROM customers WHERE id = ?').get(customerId)) {
      fail('not_found', `Customer ${customerId} does not exist`, { field: 'customerId' });
    }
    // Adding her twice keeps her first place in the line.
    ctx.db
      .prepare('INSERT INTO waitlist (variant_id, customer_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
      .run(args.variantId, customerId, ctx.now());
    ctx.emit('followUps.changed', {});
    const entry = listWaiting(ctx.db, 'AND w.notified_at IS NULL AND w.variant_id = ? AND w.customer_id = ?', [args.variantId, Number(customerId)])[0];
    return entry ?? fail('internal', 'The waiting list entry was not saved');
  },

  'waitlist.remove': (ctx, args) => {
    const changes = ctx.db.prepare('UPDATE waitlist SET removed_at = ? WHERE id = ? AND removed_at IS NULL').run(ctx.now(), args.id).changes;
    if (changes === 0) fail('not_found', `Waiting list entry ${args.id} does not exist`, { field: 'id' });
    ctx.emit('followUps.changed', {});
    return { id: args.id };
  },

  'waitlist.list': (ctx, args) => {
    const where = [args.isWaitingOnly ? 'AND w.notified_at IS NULL' : '', args.variantId ? 'AND w.variant_id = ?' : ''].join(' ');
    return { items: listWaiting(ctx.db, where, args.variantId ? [args.variantId] : []) };
  },

  'waitlist.notify': (ctx, args) => {
    const waiting = listWaiting(ctx.db, 'AND w.notified_at IS NULL AND w.variant_id = ?', [args.variantId]);
    if (waiting.length === 0) fail('not_found', `Nobody is waiting for variant ${args.variantId}`, { field: 'variantId' });
    const now = ctx.now();
    let queued = 0;
    for (const entry of waiting) {
      const isOptedOut = ctx.db.prepare("SELECT 1 FROM customers WHERE id = ? AND promo_consent = 'opted_out'").get(entry.customerId) !== undefined;
      const chat = isOptedOut ? undefined : ownChatFor(ctx, entry.customerId);
      if (!chat) continue;
      const text = fillTemplate(args.text, { cliente: entry.customerName.split(/\s+/)[0] ?? '', producto: entry.productName });
      insertOutboxRow(
        ctx.db,
        { broadcastId: null, target: 'waitlist_message', via: chat.via, customerId: entry.customerId, conversationId: chat.id, address: chat.externalId, text, key: `waitlist-${entry.id}` },
        now,
      );
      ctx.db.prepare('UPDATE waitlist SET notified_at = ? WHERE id = ?').run(now, entry.id);
      queued += 1;
    }
    if (queued > 0) ctx.outbox.wake();
    ctx.emit('followUps.changed', {});
    return { queued, skipped: waiting.length - queued };
  },
} satisfies Partial<Handlers>;
