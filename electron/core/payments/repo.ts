import { REMINDER_GAP_MS, type PaymentReceipt, type Receivable, type ReminderSkipReason } from '../../../shared/domain/payments';
import { orderStatuses } from '../../../shared/domain/orders';
import type { ReceiptReading } from '../../../shared/domain/receiptText';
import type { Db } from '../db/open';

export interface ReceiptRow {
  payment_id: number;
  order_id: number;
  order_number: string;
  media_id: string;
  image_hash: string;
  amount: number;
  operation_number: string;
  payer_name: string;
  paid_date: string | null;
  paid_time: string | null;
  verified_at: number | null;
  created_at: number;
}

const RECEIPTS_SQL = `SELECT r.*, o.number AS order_number FROM payment_receipts r JOIN orders o ON o.id = r.order_id`;

export const toReceipt = (row: ReceiptRow): PaymentReceipt => ({
  paymentId: row.payment_id,
  orderId: row.order_id,
  orderNumber: row.order_number,
  mediaId: row.media_id,
  amount: row.amount,
  operationNumber: row.operation_number,
  payerName: row.payer_name,
  isVerified: row.verified_at !== null,
  createdAt: row.created_at,
});

export const insertReceipt = (
  db: Db,
  receipt: { paymentId: number; orderId: number; mediaId: string; imageHash: string; amount: number; reading: ReceiptReading },
  now: number,
): void => {
  db.prepare(
    `INSERT INTO payment_receipts (payment_id, order_id, media_id, image_hash, amount, operation_number, payer_name, paid_date, paid_time, app, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    receipt.paymentId,
    receipt.orderId,
    receipt.mediaId,
    receipt.imageHash,
    receipt.amount,
    receipt.reading.operationNumber,
    receipt.reading.payerName,
    receipt.reading.date,
    receipt.reading.time,
    receipt.reading.app,
    now,
  );
};

/** Every receipt already kept: few per shop (hundreds), so the near-copy check reads them all. */
export const allReceipts = (db: Db): ReceiptRow[] => db.prepare<[], ReceiptRow>(`${RECEIPTS_SQL} ORDER BY r.payment_id`).all();

export const listReceipts = (db: Db, filter: { orderId?: number; isVerified?: boolean }): PaymentReceipt[] => {
  const where: string[] = [];
  const params: number[] = [];
  if (filter.orderId !== undefined) {
    where.push('r.order_id = ?');
    params.push(filter.orderId);
  }
  if (filter.isVerified !== undefined) where.push(filter.isVerified ? 'r.verified_at IS NOT NULL' : 'r.verified_at IS NULL');
  return db
    .prepare<number[], ReceiptRow>(`${RECEIPTS_SQL} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.payment_id DESC LIMIT 500`)
    .all(...params)
    .map(toReceipt);
};

export const setVerified = (db: Db, paymentId: number, verifiedAt: number | null): boolean =>
  db.prepare('UPDATE payment_receipts SET verified_at = ? WHERE payment_id = ?').run(verifiedAt, paymentId).changes > 0;

export const findReceipt = (db: Db, paymentId: number): PaymentReceipt | undefined => {
  const row = db.prepare<[number], ReceiptRow>(`${RECEIPTS_SQL} WHERE r.payment_id = ?`).get(paymentId);
  return row ? toReceipt(row) : undefined;
};

/** A payment (any, not only from a screenshot) that carries this operation number, on any order. */
export const paymentWithOperation = (db: Db, operationNumber: string): { orderNumber: string } | undefined =>
  db
    .prepare<[string], { orderNumber: string }>(
      `SELECT o.number AS orderNumber FROM payments p JOIN orders o ON o.id = p.order_id WHERE p.operation_number = ? LIMIT 1`,
    )
    .get(operationNumber);

/** The customer's orders that still have something to pay, oldest first. */
export const openOrdersOf = (db: Db, customerId: number): { id: number; number: string; total: number; paid: number; created_at: number }[] =>
  db
    .prepare<[number], { id: number; number: string; total: number; paid: number; created_at: number }>(
      `SELECT id, number, total, paid, created_at FROM orders
        WHERE customer_id = ? AND status NOT IN ('cancelled') AND paid < total ORDER BY created_at, id`,
    )
    .all(customerId);

/**
 * Orders that still owe: every state but cancelled, named one by one so SQLite finds them in the owing
 * orders' index (migration 0036) instead of reading every order of a customer who has hundreds.
 */
const OWING = `o.status IN (${orderStatuses
  .filter((status) => status !== 'cancelled')
  .map((status) => `'${status}'`)
  .join(', ')}) AND o.paid < o.total`;

/**
 * These customers' balances, each with the orders she owes on, in the order asked (those who owe
 * nothing are left out). Her name, phone and last reminder are read once per customer, not once
 * per order: the busiest customers of a page owe on hundreds.
 */
export const receivablesOf = (db: Db, customerIds: number[]): Receivable[] => {
  const ids = JSON.stringify(customerIds);
  const orders = db
    .prepare<[string], { id: number; number: string; customer_id: number; balance: number; created_at: number }>(
      `SELECT o.id, o.number, o.customer_id, o.total - o.paid AS balance, o.created_at FROM orders o
        WHERE o.customer_id IN (SELECT value FROM json_each(?)) AND ${OWING}
        ORDER BY o.created_at, o.id`,
    )
    .all(ids);
  const people = new Map(
    db
      .prepare<[string], { id: number; name: string; phone: string; last_reminder: number | null }>(
        `SELECT c.id, c.name, c.phone, (SELECT max(sent_at) FROM payment_reminders pr WHERE pr.customer_id = c.id) AS last_reminder
           FROM customers c WHERE c.id IN (SELECT value FROM json_each(?))`,
      )
      .all(ids)
      .map((person) => [person.id, person]),
  );
  const byCustomer = new Map<number, Receivable>();
  for (const order of orders) {
    const person = people.get(order.customer_id);
    if (!person) continue;
    const entry = byCustomer.get(order.customer_id) ?? {
      customerId: order.customer_id,
      customerName: person.name,
      phone: person.phone,
      balanceDue: 0,
      orders: [],
      since: order.created_at,
      lastReminderAt: person.last_reminder,
    };
    entry.balanceDue += order.balance;
    entry.orders.push({ id: order.id, number: order.number, balanceDue: order.balance, createdAt: order.created_at });
    byCustomer.set(order.customer_id, entry);
  }
  return customerIds.flatMap((id) => byCustomer.get(id) ?? []);
};

/**
 * Who owes her, most owed first, a page at a time, with how many owe and how much in all: read from
 * what each customer owes (rollup_owing, migration 0043, kept with every order write), and only the
 * page's customers read their orders.
 */
export const receivables = (db: Db, limit: number, offset: number): { items: Receivable[]; total: number; totalDue: number } => {
  const page = db
    .prepare<[number, number], number>('SELECT customer_id FROM rollup_owing ORDER BY owed DESC, customer_id LIMIT ? OFFSET ?')
    .pluck()
    .all(limit, offset);
  const all = db.prepare<[], { total: number; due: number }>('SELECT count(*) AS total, coalesce(sum(owed), 0) AS due FROM rollup_owing').get() ?? { total: 0, due: 0 };
  return { items: receivablesOf(db, page), total: all.total, totalDue: all.due };
};

export const recordReminder = (db: Db, customerId: number, messageId: number, now: number): void => {
  db.prepare('INSERT INTO payment_reminders (customer_id, message_id, sent_at) VALUES (?, ?, ?)').run(customerId, messageId, now);
};

export const lastReminderAt = (db: Db, customerId: number): number | null =>
  db.prepare<[number], number | null>('SELECT max(sent_at) FROM payment_reminders WHERE customer_id = ?').pluck().get(customerId) ?? null;

/** A reminder for this customer waiting in the outbox (other than `exceptOutboxId`, the one about to go). */
export const hasQueuedReminder = (db: Db, customerId: number, exceptOutboxId = -1): boolean =>
  db
    .prepare("SELECT 1 FROM outbox WHERE target = 'payment_reminder' AND customer_id = ? AND status IN ('pending', 'sending', 'unknown') AND id <> ?")
    .get(customerId, exceptOutboxId) !== undefined;

const owes = (db: Db, customerId: number): boolean =>
  db.prepare("SELECT 1 FROM orders WHERE customer_id = ? AND status <> 'cancelled' AND paid < total").get(customerId) !== undefined;

/**
 * Why a reminder must not go to this customer now (null: it may): nothing owed any more, one already
 * sent within the day, or one already waiting in the outbox.
 */
export const reminderSkipReason = (db: Db, customerId: number, now: number, exceptOutboxId = -1): ReminderSkipReason | null => {
  if (!owes(db, customerId)) return 'nothing_owed';
  const last = lastReminderAt(db, customerId);
  if (last !== null && now - last < REMINDER_GAP_MS) return 'reminded_today';
  if (hasQueuedReminder(db, customerId, exceptOutboxId)) return 'queued_already';
  return null;
};

/** A batch's rows share the idempotency key's prefix "reminder-<batchId>-". */
export const reminderKey = (batchId: string, customerId: number): string => `reminder-${batchId}-${customerId}`;

export const reminderBatchCounts = (db: Db, batchId: string): { status: string; via: string; n: number }[] => {
  const prefix = `reminder-${batchId}-`;
  return db
    .prepare<[number, string], { status: string; via: string; n: number }>(
      "SELECT status, via, count(*) AS n FROM outbox WHERE target = 'payment_reminder' AND substr(idempotency_key, 1, ?) = ? GROUP BY status, via",
    )
    .all(prefix.length, prefix);
};
