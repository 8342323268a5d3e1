import fs from 'node:fs';
import path from 'node:path';
import { fail } from '../../../shared/api/errors';
import { REMINDER_GAP_MS, type ReceiptCheck } from '../../../shared/domain/payments';
import { parseReceiptText, type ReceiptReading } from '../../../shared/domain/receiptText';
import type { CoreContext, Handlers } from '../context';
import { sendToCustomer } from '../inbox/send';
import { recordPayment } from '../orders/handlers';
import * as orders from '../orders/repo';
import { readSettings } from '../settings/repo';
import { receiptWarnings } from './checks';
import { imageHash } from './imageHash';
import { readText, warmUpOcr } from './ocr';
import { sendPaymentDetails } from './details';
import { planReminders, queueReminders, reminderBatch } from './reminders';
import { makeSalesNote } from './salesNote';
import * as repo from './repo';


const mediaBytes = (ctx: CoreContext, mediaId: string): Buffer => {
  const row = ctx.db.prepare<[string], { ext: string }>('SELECT ext FROM media WHERE id = ?').get(mediaId) ?? fail('not_found', `Photo ${mediaId} does not exist`, { field: 'mediaId' });
  return fs.readFileSync(path.join(ctx.mediaDir, `${mediaId}.${row.ext}`));
};

/** The shop's method label that fits the app: "Yape/Plin" for Yape, "Transferencia" for a bank. */
const methodFor = (methods: string[], app: ReceiptReading['app']): string => {
  const wanted = app === 'yape' ? /yape/i : app === 'plin' ? /plin/i : app === 'bank' ? /transf|banc/i : /yape|plin|transf/i;
  return methods.find((m) => wanted.test(m)) ?? methods.find((m) => /yape|plin/i.test(m)) ?? methods[0] ?? '';
};

const orderForCheck = (ctx: CoreContext, orderId: number | null) => {
  if (orderId === null) return null;
  const order = orders.getOrder(ctx.db, orderId);
  return { number: order.number, balanceDue: order.balanceDue, createdAt: order.createdAt, customerName: order.customer?.name ?? '' };
};

export const paymentHandlers = {
  'payments.readReceipt': async (ctx, args): Promise<ReceiptCheck> => {
    const bytes = mediaBytes(ctx, args.mediaId);
    const progress = (fraction: number) => ctx.publishNow({ type: 'payments.ocrProgress', payload: { mediaId: args.mediaId, progress: Math.round(fraction * 100) / 100 } });
    progress(0);
    const [text, hash] = await Promise.all([readText(bytes, progress), imageHash(bytes)]);
    progress(1);
    const reading = parseReceiptText(text);
    const open = args.customerId === undefined ? [] : repo.openOrdersOf(ctx.db, args.customerId);
    // Offered only when there is no doubt which order it pays: the one asked for, or her only open one.
    const orderId = args.orderId ?? (open.length === 1 ? open[0]?.id ?? null : null);
    const settings = readSettings(ctx.db);
    return {
      mediaId: args.mediaId,
      reading,
      text: text.slice(0, 4000),
      orderId,
      method: methodFor(settings.paymentMethods, reading.app),
      warnings: receiptWarnings(ctx.db, {
        mediaId: args.mediaId,
        imageHash: hash,
        reading,
        amount: reading.amount,
        order: orderForCheck(ctx, orderId),
        now: ctx.now(),
        timeZone: settings.timeZone,
      }),
    };
  },

  'payments.prepareReader': async () => ({ isReady: warmUpOcr().wasReady }),

  'payments.recordReceipt': async (ctx, args) => {
    const hash = await imageHash(mediaBytes(ctx, args.mediaId));
    return ctx.db.transaction(() => {
      const note = args.payerName ? `Comprobante: ${args.payerName}` : 'Comprobante';
      const { order, paymentId } = recordPayment(ctx, { id: args.orderId, amount: args.amount, method: args.method, operationNumber: args.operationNumber, note });
      const reading: ReceiptReading = { amount: args.amount, date: args.date, time: args.time, operationNumber: args.operationNumber, payerName: args.payerName, app: args.app };
      repo.insertReceipt(ctx.db, { paymentId, orderId: order.id, mediaId: args.mediaId, imageHash: hash, amount: args.amount, reading }, ctx.now());
      return order;
    })();
  },

  'payments.verify': (ctx, args) => {
    if (!repo.setVerified(ctx.db, args.paymentId, args.isVerified ? ctx.now() : null)) {
      fail('not_found', `Payment ${args.paymentId} has no receipt`, { field: 'paymentId' });
    }
    const receipt = repo.findReceipt(ctx.db, args.paymentId) ?? fail('not_found', `Payment ${args.paymentId} has no receipt`);
    ctx.emit('orders.changed', { orderIds: [receipt.orderId] });
    return receipt;
  },

  'payments.listReceipts': (ctx, args) => ({ items: repo.listReceipts(ctx.db, args) }),

  'payments.receivables': (ctx, args) => repo.receivables(ctx.db, args.limit, args.offset),

  'payments.sendReminder': async (ctx, args) => {
    const last = repo.lastReminderAt(ctx.db, args.customerId);
    if (last !== null && ctx.now() - last < REMINDER_GAP_MS) {
      fail('conflict', 'A reminder already went to this customer today; wait until tomorrow', { details: { lastReminderAt: last } });
    }
    if (repo.hasQueuedReminder(ctx.db, args.customerId)) fail('conflict', 'A reminder to this customer is already waiting in the outbox', { details: { isQueued: true } });
    const sent = await sendToCustomer(ctx, { customerId: args.customerId, text: args.text });
    const sentAt = ctx.now();
    ctx.db.transaction(() => repo.recordReminder(ctx.db, args.customerId, sent.messageId, sentAt))();
    return { messageId: sent.messageId, sentAt };
  },

  'payments.planReminders': (ctx, args) => planReminders(ctx, args.customerIds),
  'payments.queueReminders': (ctx, args) => queueReminders(ctx, args.customerIds, args.template),
  'payments.reminderBatch': (ctx, args) => reminderBatch(ctx, args.batchId),
  'payments.sendDetails': (ctx, args) => sendPaymentDetails(ctx, args),

  'payments.salesNote': (ctx, args) =>
    makeSalesNote({ db: ctx.db, dataDir: ctx.dataDir, resourcesDir: ctx.resourcesDir, now: ctx.now() }, orders.getOrder(ctx.db, args.orderId), readSettings(ctx.db), args.format),
} satisfies Partial<Handlers>;
