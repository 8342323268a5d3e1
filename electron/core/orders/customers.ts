import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { fail } from '../../../shared/api/errors';
import type { Db } from '../db/open';

/** "es-PE" → "PE": the shop's country is the default for numbers typed without +51. */
export const countryOfLocale = (locale: string): CountryCode | undefined => {
  const region = new Intl.Locale(locale).maximize().region;
  return region && isSupportedCountry(region) ? region : undefined;
};

/** Normalises a phone to E.164 ("+51987654321"); '' stays ''; anything unreadable is refused. */
export const normalizePhone = (phone: string, locale: string, field: string): string => {
  if (phone.trim() === '') return '';
  const parsed = parsePhoneNumberFromString(phone, countryOfLocale(locale));
  if (!parsed?.isValid()) return fail('invalid_input', `${field}: "${phone}" is not a phone number`, { field });
  return parsed.number;
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
