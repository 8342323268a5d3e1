import { DateTime } from 'luxon';
import { foldText } from '../../../shared/domain/catalog';
import { isNearName, type PaymentWarning } from '../../../shared/domain/payments';
import type { ReceiptReading } from '../../../shared/domain/receiptText';
import type { Db } from '../db/open';
import { hashDistance, NEAR_COPY_DISTANCE } from './imageHash';
import * as repo from './repo';

/** A receipt older than this many days is worth a second look (a reused old screenshot). */
export const MAX_RECEIPT_AGE_DAYS = 3;

export interface CheckInput {
  mediaId: string;
  imageHash: string;
  reading: ReceiptReading;
  amount: number | null;
  order: { number: string; balanceDue: number; createdAt: number; customerName: string } | null;
  now: number;
  timeZone: string;
}

/**
 * The common frauds, as warnings (never a block): the same operation number or the same screenshot
 * used before, an amount that is not what is owed, a date before the order or days old, a payer
 * who does not look like the customer.
 */
export const receiptWarnings = (db: Db, input: CheckInput): PaymentWarning[] => {
  const warnings: PaymentWarning[] = [];
  const { reading } = input;
  if (reading.operationNumber) {
    const used = repo.paymentWithOperation(db, reading.operationNumber);
    if (used) warnings.push({ code: 'duplicate_operation', orderNumber: used.orderNumber });
  }
  // The same file is the same media id. A near hash alone is not enough: every receipt of one app
  // shares its layout, so a near copy must also say the same amount and the same operation or moment.
  const copy = repo.allReceipts(db).find(
    (row) =>
      row.media_id === input.mediaId ||
      (hashDistance(row.image_hash, input.imageHash) <= NEAR_COPY_DISTANCE &&
        input.amount !== null &&
        row.amount === input.amount &&
        ((reading.operationNumber !== '' && row.operation_number === reading.operationNumber) ||
          (reading.date !== null && row.paid_date === reading.date && row.paid_time === reading.time))),
  );
  if (copy) warnings.push({ code: 'duplicate_image', orderNumber: copy.order_number });
  if (input.order && input.amount !== null && input.amount !== input.order.balanceDue) {
    warnings.push({ code: 'amount_mismatch', amount: input.amount, balanceDue: input.order.balanceDue });
  }
  if (reading.date) {
    const paid = DateTime.fromISO(`${reading.date}T${reading.time ?? '23:59'}`, { zone: input.timeZone });
    const today = DateTime.fromMillis(input.now, { zone: input.timeZone }).startOf('day');
    const days = Math.floor(today.diff(paid.startOf('day'), 'days').days);
    if (input.order && paid.isValid && paid.toMillis() < DateTime.fromMillis(input.order.createdAt, { zone: input.timeZone }).startOf('day').toMillis()) {
      warnings.push({ code: 'date_before_order', date: reading.date });
    } else if (paid.isValid && days > MAX_RECEIPT_AGE_DAYS) {
      warnings.push({ code: 'date_too_old', date: reading.date, days });
    }
  }
  if (input.order && reading.payerName && input.order.customerName && !isNearName(reading.payerName, input.order.customerName, foldText)) {
    warnings.push({ code: 'payer_mismatch', payerName: reading.payerName, customerName: input.order.customerName });
  }
  return warnings;
};
