import { fail } from '../../../shared/api/errors';
import type { Handlers } from '../context';
import { normalizePhone } from '../orders/customers';
import { readSettings } from '../settings/repo';
import * as repo from './repo';
import { importChatExport } from './importers/importChat';
import { sendMessage, sendToCustomer } from './send';
import { handleConsentWords } from './consentWords';
import { orderLikeMessageIds } from './orderIntent';
import { answerAutomatically } from '../quick/autoReplies';

export const inboxHandlers = {
  'inbox.importChatExport': (ctx, args) => importChatExport(ctx, args),

  'inbox.listConversations': (ctx, args) => ({ items: repo.listConversations(ctx.db, args.channel, args.limit, args.labelId) }),

  'inbox.getConversation': (ctx, args) => {
    const summary = repo.findConversation(ctx.db, args.id) ?? fail('not_found', `Conversation ${args.id} does not exist`, { field: 'id' });
    // One more than a page says whether older messages are left, without counting them all.
    const page = repo.timeline(ctx.db, summary.id, summary.customerId, args.before, repo.TIMELINE_LIMIT + 1);
    const hasOlder = page.length > repo.TIMELINE_LIMIT;
    const messages = hasOlder ? page.slice(1) : page;
    return {
      ...summary,
      messages,
      hasOlder,
      orderLikeMessageIds: orderLikeMessageIds(ctx.db, messages),
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
    // A WhatsApp sender id is a phone number: keep it in E.164 on a new customer.
    const phoneOfSender = (): string => {
      if (args.channel !== 'whatsapp') return '';
      try {
        return normalizePhone(`+${args.senderExternalId.replace(/\D/g, '')}`, readSettings(ctx.db).locale, 'senderExternalId');
      } catch {
        return '';
      }
    };
    const customerId =
      args.direction === 'in' && args.senderExternalId
        ? repo.customerForIdentity(ctx.db, { channel: args.channel, externalId: args.senderExternalId, name: args.author }, phoneOfSender, ctx.now())
        : null;
    // The conversation is named after the customer, not after whoever wrote last (the seller's own echo).
    const title = args.direction === 'in' ? args.author : '';
    const conversationId = repo.upsertConversation(ctx.db, args.channel, args.conversationExternalId, title, customerId, args.via ?? null);
    const messageId = repo.insertMessage(ctx.db, { ...args, conversationId, externalId: args.messageExternalId });
    if (messageId === null) return { messageId: repo.messageIdOf(ctx.db, args.channel, args.messageExternalId), conversationId, isNew: false };
    ctx.emit('inbox.message', { conversationId, messageId });
    if (args.direction === 'in' && customerId !== null) {
      handleConsentWords(ctx, { ...args, customerId, conversationId });
      answerAutomatically(ctx, { ...args, customerId, conversationId });
    }
    return { messageId, conversationId, isNew: true };
  },
} satisfies Partial<Handlers>;
