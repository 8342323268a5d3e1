import { fail } from '../../../shared/api/errors';
import type { Handlers } from '../context';
import * as repo from './repo';
import { importChatExport } from './importers/importChat';
import { sendMessage, sendToCustomer } from './send';
import { ingestOne } from './ingest';
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

  'inbox.ingestMessage': (ctx, args) => ingestOne(ctx, args),

  // The same rules, message by message in order, inside the one transaction dispatch opens for the batch.
  'inbox.ingestMessages': (ctx, args) => ({ items: args.messages.map((message) => ingestOne(ctx, message)) }),
} satisfies Partial<Handlers>;
