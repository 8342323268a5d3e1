import { DateTime } from 'luxon';
import { followUpTemplates as templates, type FollowUp, type FollowUpKind } from '../../../shared/domain/board';
import { formatMoney } from '../../../shared/domain/money';
import { fillTemplate } from '../../../shared/domain/orderMessages';
import type { ShopSettings } from '../../../shared/domain/settings';
import type { CoreContext, Handlers } from '../context';
import type { Db } from '../db/open';
import { readSettings } from '../settings/repo';
import { productLabel } from './waitlist';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;


const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? '';

interface Base {
  key: string;
  kind: FollowUpKind;
  customerId: number | null;
  customerName: string;
  since: number;
}

/**
 * A reminder before its words: every reminder is counted (the number beside Pendientes, the chips),
 * but only the page she sees is worded, so thousands of balances format no money and fill no template.
 */
type Reminder = Omit<FollowUp, 'message'> & { words: () => string };

const item = (base: Base, extra: Partial<Omit<FollowUp, 'message'>>, values: () => Record<string, string>, settings: ShopSettings): Reminder => ({
  orderId: null,
  orderNumber: '',
  variantId: null,
  productName: '',
  amount: null,
  count: 1,
  canSend: false,
  ...base,
  ...extra,
  words: () => fillTemplate(templates[base.kind], { cliente: firstName(base.customerName), pagos: settings.paymentMethods.slice(0, 3).join(', '), tienda: settings.shopName, ...values() }),
});

const worded = ({ words, ...reminder }: Reminder): FollowUp => ({ ...reminder, message: words() });

/** When the customer last wrote, on any of her conversations (each keeps it, migration 0040), instead of reading her messages. */
const lastWrote = (customerId: string) => `(SELECT max(cv.last_in_at) FROM conversations cv WHERE cv.customer_id = ${customerId})`;

const liveChat = `EXISTS (SELECT 1 FROM conversations lc WHERE lc.customer_id = c.id AND lc.via IS NOT NULL)`;

const unpaid = (db: Db, now: number, settings: ShopSettings): Reminder[] =>
  db
    .prepare<[], { id: number; number: string; customer_id: number | null; name: string | null; owed: number; confirmed_at: number | null; paid_at: number | null; wrote_at: number | null; can_send: number | null }>(
      `SELECT o.id, o.number, o.customer_id, c.name, o.total - o.paid AS owed, ${liveChat} AS can_send,
              (SELECT max(e.created_at) FROM order_events e WHERE e.order_id = o.id AND e.type = 'status' AND e.status = 'confirmed') AS confirmed_at,
              (SELECT max(p.created_at) FROM payments p WHERE p.order_id = o.id) AS paid_at,
              ${lastWrote('o.customer_id')} AS wrote_at
         FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
        -- The owing orders from migration 0036's index: asked for in the outer WHERE, SQLite walks
        -- every confirmed order by orders_status_updated (0037) instead (37 against 1.2 ms, large shop).
        WHERE o.id IN (SELECT id FROM orders WHERE status IN ('confirmed', 'prepared', 'on_the_way') AND paid < total)`,
    )
    .all()
    .flatMap((r) => {
      if (r.confirmed_at === null) return [];
      // Her writing or paying first puts the reminder off: it counts again from then.
      const anchor = Math.max(r.confirmed_at, r.paid_at ?? 0, r.wrote_at ?? 0);
      if (now < anchor + settings.followUpUnpaidHours * HOUR) return [];
      const values = () => ({ pedido: r.number, saldo: formatMoney(r.owed, settings.currency, settings.locale) });
      return [item({ key: `unpaid:${r.id}:${anchor}`, kind: 'unpaid', customerId: r.customer_id, customerName: r.name ?? '', since: r.confirmed_at }, { orderId: r.id, orderNumber: r.number, amount: r.owed, canSend: r.can_send === 1 }, values, settings)];
    });

/** One kind of reminder: how many she has (the chips, the number beside Pendientes) and a page of them. */
interface Section {
  kind: FollowUpKind;
  count: number;
  page: (offset: number, limit: number) => Reminder[];
}

const listed = (kind: FollowUpKind, reminders: Reminder[]): Section => ({
  kind,
  count: reminders.length,
  page: (offset, limit) => reminders.slice(offset, offset + limit),
});

/** A mark that hides its reminder now: done, or put off until later than now. */
const HIDING = "(fm.state = 'done' OR coalesce(fm.until, 0) > @now)";

/** Not hidden by a mark: for a kind read in SQL, page by page. */
const unmarked = (key: string) => `NOT EXISTS (SELECT 1 FROM follow_up_marks fm WHERE fm.key = ${key} AND ${HIDING})`;

/**
 * Chats whose customer's last message, a day to a week old, asked for a price or a product, with no
 * order since. Each chat keeps its last message from the customer and whether it asked (migration
 * 0040), so only those chats are looked at; there can be hundreds, so they are counted, and only the
 * page she sees reads the messages and the names.
 */
const asked = (db: Db, now: number, settings: ShopSettings): Section => {
  // The same rows counted and paged: a chat whose message was erased is in neither. A chat's last
  // message of any kind is never older than her last one, so the chats written in this week are
  // walked by the index of the newest (conversations_recent) instead of all of them.
  const where = `cv.last_message_at > @since AND cv.last_in_asks = 1 AND cv.last_in_at <= @until AND cv.last_in_at > @since AND cv.via IS NOT NULL AND cv.customer_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM messages lm WHERE lm.id = cv.last_in_id)
      AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = cv.customer_id AND o.created_at >= cv.last_in_at)
      AND ${unmarked(`'asked:' || cv.id || ':' || cv.last_in_id`)}`;
  const window = { now, since: now - 7 * DAY, until: now - DAY };
  return {
    kind: 'asked',
    count: db.prepare<[typeof window], number>(`SELECT count(*) FROM conversations cv WHERE ${where}`).pluck().get(window) ?? 0,
    page: (offset, limit) =>
      db
        .prepare<[typeof window & { limit: number; offset: number }], { conversation_id: number; message_id: number; customer_id: number; name: string; text: string; sent_at: number }>(
          `SELECT cv.id AS conversation_id, m.id AS message_id, c.id AS customer_id, c.name, m.text, m.sent_at
             FROM conversations cv
             JOIN customers c ON c.id = cv.customer_id
             JOIN messages m ON m.id = cv.last_in_id
            WHERE ${where}
            ORDER BY cv.id LIMIT @limit OFFSET @offset`,
        )
        .all({ ...window, limit, offset })
        .map((r) => item({ key: `asked:${r.conversation_id}:${r.message_id}`, kind: 'asked', customerId: r.customer_id, customerName: r.name, since: r.sent_at }, { canSend: true, productName: r.text.slice(0, 140) }, () => ({}), settings)),
  };
};

const reservations = (db: Db, now: number, settings: ShopSettings): Reminder[] =>
  db
    .prepare<[number, number], { id: number; customer_id: number; name: string; product: string; variant: string; variant_id: number; expires_at: number; can_send: number }>(
      `SELECT l.id, c.id AS customer_id, c.name, p.name AS product, v.name AS variant, v.id AS variant_id, l.expires_at, ${liveChat} AS can_send
         FROM live_claims l JOIN customers c ON c.id = l.customer_id JOIN variants v ON v.id = l.variant_id JOIN products p ON p.id = v.product_id
        WHERE l.status = 'reserved' AND l.expires_at > ? AND l.expires_at <= ?`,
    )
    .all(now, now + 12 * HOUR)
    .map((r) => {
      const productName = productLabel(r.product, r.variant);
      const vence = () => DateTime.fromMillis(r.expires_at, { zone: settings.timeZone }).toFormat('HH:mm');
      return item({ key: `reservation:${r.id}:${r.expires_at}`, kind: 'reservation', customerId: r.customer_id, customerName: r.name, since: r.expires_at }, { variantId: r.variant_id, productName, canSend: r.can_send === 1 }, () => ({ producto: productName, vence: vence() }), settings);
    });

const withoutAddress = (db: Db, now: number, settings: ShopSettings): Reminder[] => {
  const tomorrow = DateTime.fromMillis(now, { zone: settings.timeZone }).plus({ days: 1 }).toISODate() ?? '';
  return db
    .prepare<[string], { id: number; number: string; customer_id: number | null; name: string | null; created_at: number; can_send: number | null }>(
      `SELECT o.id, o.number, o.customer_id, c.name, o.created_at, ${liveChat} AS can_send
         FROM orders o LEFT JOIN customers c ON c.id = o.customer_id LEFT JOIN deliveries d ON d.order_id = o.id
        WHERE o.delivery_date = ? AND o.status IN ('new', 'confirmed', 'prepared')
          AND (d.order_id IS NULL OR (d.method = 'delivery' AND trim(d.address) = ''))`,
    )
    .all(tomorrow)
    .map((r) =>
      item({ key: `no_address:${r.id}:${tomorrow.replaceAll('-', '')}`, kind: 'no_address', customerId: r.customer_id, customerName: r.name ?? '', since: r.created_at }, { orderId: r.id, orderNumber: r.number, canSend: r.can_send === 1 }, () => ({ pedido: r.number }), settings),
    );
};

interface BalanceRow {
  customer_id: number;
  owed: number;
  orders: number;
  since: number;
}

const balanceReminder = (r: BalanceRow, customerName: string, canSend: boolean, settings: ShopSettings): Reminder =>
  item(
    { key: `balance:${r.customer_id}:${r.owed}`, kind: 'balance', customerId: r.customer_id, customerName, since: r.since },
    { amount: r.owed, count: r.orders, canSend },
    () => ({ saldo: formatMoney(r.owed, settings.currency, settings.locale) }),
    settings,
  );

/**
 * Delivered and still owing, one line per customer: who owes what, since when. There are thousands
 * on a large shop, so they are counted from what each customer owes (rollup_owing, migration 0043),
 * and only the page she sees is read, with her name and whether her chat is live.
 */
const balances = (db: Db, now: number, settings: ShopSettings): Section => {
  const where = `r.delivered_orders > 0 AND ${unmarked(`'balance:' || r.customer_id || ':' || r.delivered_owed`)}`;
  return {
    kind: 'balance',
    count: db.prepare<[{ now: number }], number>(`SELECT count(*) FROM rollup_owing r WHERE ${where}`).pluck().get({ now }) ?? 0,
    page: (offset, limit) =>
      db
        .prepare<[{ now: number; limit: number; offset: number }], BalanceRow & { name: string; can_send: number }>(
          `SELECT r.customer_id, r.delivered_owed AS owed, r.delivered_orders AS orders, r.delivered_since AS since, c.name, ${liveChat} AS can_send
             FROM rollup_owing r JOIN customers c ON c.id = r.customer_id
            WHERE ${where}
            ORDER BY r.customer_id LIMIT @limit OFFSET @offset`,
        )
        .all({ now, limit, offset })
        .map((r) => balanceReminder(r, r.name, r.can_send === 1, settings)),
  };
};

/** Stock arrived for someone on a waiting list: one line per product, the notice goes to all of them, paced. */
const restocked = (db: Db, settings: ShopSettings): Reminder[] =>
  db
    .prepare<[], { variant_id: number; product: string; variant: string; waiting: number; last_id: number; since: number }>(
      `SELECT w.variant_id, p.name AS product, v.name AS variant, count(*) AS waiting, max(w.id) AS last_id, min(w.created_at) AS since
         FROM waitlist w JOIN variants v ON v.id = w.variant_id JOIN products p ON p.id = v.product_id
        WHERE w.notified_at IS NULL AND w.removed_at IS NULL AND v.stock > 0
        GROUP BY w.variant_id`,
    )
    .all()
    .map((r) => {
      const productName = productLabel(r.product, r.variant);
      return {
        ...item({ key: `restock:${r.variant_id}:${r.last_id}`, kind: 'restock', customerId: null, customerName: '', since: r.since }, { variantId: r.variant_id, productName, count: r.waiting, canSend: true }, () => ({}), settings),
        // Filled per person when sent, so {cliente} and {producto} stay.
        words: () => templates.restock,
      };
    });

/** Every kind of reminder, in the order Pendientes shows them, without what she marked done or put off. */
const followUpSections = (ctx: CoreContext): Section[] => {
  const now = ctx.now();
  const settings = readSettings(ctx.db);
  const hidden = new Set(ctx.db.prepare<[{ now: number }], string>(`SELECT key FROM follow_up_marks fm WHERE ${HIDING}`).pluck().all({ now }));
  const visible = (reminders: Reminder[]) => reminders.filter((f) => !hidden.has(f.key));
  return [
    listed('restock', visible(restocked(ctx.db, settings))),
    listed('reservation', visible(reservations(ctx.db, now, settings))),
    listed('no_address', visible(withoutAddress(ctx.db, now, settings))),
    listed('unpaid', visible(unpaid(ctx.db, now, settings))),
    asked(ctx.db, now, settings),
    balances(ctx.db, now, settings),
  ];
};

/** The reminders from `offset` on, across the sections in their order, reading only the sections the page reaches. */
const pageOf = (sections: Section[], offset: number, limit: number): Reminder[] => {
  const page: Reminder[] = [];
  let skip = offset;
  for (const section of sections) {
    if (page.length >= limit) break;
    if (skip >= section.count) {
      skip -= section.count;
      continue;
    }
    page.push(...section.page(skip, limit - page.length));
    skip = 0;
  }
  return page;
};

const mark = (ctx: CoreContext, key: string, state: 'done' | 'snoozed', until: number | null): void => {
  ctx.db
    .prepare('INSERT INTO follow_up_marks (key, state, until, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET state = excluded.state, until = excluded.until, updated_at = excluded.updated_at')
    .run(key, state, until, ctx.now());
  ctx.emit('followUps.changed', {});
};

export const followUpHandlers = {
  'followUps.list': (ctx, args) => {
    const sections = followUpSections(ctx);
    const counts: Record<FollowUpKind, number> = { unpaid: 0, asked: 0, reservation: 0, no_address: 0, balance: 0, restock: 0 };
    for (const section of sections) counts[section.kind] += section.count;
    const chosen = args.kind === undefined ? sections : sections.filter((section) => section.kind === args.kind);
    return { items: pageOf(chosen, args.offset, args.limit).map(worded), total: chosen.reduce((sum, section) => sum + section.count, 0), counts };
  },
  'followUps.done': (ctx, args) => (mark(ctx, args.key, 'done', null), { key: args.key }),
  'followUps.snooze': (ctx, args) => {
    const until = ctx.now() + args.hours * HOUR;
    mark(ctx, args.key, 'snoozed', until);
    return { key: args.key, until };
  },
} satisfies Partial<Handlers>;
