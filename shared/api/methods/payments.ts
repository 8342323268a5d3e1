import { z } from 'zod';
import * as s from '../schemas';
import type { Order } from '../../domain/orders';
import { messageChannels, type MessageChannel } from '../../domain/inbox';
import type { PaymentReceipt, ReceiptCheck, Receivable, ReminderBatch, ReminderPlan } from '../../domain/payments';
import { operationNumber } from './orders';
import type { PrintResult } from './print';
import { read, task, write } from './define';

const mediaId = z.string().regex(/^[a-f0-9]{16,64}$/, 'is not a photo id');
const customerIds = z.array(s.id).min(1, 'choose at least one customer').max(1000).refine((ids) => new Set(ids).size === ids.length, 'lists a customer twice');
const batchId = z.string().regex(/^[a-z0-9]{6,32}$/, 'is not a reminder batch id');

export const paymentMethods = {
  /** Reads a photo from a chat as a payment (OCR, offline), offers the order and says what looks wrong; saves nothing. */
  'payments.readReceipt': task<ReceiptCheck>()(
    z.object({ mediaId, customerId: s.id.optional(), orderId: s.id.optional() }).strict(),
  ),
  /** Loads the receipt reader ahead of "Es un pago" (a customer's photo is on screen); returns at once. */
  'payments.prepareReader': task<{ isReady: boolean }>()(z.object({}).strict()),
  /** Records the payment she confirmed, with the screenshot kept on it ("comprobante recibido"). */
  'payments.recordReceipt': task<Order>()(
    z
      .object({
        orderId: s.id,
        mediaId,
        amount: s.money.refine((n) => n > 0, 'must be more than zero'),
        method: s.requiredText(40),
        operationNumber: operationNumber.default(''),
        payerName: s.shortText(80).default(''),
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-07').nullable().default(null),
        time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'is not a time like 15:42').nullable().default(null),
        app: z.enum(['yape', 'plin', 'bank', 'unknown']).default('unknown'),
      })
      .strict(),
  ),
  /** "Verificado en mi app": she saw the money arrive. */
  'payments.verify': write<PaymentReceipt>()(z.object({ paymentId: s.id, isVerified: z.boolean() }).strict()),
  'payments.listReceipts': read<{ items: PaymentReceipt[] }>()(
    z.object({ orderId: s.id.optional(), isVerified: z.boolean().optional() }).strict(),
  ),
  /** Por cobrar: customers with a balance. */
  /** Who owes, most owed first, a page at a time; `total` customers owe `totalDue` in all. */
  'payments.receivables': read<{ items: Receivable[]; total: number; totalDue: number }>()(
    z.object({ limit: z.number().int().min(1).max(1000).default(50), offset: z.number().int().min(0).max(1_000_000).default(0) }).strict(),
  ),
  /** Sends her reminder to one customer through their chat; at most one a day per customer. */
  'payments.sendReminder': task<{ messageId: number; sentAt: number }>()(
    z.object({ customerId: s.id, text: z.string().trim().min(1, 'is required').max(2000) }).strict(),
  ),
  /** Who a bulk reminder would reach, and who is left out and why (no chat, reminded today, already queued); sends nothing. */
  'payments.planReminders': read<ReminderPlan>()(z.object({ customerIds }).strict()),
  /**
   * Queues one reminder per customer in the outbox, paced like broadcasts; each filled from her template
   * (default: the saved one). Those the plan leaves out are skipped.
   */
  'payments.queueReminders': write<ReminderPlan & { batchId: string }>()(
    z.object({ customerIds, template: z.string().trim().min(1, 'is required').max(1000).optional() }).strict(),
  ),
  /** How a queued batch of reminders is going. */
  'payments.reminderBatch': read<ReminderBatch>()(z.object({ batchId }).strict()),
  /**
   * Her payment details in a chat (the composer's "Datos de pago", or an order confirmation that offers them):
   * her QR images go as pictures with the text as caption where the channel takes photos, else the text alone.
   */
  'payments.sendDetails': task<{ messageId: number; conversationId: number; channel: MessageChannel; qr: 'sent' | 'none' | 'not_on_channel' }>()(
    z
      .object({
        conversationId: s.id.optional(),
        customerId: s.id.optional(),
        channel: z.enum(messageChannels).optional(),
        text: z.string().trim().min(1, 'is required').max(4000),
      })
      .strict()
      .refine((a) => (a.customerId === undefined) !== (a.conversationId === undefined), { message: 'give either customerId or conversationId', path: ['customerId'] }),
  ),
  /** Nota de venta (not a tax document), numbered per shop, as a PDF to print or a PNG to send in the chat. */
  'payments.salesNote': task<PrintResult & { number: string }>()(z.object({ orderId: s.id, format: z.enum(['pdf', 'png']).default('pdf') }).strict()),
} as const;
