import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { OutgoingPhoto } from '../channels/adapter';
import { fail } from '../../../shared/api/errors';
import type { MethodResult, ParsedArgs } from '../../../shared/api/contract';
import { REPLY_WINDOW_MS, hasReplyWindow } from '../../../shared/domain/channels';
import type { CoreContext } from '../context';
import { readSettings } from '../settings/repo';
import * as repo from './repo';

/** A stored photo's bytes, to go out with a message; the id was checked by the contract's pattern. */
const readPhoto = (ctx: CoreContext, id: string): OutgoingPhoto => {
  const row = ctx.db.prepare<[string], { ext: string; mime: string; file_name: string }>('SELECT ext, mime, file_name FROM media WHERE id = ?').get(id);
  if (!row) return fail('not_found', `Photo ${id} was not uploaded`, { field: 'photoIds' });
  const file = path.join(ctx.mediaDir, `${id}.${row.ext}`);
  if (!fs.existsSync(file)) return fail('not_found', `Photo ${id} is missing from the photo folder`, { field: 'photoIds' });
  return { bytes: fs.readFileSync(file), mime: row.mime, fileName: `${id}.${row.ext}` };
};

/** A reply from Chats: out through the channel the customer used, then into the ledger as the seller's message. */
export const sendMessage = async (
  ctx: CoreContext,
  args: ParsedArgs<'inbox.sendMessage'> & { photoIds?: string[] },
): Promise<MethodResult<'inbox.sendMessage'>> => {
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
  const photoIds = args.photoIds ?? [];
  const photos = photoIds.map((id) => readPhoto(ctx, id));
  const sent = await ctx.channels.send(route.via ?? route.channel, route.externalId, args.text, `reply-${crypto.randomUUID()}`, photos);
  const { messageId } = repo.recordOutgoing(ctx.db, {
    conversationId: args.conversationId,
    channel: route.channel,
    externalId: sent.externalId,
    author: readSettings(ctx.db).shopName,
    text: args.text,
    sentAt: sent.sentAt,
    photoIds,
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
