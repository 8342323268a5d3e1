import { fail } from '../../../shared/api/errors';
import type { Handlers } from '../context';
import { normalizePhone } from '../orders/customers';
import { readSettings } from '../settings/repo';
import * as repo from './repo';
import { importChatExport } from './importers/importChat';
import { sendMessage, sendToCustomer } from './send';
import { handleConsentWords } from './consentWords';

export const inboxHandlers = {
  'inbox.importChatExport': (ctx, args) => importChatExport(ctx, args),

  'inbox.listConversations': (ctx, args) => ({ items: repo.listConversations(ctx.db, args.channel, args.limit) }),

  'inbox.getConversation': (ctx, args) => {
    const summary = repo.findConversation(ctx.db, args.id) ?? fail('not_found', `Conversation ${args.id} does not exist`, { field: 'id' });
    return {
      ...summary,
      messages: repo.timeline(ctx.db, summary.id, summary.customerId),
      replyTargets: repo.replyTargets(ctx.db, summary.id, summary.customerId),
    };
  },

  'inbox.sendMessage': (ctx, args) => sendMessage(ctx, args),
  'inbox.sendToCustomer': (ctx, args) => sendToCustomer(ctx, args),

  'inbox.markRead': (ctx, args) => {
    repo.findConversation(ctx.db, args.id) ?? fail('not_found', `Conversation ${args.id} does not exist`, { field: 'id' });
    repo.markRead(ctx.db, args.id);
    return repo.findConversation(ctx.db, args.id) ?? fail('not_found', `Conversation ${args.id} does not exist`);
  },

  'inbox.ingestMessage': (ctx, args) => {
    let customerId: number | null = null;
    if (args.direction === 'in' && args.senderExternalId) {
      customerId = repo.customerOfIdentity(ctx.db, args.channel, args.senderExternalId) ?? null;
      if (customerId === null) {
        // A WhatsApp sender id is a phone number: keep it in E.164 on the new customer.
        let phone = '';
        if (args.channel === 'whatsapp') {
          try {
            phone = normalizePhone(`+${args.senderExternalId.replace(/\D/g, '')}`, readSettings(ctx.db).locale, 'senderExternalId');
          } catch {
            phone = '';
          }
        }
        const now = ctx.now();
        customerId = Number(
          ctx.db.prepare('INSERT INTO customers (name, phone, created_at, updated_at) VALUES (?, ?, ?, ?)').run(args.author || args.senderExternalId, phone, now, now)
            .lastInsertRowid,
        );
        repo.addIdentity(ctx.db, customerId, args.channel, args.senderExternalId, args.author);
      }
    }
    // The conversation is named after the customer, not after whoever wrote last (the seller's own echo).
    const title = args.direction === 'in' ? args.author : '';
    const conversationId = repo.upsertConversation(ctx.db, args.channel, args.conversationExternalId, title, customerId, args.via ?? null);
    const messageId = repo.insertMessage(ctx.db, { ...args, conversationId, externalId: args.messageExternalId });
    if (messageId === null) {
      const existing = Number(ctx.db.prepare('SELECT id FROM messages WHERE channel = ? AND external_id = ?').pluck().get(args.channel, args.messageExternalId));
      return { messageId: existing, conversationId, isNew: false };
    }
    ctx.emit('inbox.message', { conversationId, messageId });
    if (args.direction === 'in' && customerId !== null) handleConsentWords(ctx, { ...args, customerId, conversationId });
    return { messageId, conversationId, isNew: true };
  },
} satisfies Partial<Handlers>;
