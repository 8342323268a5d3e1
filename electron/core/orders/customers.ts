import { fail } from '../../../shared/api/errors';
import { countryOfLocale, invalidPhoneDetails, toE164 } from '../../../shared/domain/phones';
import type { Db } from '../db/open';

/**
 * Normalises a phone to E.164 ("+51987654321") with the shop's country; '' stays ''. Anything that is
 * not a valid number is refused (invalid_input on `field`, details say what and for which country).
 */
export const normalizePhone = (phone: string, locale: string, field: string): string => {
  if (phone.trim() === '') return '';
  const country = countryOfLocale(locale);
  const e164 = toE164(phone, country);
  if (e164 === null) {
    return fail('invalid_input', `${field}: "${phone.trim().slice(0, 40)}" is not a valid phone number${country ? ` in ${country}` : ''}`, {
      field,
      details: { ...invalidPhoneDetails(phone, country) },
    });
  }
  return e164;
};

export type CustomerInput = { id: number } | { name: string; phone: string };

/** An existing customer by id, the customer who already has this phone, or a new one. */
export const resolveCustomer = (db: Db, input: CustomerInput, locale: string, now: number): number => {
  if ('id' in input) {
    const found = db.prepare('SELECT id FROM customers WHERE id = ?').pluck().get(input.id);
    if (found === undefined) fail('not_found', `Customer ${input.id} does not exist`, { field: 'customer.id' });
    return input.id;
  }
  const phone = normalizePhone(input.phone, locale, 'customer.phone');
  if (phone) {
    const same = db.prepare<[string], number>('SELECT id FROM customers WHERE phone = ? ORDER BY id LIMIT 1').pluck().get(phone);
    if (same !== undefined) return same;
  }
  return Number(
    db.prepare('INSERT INTO customers (name, phone, created_at, updated_at) VALUES (?, ?, ?, ?)').run(input.name, phone, now, now)
      .lastInsertRowid,
  );
};

export const customerName = (db: Db, id: number | null): string =>
  id === null ? '' : String(db.prepare('SELECT name FROM customers WHERE id = ?').pluck().get(id) ?? '');
