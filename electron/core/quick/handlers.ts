import { DateTime } from 'luxon';
import { fail } from '../../../shared/api/errors';
import type { Handlers } from '../context';
import { sendMessage } from '../inbox/send';
import { readSettings } from '../settings/repo';
import { readAutoReplies, saveAutoReplies, unansweredCounts, unansweredCustomerIds } from './autoReplies';
import { deleteLabel, importPhoneLabels, labelIdsOf, listLabels, phoneLabels, pushToPhone, saveLabel, setLabels } from './labels';
import { deleteReply, fillReply, listReplies, productCard, saveReply } from './replies';

export const quickHandlers = {
  'quickReplies.list': (ctx) => ({ items: listReplies(ctx.db) }),
  'quickReplies.save': (ctx, args) => saveReply(ctx.db, args, ctx.now()),
  'quickReplies.delete': (ctx, args) => (deleteReply(ctx.db, args.id), { id: args.id }),
  'quickReplies.preview': (ctx, args) => {
    const { photoIds: _ids, ...filled } = fillReply(ctx, args);
    return filled;
  },
  'quickReplies.send': async (ctx, args) => {
    const filled = fillReply(ctx, args);
    if (args.text === undefined && filled.missing.length > 0) {
      fail('invalid_input', `This chat has nothing to fill ${filled.missing.map((f) => `{${f}}`).join(', ')} with; edit the text before sending`, {
        field: 'text',
        details: { missing: filled.missing.join(',') },
      });
    }
    return sendMessage(ctx, { conversationId: args.conversationId, text: args.text ?? filled.text, photoIds: filled.photoIds });
  },
  'quickReplies.productCard': (ctx, args) => {
    const { photoIds: _ids, ...card } = productCard(ctx, args.productId);
    return card;
  },
  'quickReplies.sendProduct': async (ctx, args) => {
    const card = productCard(ctx, args.productId);
    return sendMessage(ctx, { conversationId: args.conversationId, text: card.text, photoIds: card.photoIds });
  },

  'labels.list': (ctx) => ({ items: listLabels(ctx.db) }),
  'labels.save': (ctx, args) => saveLabel(ctx.db, args, ctx.now()),
  'labels.delete': (ctx, args) => (deleteLabel(ctx.db, args.id), { id: args.id }),
  'labels.set': async (ctx, args) => {
    setLabels(ctx.db, args.target, args.id, args.labelIds);
    const phone = args.target === 'conversation' ? await pushToPhone(ctx, args.id) : 'skipped';
    if (args.target === 'order') ctx.emit('orders.changed', { orderIds: [args.id] });
    return { labelIds: labelIdsOf(ctx.db, args.target, [args.id])[0]?.labelIds ?? [], phone };
  },
  'labels.assigned': (ctx, args) => ({ items: labelIdsOf(ctx.db, args.target, args.ids) }),
  'labels.phoneLabels': async (ctx) => ({ items: await phoneLabels(ctx) }),
  'labels.importPhone': (ctx, args) => importPhoneLabels(ctx, args.waLabelIds),

  'autoReplies.get': (ctx) => readAutoReplies(ctx.db),
  'autoReplies.save': (ctx, args) => saveAutoReplies(ctx.db, args),
  'autoReplies.unanswered': (ctx, args) => {
    const { timeZone } = readSettings(ctx.db);
    const month = args.month ?? DateTime.fromMillis(ctx.now(), { zone: timeZone }).toFormat('yyyy-MM');
    return { month, items: unansweredCounts(ctx.db, month, timeZone), people: unansweredCustomerIds(ctx.db, ctx.now()).size };
  },
} satisfies Partial<Handlers>;
