import type { ParsedArgs } from '../../../shared/api/contract';
import type { CoreContext } from '../context';
import { normalizePhone } from '../orders/customers';
import { readSettings } from '../settings/repo';
import { handleConsentWords } from './consentWords';
import { answerAutomatically } from '../quick/autoReplies';
import * as repo from './repo';

export type IngestArgs = ParsedArgs<'inbox.ingestMessage'>;
export interface IngestResult {
  messageId: number;
  conversationId: number;
  isNew: boolean;
}

/**
 * One message into the ledger, with every rule a message meets: who wrote it (a channel identity is
 * one customer), its conversation, the unread count, the seller's own echo (the same message twice
 * changes nothing) and BAJA/ALTA. Runs inside the caller's transaction: one message for a live
 * message (inbox.ingestMessage), a whole batch for a sync or a burst (inbox.ingestMessages).
 */
export const ingestOne = (ctx: CoreContext, args: IngestArgs): IngestResult => {
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
  const conversationId = repo.upsertConversation(ctx.db, args.channel, args.conversationExternalId, title, customerId, args.via ?? null, args.sentAt);
  const messageId = repo.insertMessage(ctx.db, { ...args, conversationId, externalId: args.messageExternalId });
  if (messageId === null) return { messageId: repo.messageIdOf(ctx.db, args.channel, args.messageExternalId), conversationId, isNew: false };
  ctx.emit('inbox.message', { conversationId, messageId });
  if (args.direction === 'in' && customerId !== null) {
    handleConsentWords(ctx, { ...args, customerId, conversationId });
    answerAutomatically(ctx, { ...args, customerId, conversationId });
  }
  return { messageId, conversationId, isNew: true };
};
