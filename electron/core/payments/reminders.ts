import crypto from 'node:crypto';
import { fail } from '../../../shared/api/errors';
import { channelKinds, hasReplyWindow } from '../../../shared/domain/channels';
import { reminderText, type ReminderBatch, type ReminderPlan } from '../../../shared/domain/payments';
import { insertOutboxRow } from '../broadcast/repo';
import type { CoreContext } from '../context';
import { conversationRoute, replyTargets } from '../inbox/repo';
import { readSettings } from '../settings/repo';
import * as repo from './repo';

type Recipient = ReminderPlan['recipients'][number] & { conversationId: number; orderNumbers: string[] };

/** The chat a queued reminder can go through: live, and (Instagram, Messenger) with its reply window still open. */
const reminderChat = (ctx: CoreContext, customerId: number) =>
  replyTargets(ctx.db, -1, customerId).find((t) => t.isLive && (!hasReplyWindow(t.channel) || (t.windowClosesAt ?? 0) > ctx.now()));

const plan = (ctx: CoreContext, customerIds: number[]): { recipients: Recipient[]; skipped: ReminderPlan['skipped'] } => {
  const owing = new Map(repo.receivablesOf(ctx.db, customerIds).map((r) => [r.customerId, r]));
  const recipients: Recipient[] = [];
  const skipped: ReminderPlan['skipped'] = [];
  for (const [i, customerId] of customerIds.entries()) {
    const name =
      ctx.db.prepare<[number], string>('SELECT name FROM customers WHERE id = ?').pluck().get(customerId) ??
      fail('not_found', `Customer ${customerId} does not exist`, { field: `customerIds.${i}` });
    const reason = repo.reminderSkipReason(ctx.db, customerId, ctx.now());
    const chat = reminderChat(ctx, customerId);
    const owed = owing.get(customerId);
    if (reason) skipped.push({ customerId, name, reason });
    else if (!chat || !owed) skipped.push({ customerId, name, reason: 'no_chat' });
    else recipients.push({ customerId, name, channel: chat.channel, balanceDue: owed.balanceDue, conversationId: chat.conversationId, orderNumbers: owed.orders.map((o) => o.number) });
  }
  return { recipients, skipped };
};

const publicPlan = ({ recipients, skipped }: ReturnType<typeof plan>): ReminderPlan => ({
  recipients: recipients.map(({ customerId, name, channel, balanceDue }) => ({ customerId, name, channel, balanceDue })),
  skipped,
});

export const planReminders = (ctx: CoreContext, customerIds: number[]): ReminderPlan => publicPlan(plan(ctx, customerIds));

/**
 * Por cobrar to several at once: one outbox row per customer, committed together, so the outbox
 * sends them paced like a broadcast's messages; each is recorded as a reminder once it went out.
 */
export const queueReminders = (ctx: CoreContext, customerIds: number[], template: string | undefined): ReminderPlan & { batchId: string } => {
  const planned = plan(ctx, customerIds);
  if (planned.recipients.length === 0) {
    fail('conflict', 'None of these customers can get a reminder now (no chat, already reminded today, or nothing owed)', {
      details: { skipped: planned.skipped.length },
    });
  }
  const settings = readSettings(ctx.db);
  const filled = { ...settings, paymentReminderTemplate: template ?? settings.paymentReminderTemplate };
  const batchId = crypto.randomBytes(6).toString('hex');
  const now = ctx.now();
  for (const r of planned.recipients) {
    const route = conversationRoute(ctx.db, r.conversationId);
    if (!route?.via) continue;
    const text = reminderText({ customerName: r.name, orderNumbers: r.orderNumbers, balanceDue: r.balanceDue }, filled);
    insertOutboxRow(
      ctx.db,
      { broadcastId: null, target: 'payment_reminder', via: route.via, customerId: r.customerId, conversationId: r.conversationId, address: route.externalId, text, key: repo.reminderKey(batchId, r.customerId) },
      now,
    );
  }
  ctx.outbox.wake();
  return { batchId, ...publicPlan(planned) };
};

export const reminderBatch = (ctx: CoreContext, batchId: string): ReminderBatch => {
  const counts = repo.reminderBatchCounts(ctx.db, batchId);
  if (counts.length === 0) fail('not_found', `Reminder batch ${batchId} does not exist`, { field: 'batchId' });
  const count = (...statuses: string[]) => counts.filter((c) => statuses.includes(c.status)).reduce((sum, c) => sum + c.n, 0);
  const pending = count('pending', 'sending', 'unknown');
  // The pace is per channel: the soonest of the channels this batch still waits on.
  const vias = new Set(counts.filter((c) => ['pending', 'unknown'].includes(c.status)).map((c) => channelKinds.find((k) => k === c.via) ?? 'whatsapp'));
  const next = [...vias].map((via) => ctx.outbox.nextSendAt(via)).filter((at): at is number => at !== null);
  return {
    batchId,
    total: count('pending', 'sending', 'unknown', 'sent', 'failed', 'skipped'),
    pending,
    sent: count('sent'),
    failed: count('failed'),
    skipped: count('skipped'),
    nextSendAt: pending > 0 && next.length > 0 ? Math.min(...next) : null,
  };
};
