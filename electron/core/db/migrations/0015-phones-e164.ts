import type Database from 'better-sqlite3';
import { countryOfLocale, toE164 } from '../../../../shared/domain/phones';
import type { Migration } from '../migrate';

/**
 * Phones saved before Chasqui read them with the shop's country ("987 222 333" on a delivery,
 * "51912345678" for a courier) become E.164, so every link built from them calls the right number.
 * A customer's or delivery's value that is not a valid number is left as written: the seller sees it
 * (with no link) and can correct it.
 */
const normalisePhones = (db: Database.Database): void => {
  const setting = (key: string): unknown => {
    const value = db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck().get(key);
    return value === undefined ? undefined : JSON.parse(value);
  };
  const locale = setting('locale');
  const country = countryOfLocale(typeof locale === 'string' ? locale : 'es-PE');
  const fixed = (phone: string): string => (phone.trim() === '' ? phone : toE164(phone, country) ?? phone);

  const customers = db.prepare<[], { id: number; phone: string }>("SELECT id, phone FROM customers WHERE phone <> ''").all();
  const setCustomer = db.prepare('UPDATE customers SET phone = ? WHERE id = ?');
  for (const c of customers) if (fixed(c.phone) !== c.phone) setCustomer.run(fixed(c.phone), c.id);

  const stops = db.prepare<[], { order_id: number; contact_phone: string }>("SELECT order_id, contact_phone FROM deliveries WHERE contact_phone <> ''").all();
  const setStop = db.prepare('UPDATE deliveries SET contact_phone = ? WHERE order_id = ?');
  for (const s of stops) if (fixed(s.contact_phone) !== s.contact_phone) setStop.run(fixed(s.contact_phone), s.order_id);

  const saveSetting = db.prepare('UPDATE settings SET value = ? WHERE key = ?');
  const couriers = setting('couriers');
  if (Array.isArray(couriers)) {
    const next = couriers.map((c: unknown) =>
      c !== null && typeof c === 'object' && 'phone' in c && typeof c.phone === 'string' ? { ...c, phone: fixed(c.phone) } : c,
    );
    saveSetting.run(JSON.stringify(next), 'couriers');
  }
  // The shop's own number stays E.164 digits without "+", as ShopSettings documents it. One that is not
  // a number (the old welcome saved "912 345 67" as 5191234567) is emptied: every printed QR and promo
  // link is made from it, and a link to a stranger is worse than none; Ajustes then asks for it again.
  const whatsapp = setting('whatsappNumber');
  if (typeof whatsapp === 'string' && whatsapp !== '') {
    const e164 = toE164(whatsapp, country);
    saveSetting.run(JSON.stringify(e164 === null ? '' : e164.slice(1)), 'whatsappNumber');
  }
};

export const m0015: Migration = {
  version: 15,
  name: 'phones in E.164',
  sql: '',
  run: normalisePhones,
};
