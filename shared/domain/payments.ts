import type { MessageChannel } from './inbox';
import { formatMoney } from './money';
import type { ReceiptReading } from './receiptText';
import type { ShopSettings } from './settings';

export const paymentDetailKinds = ['yape', 'plin', 'bank', 'cash', 'other'] as const;
export type PaymentDetailKind = (typeof paymentDetailKinds)[number];

/** One way the seller gets paid, with what a customer needs to pay her that way. */
export interface PaymentDetail {
  kind: PaymentDetailKind;
  /** "Yape", "BCP", "Contra entrega": the name the customer reads. */
  label: string;
  /** Yape/Plin phone, or the bank account number. */
  number: string;
  /** Whose name the customer's app will show. */
  holder: string;
  /** Interbank code (CCI) for transfers from another bank. */
  cci: string;
  /** Her QR (an uploaded photo id), '' for none. */
  qrMediaId: string;
}

const words = {
  es: { intro: 'Puedes pagar por:', holder: 'a nombre de', account: 'Cta.', cci: 'CCI', cash: 'pago contra entrega' },
  en: { intro: 'You can pay by:', holder: 'name:', account: 'Account', cci: 'CCI', cash: 'cash on delivery' },
} as const;

/** One line per method: "• Yape 987 654 321 a nombre de Karina P." */
export const paymentDetailLine = (detail: PaymentDetail, language: 'es' | 'en'): string => {
  const w = words[language];
  if (detail.kind === 'cash') return `• ${detail.label || w.cash}`;
  const holder = detail.holder ? ` ${w.holder} ${detail.holder}` : '';
  if (detail.kind === 'bank') {
    const account = detail.number ? ` ${w.account} ${detail.number}` : '';
    const cci = detail.cci ? ` · ${w.cci} ${detail.cci}` : '';
    return `• ${detail.label}${account}${cci}${holder}`;
  }
  return `• ${detail.label}${detail.number ? ` ${detail.number}` : ''}${holder}`;
};

/** The block the confirmation and the composer's "Datos de pago" send; '' when she has none set. */
export const paymentDetailsText = (details: PaymentDetail[], language: 'es' | 'en'): string =>
  details.length === 0 ? '' : [words[language].intro, ...details.map((d) => paymentDetailLine(d, language))].join('\n');

/** A warning shown before she confirms a payment from a screenshot; it never blocks. */
export type PaymentWarning =
  | { code: 'duplicate_operation'; orderNumber: string }
  | { code: 'duplicate_image'; orderNumber: string }
  | { code: 'amount_mismatch'; amount: number; balanceDue: number }
  | { code: 'date_before_order'; date: string }
  | { code: 'date_too_old'; date: string; days: number }
  | { code: 'payer_mismatch'; payerName: string; customerName: string };

export const paymentWarningCodes = ['duplicate_operation', 'duplicate_image', 'amount_mismatch', 'date_before_order', 'date_too_old', 'payer_mismatch'] as const;

/** What Chasqui read from a photo, with the checks, for her to confirm. */
export interface ReceiptCheck {
  mediaId: string;
  reading: ReceiptReading;
  /** The text the OCR saw, for her to compare. */
  text: string;
  /** The order it is offered for: the customer's one open order with a balance, or the one asked for. */
  orderId: number | null;
  /** The shop's payment method label that fits the app (Yape/Plin, Transferencia). */
  method: string;
  warnings: PaymentWarning[];
}

/** A payment backed by a screenshot: "comprobante recibido" until she ticks "verificado en mi app". */
export interface PaymentReceipt {
  paymentId: number;
  orderId: number;
  orderNumber: string;
  mediaId: string;
  amount: number;
  operationNumber: string;
  payerName: string;
  isVerified: boolean;
  createdAt: number;
}

/** A customer who owes, for Por cobrar. */
export interface Receivable {
  customerId: number;
  customerName: string;
  phone: string;
  balanceDue: number;
  orders: { id: number; number: string; balanceDue: number; createdAt: number }[];
  /** The oldest unpaid order's date. */
  since: number;
  lastReminderAt: number | null;
}

/** One reminder a day per customer at most: a reminder is a nudge, not a collection agency. */
export const REMINDER_GAP_MS = 20 * 60 * 60 * 1000;

export const reminderSkipReasons = ['no_chat', 'reminded_today', 'queued_already', 'nothing_owed'] as const;
export type ReminderSkipReason = (typeof reminderSkipReasons)[number];

/** Who a bulk reminder reaches (through which chat) and who it leaves out. */
export interface ReminderPlan {
  recipients: { customerId: number; name: string; channel: MessageChannel; balanceDue: number }[];
  skipped: { customerId: number; name: string; reason: ReminderSkipReason }[];
}

/** A queued batch of reminders as the outbox works through it. */
export interface ReminderBatch {
  batchId: string;
  total: number;
  pending: number;
  sent: number;
  failed: number;
  skipped: number;
  /** When the next one may go out (pacing), null when none waits. */
  nextSendAt: number | null;
}

export const defaultReminderTemplate =
  '¡Hola {cliente}! 😊 Te escribo por tu pedido {pedidos} de {tienda}: queda un saldo de {saldo}. {pagos}\n¡Gracias!';

export const isNearName = (payer: string, customer: string, fold: (s: string) => string): boolean => {
  const tokens = (s: string) => fold(s).split(/[^a-z]+/).filter((t) => t.length >= 3);
  const theirs = tokens(customer);
  // A shared name, or one that starts the same (Lucía / Lucia, Karina P. / Karina Paredes).
  return tokens(payer).some((p) => theirs.some((c) => c === p || (p.length >= 4 && c.length >= 4 && c.slice(0, 4) === p.slice(0, 4))));
};

/** Por cobrar's text for one customer, from her template ({cliente} {pedidos} {saldo} {pagos} {tienda}); unknown words stay. */
export const reminderText = (
  values: { customerName: string; orderNumbers: string[]; balanceDue: number },
  settings: Pick<ShopSettings, 'paymentReminderTemplate' | 'currency' | 'locale' | 'paymentDetails' | 'language' | 'shopName'>,
): string => {
  const filled: Record<string, string> = {
    cliente: values.customerName.split(' ')[0] ?? '',
    pedidos: values.orderNumbers.join(', '),
    saldo: formatMoney(values.balanceDue, settings.currency, settings.locale),
    pagos: paymentDetailsText(settings.paymentDetails, settings.language),
    tienda: settings.shopName,
  };
  return settings.paymentReminderTemplate.replace(/\{(\w+)\}/g, (match, key: string) => filled[key] ?? match).replace(/\n{3,}/g, '\n\n').trim();
};
