import type { CustomerListItem } from '../../../shared/api/methods/customers';
import { fail } from '../../../shared/api/errors';
import { foldText } from '../../../shared/domain/catalog';
import type { MessageChannel } from '../../../shared/domain/inbox';
import type { Handlers } from '../context';
import type { Db } from '../db/open';
import { findConversation } from '../inbox/repo';
import { listOrdersPage } from '../orders/list';
import { readSettings } from '../settings/repo';
import { eraseCustomer, exportCustomerData } from './privacy';

// Lifetime value counts what was sold, never cancelled orders.
const LIST_SQL = `
  SELECT c.id, c.name, c.phone,
         count(o.id) AS orders, coalesce(sum(o.total), 0) AS lifetimeValue, max(o.created_at) AS lastPurchaseAt
    FROM customers c LEFT JOIN orders o ON o.customer_id = c.id AND o.status <> 'cancelled'`;

const listCustomers = (db: Db): CustomerListItem[] =>
  db.prepare<[], CustomerListItem>(`${LIST_SQL} GROUP BY c.id ORDER BY lastPurchaseAt DESC NULLS LAST, c.name`).all();

export const customerHandlers = {
  'customers.list': (ctx, args) => {
    const all = listCustomers(ctx.db);
    const words = args.query ? foldText(args.query).split(/\s+/).filter(Boolean) : [];
    const matches = words.length === 0 ? all : all.filter((c) => words.every((w) => foldText(`${c.name} ${c.phone}`).includes(w)));
    return { items: matches.slice(0, args.limit) };
  },

  'customers.get': (ctx, args) => {
    const base = ctx.db.prepare<[number], CustomerListItem>(`${LIST_SQL} WHERE c.id = ? GROUP BY c.id`).get(args.id) ?? fail('not_found', `Customer ${args.id} does not exist`, { field: 'id' });
    const identities = ctx.db
      .prepare<[number], { channel: MessageChannel; externalId: string; displayName: string }>(
        'SELECT channel, external_id AS externalId, display_name AS displayName FROM customer_identities WHERE customer_id = ? ORDER BY channel',
      )
      .all(args.id);
    const page = listOrdersPage(ctx.db, { customerId: args.id, limit: 200, offset: 0 }, readSettings(ctx.db).timeZone).items;
    const conversations = ctx.db
      .prepare<[number], number>('SELECT id FROM conversations WHERE customer_id = ? ORDER BY last_message_at DESC')
      .pluck()
      .all(args.id)
      .flatMap((id) => findConversation(ctx.db, id) ?? []);
    return { ...base, identities, orderHistory: page, conversations };
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
