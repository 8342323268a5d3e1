import type { PromoConsent } from '../../../shared/api/methods/customers';
import type { Db } from '../db/open';

/** Records a yes or no to promotional messages, with when and where it came from; the same answer again changes nothing. */
export const setConsent = (db: Db, customerId: number, status: PromoConsent, source: string, now: number): boolean =>
  db
    .prepare('UPDATE customers SET promo_consent = ?, consent_at = ?, consent_source = ?, updated_at = ? WHERE id = ? AND promo_consent <> ?')
    .run(status, now, source, now, customerId, status).changes > 0;

export const consentOf = (db: Db, customerId: number): PromoConsent =>
  db.prepare<[number], PromoConsent>('SELECT promo_consent FROM customers WHERE id = ?').pluck().get(customerId) ?? 'unknown';
