import type { CustomerListItem, CustomerProfile, PromoConsent } from '../../../shared/api/methods/customers';
import { normalizePhone } from '../orders/customers';
import { setConsent } from './consent';
import { fail } from '../../../shared/api/errors';
import type { MessageChannel } from '../../../shared/domain/inbox';
import type { Handlers } from '../context';
import type { Db } from '../db/open';
import { parseTags } from '../db/tags';
import { findConversation } from '../inbox/repo';
import { listOrdersPage } from '../orders/list';
import { readSettings } from '../settings/repo';
import { eraseCustomer, exportCustomerData } from './privacy';
import { CUSTOMER_COLUMNS, listCustomersPage } from './list';
import { linkCustomers, suggestMatches, unlinkIdentity } from './links';

/** Her newest orders in the profile; the dialog asks orders.list for the rest as she scrolls. */
export const ORDER_HISTORY_PAGE = 20;

// The same columns as the customer list, from the rollups: her figures without reading her orders.
const PROFILE_SQL = `SELECT ${CUSTOMER_COLUMNS} FROM customers c LEFT JOIN rollup_customers r ON r.customer_id = c.id WHERE c.id = ?`;

const profileOf = (db: Db, id: number): CustomerProfile => {
  const base = db.prepare<[number], CustomerListItem>(PROFILE_SQL).get(id) ?? fail('not_found', `Customer ${id} does not exist`, { field: 'id' });
  const identities = db
    .prepare<[number], { channel: MessageChannel; externalId: string; displayName: string }>(
      'SELECT channel, external_id AS externalId, display_name AS displayName FROM customer_identities WHERE customer_id = ? ORDER BY channel',
    )
    .all(id);
  const history = listOrdersPage(db, { customerId: id, limit: ORDER_HISTORY_PAGE, offset: 0 }, readSettings(db).timeZone);
  const conversations = db
    .prepare<[number], number>('SELECT id FROM conversations WHERE customer_id = ? ORDER BY last_message_at DESC')
    .pluck()
    .all(id)
    .flatMap((conversationId) => findConversation(db, conversationId) ?? []);
  const extra = db
    .prepare<[number], { notes: string; tags: string; promo_consent: PromoConsent; consent_at: number | null; consent_source: string }>(
      'SELECT notes, tags, promo_consent, consent_at, consent_source FROM customers WHERE id = ?',
    )
    .get(id);
  return {
    ...base,
    notes: extra?.notes ?? '',
    tags: parseTags(extra?.tags ?? '[]'),
    consent: { status: extra?.promo_consent ?? 'unknown', at: extra?.consent_at ?? null, source: extra?.consent_source ?? '' },
    identities,
    orderHistory: history.items,
    orderHistoryTotal: history.total,
    conversations,
  };
};

export const customerHandlers = {
  'customers.list': (ctx, args) => listCustomersPage(ctx.db, args),

  'customers.suggestMatches': (ctx) => ({ items: suggestMatches(ctx.db) }),

  'customers.link': (ctx, args) => {
    linkCustomers(ctx.db, args.id, args.otherId, ctx.now());
    ctx.emit('orders.changed', { orderIds: [] });
    return profileOf(ctx.db, args.id);
  },

  'customers.unlink': (ctx, args) => {
    unlinkIdentity(ctx.db, args.id, args.channel, args.externalId, ctx.now());
    return profileOf(ctx.db, args.id);
  },

  'customers.get': (ctx, args) => profileOf(ctx.db, args.id),

  'customers.update': (ctx, args) => {
    profileOf(ctx.db, args.id);
    const now = ctx.now();
    const set = (column: 'name' | 'phone' | 'notes' | 'tags', value: string) =>
      ctx.db.prepare(`UPDATE customers SET ${column} = ?, updated_at = ? WHERE id = ?`).run(value, now, args.id);
    if (args.name !== undefined) set('name', args.name);
    if (args.phone !== undefined) set('phone', normalizePhone(args.phone, readSettings(ctx.db).locale, 'phone'));
    if (args.notes !== undefined) set('notes', args.notes);
    if (args.tags !== undefined) set('tags', JSON.stringify([...new Set(args.tags)]));
    if (args.promoConsent !== undefined) setConsent(ctx.db, args.id, args.promoConsent, 'manual', now);
    ctx.emit('orders.changed', { orderIds: [] });
    return profileOf(ctx.db, args.id);
  },

  'customers.exportData': (ctx, args) => exportCustomerData(ctx, args.id),

  'customers.erase': async (ctx, args) => {
    const result = ctx.db.transaction(() => eraseCustomer(ctx, args.id))();
    // Old copies of the erased pages may still sit in the WAL; fold it in and truncate it.
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    ctx.emit('orders.changed', { orderIds: [] });
    return result;
  },
} satisfies Partial<Handlers>;
