import { z } from 'zod';
import * as s from '../schemas';
import type { Order } from '../../domain/orders';
import type { PaymentReceipt, ReceiptCheck, Receivable } from '../../domain/payments';
import { operationNumber } from './orders';
import type { PrintResult } from './print';
import { read, task, write } from './define';

const mediaId = z.string().regex(/^[a-f0-9]{16,64}$/, 'is not a photo id');

export const paymentMethods = {
  /** Reads a photo from a chat as a payment (OCR, offline), offers the order and says what looks wrong; saves nothing. */
  'payments.readReceipt': task<ReceiptCheck>()(
    z.object({ mediaId, customerId: s.id.optional(), orderId: s.id.optional() }).strict(),
  ),
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
  'payments.receivables': read<{ items: Receivable[] }>()(z.object({}).strict()),
  /** Sends her reminder to one customer through their chat; at most one a day per customer. */
  'payments.sendReminder': task<{ messageId: number; sentAt: number }>()(
    z.object({ customerId: s.id, text: z.string().trim().min(1, 'is required').max(2000) }).strict(),
  ),
  /** Nota de venta (not a tax document), numbered per shop, as a PDF to print or a PNG to send in the chat. */
  'payments.salesNote': task<PrintResult & { number: string }>()(z.object({ orderId: s.id, format: z.enum(['pdf', 'png']).default('pdf') }).strict()),
} as const;
