import crypto from 'node:crypto';
import { fail } from '../../../shared/api/errors';
import type { MethodResult, ParsedArgs } from '../../../shared/api/contract';
import { REPLY_WINDOW_MS, hasReplyWindow } from '../../../shared/domain/channels';
import type { CoreContext } from '../context';
import { readSettings } from '../settings/repo';
import * as repo from './repo';

/** A reply from Chats: out through the channel the customer used, then into the ledger as the seller's message. */
export const sendMessage = async (ctx: CoreContext, args: ParsedArgs<'inbox.sendMessage'>): Promise<MethodResult<'inbox.sendMessage'>> => {
  const route = repo.conversationRoute(ctx.db, args.conversationId) ?? fail('not_found', `Conversation ${args.conversationId} does not exist`, { field: 'conversationId' });
  if (route.via === null) {
    fail('channel_not_ready', 'This conversation was imported from a file; there is no live chat behind it to reply through', {
      details: { channel: route.channel },
    });
  }
  if (hasReplyWindow(route.channel)) {
    const closesAt = (route.lastInboundAt ?? 0) + REPLY_WINDOW_MS;
    if (ctx.now() > closesAt) {
      fail('reply_window_closed', `${route.channel} accepts replies only within 24 hours of the customer's last message; wait for them to write again`, {
        details: { channel: route.channel, closedAt: closesAt },
      });
    }
  }
  const sent = await ctx.channels.send(route.via ?? route.channel, route.externalId, args.text, `reply-${crypto.randomUUID()}`);
  const { messageId } = repo.recordOutgoing(ctx.db, {
    conversationId: args.conversationId,
    channel: route.channel,
    externalId: sent.externalId,
    author: readSettings(ctx.db).shopName,
    text: args.text,
    sentAt: sent.sentAt,
  });
  ctx.emit('inbox.message', { conversationId: args.conversationId, messageId });
  return { messageId, conversationId: args.conversationId };
};

/** The customer's live conversation to write to: on the channel asked for, else the one they wrote on last. */
export const sendToCustomer = async (ctx: CoreContext, args: ParsedArgs<'inbox.sendToCustomer'>): Promise<MethodResult<'inbox.sendToCustomer'>> => {
  if (!ctx.db.prepare('SELECT 1 FROM customers WHERE id = ?').get(args.customerId)) fail('not_found', `Customer ${args.customerId} does not exist`, { field: 'customerId' });
  const targets = repo.replyTargets(ctx.db, -1, args.customerId).filter((target) => target.isLive);
  const target = targets.find((candidate) => args.channel === undefined || candidate.channel === args.channel);
  if (!target) {
    return fail('channel_not_ready', `This customer has no live chat${args.channel ? ` on ${args.channel}` : ''} to write to`, {
      details: { channel: args.channel ?? '' },
    });
  }
  const sent = await sendMessage(ctx, { conversationId: target.conversationId, text: args.text });
  return { ...sent, channel: target.channel };
};
