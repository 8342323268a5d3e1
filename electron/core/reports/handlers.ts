import { DateTime } from 'luxon';
import { type ChannelRow, type ProductChannelsRow, type SalesBucket } from '../../../shared/api/methods/reports';
import { orderChannels, type OrderChannel } from '../../../shared/domain/orders';
import type { CoreContext, Handlers } from '../context';
import type { Db } from '../db/open';
import { readSettings } from '../settings/repo';
import { calendarDays, periodOfDay, splitByMonths } from './calendar';
import { customersReport } from './customers';

/** Cancelled orders never count as sales. */
const SOLD = "status <> 'cancelled'";

/** Orders from a live count apart from the chat they came through. */
const CHANNEL_OF_ORDER = "CASE WHEN o.live_id IS NOT NULL AND o.channel IN ('instagram', 'facebook') THEN o.channel || '_live' ELSE o.channel END";

const rangeMs = (ctx: CoreContext, from: string, to: string): [number, number] => {
  const { timeZone } = readSettings(ctx.db);
  return [
    DateTime.fromISO(from, { zone: timeZone }).startOf('day').toMillis(),
    DateTime.fromISO(to, { zone: timeZone }).plus({ days: 1 }).startOf('day').toMillis(),
  ];
};

/** Best sellers read the products' rollups: the whole months inside the range, and its odd days at each end. */
const productsInRange = (onlyVariant: string) => `SELECT variant_id, channel, units, revenue FROM rollup_products_day WHERE day BETWEEN ? AND ? ${onlyVariant}
  UNION ALL SELECT variant_id, channel, units, revenue FROM rollup_products_month WHERE month BETWEEN ? AND ? ${onlyVariant}
  UNION ALL SELECT variant_id, channel, units, revenue FROM rollup_products_day WHERE day BETWEEN ? AND ? ${onlyVariant}`;

interface Seller {
  variantId: number;
  units: number;
  revenue: number;
}

type Cell = { variantId: number; channel: ChannelRow['channel']; units: number; revenue: number };

const TOP_PRODUCTS = 20;
/** Past this many variants looked at one by one, summing the whole range at once is cheaper. */
const MAX_CANDIDATES = 200;

const outsells = (a: Seller, b: Seller): boolean => (a.units !== b.units ? a.units > b.units : a.revenue !== b.revenue ? a.revenue > b.revenue : a.variantId < b.variantId);

/** Units and sales per channel, best channel first (the order "what sells where" shows). */
const byBestChannel = (a: Cell, b: Cell): number => b.units - a.units || b.revenue - a.revenue || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0);

/**
 * The 20 best sellers of the range (units, then sales, then variant), with their sales per channel
 * when they were found one by one (null when the range was summed at once). Variants are taken by
 * their all-time units, which no range can exceed: once the 20th best of the range sold more than
 * the next variant ever did, nobody further down can enter. A year that is most of the shop's
 * history stops after a few dozen; an old, short range falls back to summing every variant in it.
 */
const topSellers = (db: Db, range: string[]): { top: Seller[]; cells: Cell[] | null } => {
  const inRange = db.prepare<(string | number)[], Cell>(
    `SELECT ? AS variantId, channel, sum(units) AS units, sum(revenue) AS revenue FROM (${productsInRange('AND variant_id = ?')}) GROUP BY channel`,
  );
  const [headFrom = '', headTo = '', monthFrom = '', monthTo = '', tailFrom = '', tailTo = ''] = range;
  const top: Seller[] = [];
  const cells: Cell[] = [];
  let looked = 0;
  for (const candidate of db.prepare<[], Seller>('SELECT variant_id AS variantId, units, revenue FROM rollup_product_totals ORDER BY units DESC, revenue DESC, variant_id').iterate()) {
    const last = top[TOP_PRODUCTS - 1];
    if (last && candidate.units < last.units) return { top, cells };
    looked += 1;
    if (looked > MAX_CANDIDATES) {
      const summed = db
        .prepare<string[], Seller>(
          `SELECT variant_id AS variantId, sum(units) AS units, sum(revenue) AS revenue FROM (${productsInRange('')})
            GROUP BY variant_id ORDER BY units DESC, revenue DESC, variant_id LIMIT ${TOP_PRODUCTS}`,
        )
        .all(...range);
      return { top: summed, cells: null };
    }
    const id = candidate.variantId;
    const mine = inRange.all(id, headFrom, headTo, id, monthFrom, monthTo, id, tailFrom, tailTo, id);
    const seller = { variantId: id, units: mine.reduce((sum, c) => sum + c.units, 0), revenue: mine.reduce((sum, c) => sum + c.revenue, 0) };
    if (seller.units === 0) continue;
    cells.push(...mine);
    const at = top.findIndex((other) => outsells(seller, other));
    top.splice(at === -1 ? top.length : at, 0, seller);
    top.length = Math.min(top.length, TOP_PRODUCTS);
  }
  return { top, cells };
};

/** A variant's SKU and name as its newest order line in the range says (a renamed product shows its newer name). */
const lineNames = (db: Db, variantId: number, start: number, end: number): { sku: string; name: string } =>
  db
    .prepare<[number, number, number], { sku: string; name: string }>(
      `SELECT i.sku, i.name FROM order_items i JOIN orders o ON o.id = i.order_id
        WHERE i.variant_id = ? AND o.created_at >= ? AND o.created_at < ? AND o.${SOLD} ORDER BY i.order_id DESC, i.id DESC LIMIT 1`,
    )
    .get(variantId, start, end) ?? { sku: '', name: '' };

/** Units and sales of the given variants on each channel, in the order given (read again only when not known yet). */
const productsByChannel = (db: Db, range: string[], top: { variantId: number; sku: string; name: string; units: number }[], known: Cell[] | null): ProductChannelsRow[] => {
  if (top.length === 0) return [];
  const cells =
    known ??
    db
      .prepare<(number | string)[], Cell>(
        `SELECT variant_id AS variantId, channel, sum(units) AS units, sum(revenue) AS revenue
           FROM (${productsInRange(`AND variant_id IN (${top.map(() => '?').join(', ')})`)})
          GROUP BY variant_id, channel`,
      )
      .all(...[0, 2, 4].flatMap((i) => [range[i] ?? '', range[i + 1] ?? '', ...top.map((p) => p.variantId)]));
  return top.map(({ variantId, sku, name, units }) => ({
    variantId,
    sku,
    name,
    units,
    byChannel: cells
      .filter((c) => c.variantId === variantId && c.units !== 0)
      .sort(byBestChannel)
      .map(({ channel, units: sold, revenue }) => ({ channel, units: sold, revenue })),
  }));
};

export const reportHandlers = {
  'reports.sales': (ctx, args) => {
    const days = ctx.db
      .prepare<[string, string], { day: string; orders: number; revenue: number; units: number }>(
        'SELECT day, sum(orders) AS orders, sum(revenue) AS revenue, sum(units) AS units FROM rollup_sales WHERE day BETWEEN ? AND ? GROUP BY day',
      )
      .all(args.from, args.to);
    const byDay = new Map(days.map((d) => [d.day, d]));
    // Every period of the range is listed, those without sales too.
    const buckets: SalesBucket[] = [];
    for (const day of calendarDays(args.from, args.to)) {
      const period = periodOfDay(day, args.groupBy);
      let bucket = buckets.at(-1);
      if (bucket?.period !== period) {
        bucket = { period, orders: 0, revenue: 0, units: 0 };
        buckets.push(bucket);
      }
      const sold = byDay.get(day);
      if (!sold) continue;
      bucket.orders += sold.orders;
      bucket.revenue += sold.revenue;
      bucket.units += sold.units;
    }
    const orders = days.reduce((sum, d) => sum + d.orders, 0);
    const revenue = days.reduce((sum, d) => sum + d.revenue, 0);
    return { buckets, totals: { orders, revenue, averageTicket: orders ? Math.round(revenue / orders) : 0 } };
  },

  'reports.channels': (ctx, args) => {
    const [start, end] = rangeMs(ctx, args.from, args.to);
    const rows = ctx.db
      .prepare<[string, string], { channel: ChannelRow['channel']; orders: number; revenue: number }>(
        'SELECT channel, sum(orders) AS orders, sum(revenue) AS revenue FROM rollup_sales WHERE day BETWEEN ? AND ? GROUP BY channel',
      )
      .all(args.from, args.to);
    const byChannel = new Map(rows.map((r) => [r.channel, r]));
    // A day's conversation: a day on which a customer wrote in a conversation. It converted when her
    // order on that channel came between her first message that day and CONVERSION_DAYS after her
    // last one: "she wrote, then she bought", at most once per day's conversation, so ≤ 100%.
    // Summed from rollup_talk (migration 0030), kept with every message and order.
    const talks = new Map<string, { conversations: number; converted: number }>(
      ctx.db
        .prepare<[string, string], { channel: string; conversations: number; converted: number }>(
          'SELECT channel, sum(conversations) AS conversations, sum(converted) AS converted FROM rollup_talk WHERE day BETWEEN ? AND ? GROUP BY channel',
        )
        .all(args.from, args.to)
        .map((r) => [r.channel, { conversations: r.conversations, converted: r.converted }]),
    );
    // For a live: the customers who claimed something, and those of them whose claim became an order.
    for (const row of ctx.db
      .prepare<[number, number], { channel: string; conversations: number; converted: number }>(
        `SELECT l.channel || '_live' AS channel, count(DISTINCT c.customer_id) AS conversations,
                count(DISTINCT CASE WHEN o.id IS NOT NULL THEN c.customer_id END) AS converted
           FROM live_claims c JOIN lives l ON l.id = c.live_id LEFT JOIN orders o ON o.id = c.order_id AND o.${SOLD}
          WHERE l.channel IN ('instagram', 'facebook') AND c.created_at >= ? AND c.created_at < ? GROUP BY l.channel`,
      )
      .all(start, end)) {
      talks.set(row.channel, { conversations: row.conversations, converted: row.converted });
    }
    const channels: ChannelRow['channel'][] = [...orderChannels, 'instagram_live', 'facebook_live'];
    const items = channels.map((channel): ChannelRow => {
      const row = byChannel.get(channel);
      const talk = talks.get(channel) ?? { conversations: 0, converted: 0 };
      // Without conversations (the stall, the phone) conversion is unknown, not zero.
      return {
        channel,
        orders: row?.orders ?? 0,
        revenue: row?.revenue ?? 0,
        conversations: talk.conversations,
        converted: talk.converted,
        conversion: talk.conversations > 0 ? talk.converted / talk.conversations : null,
      };
    });
    return { items };
  },

  'reports.products': (ctx, args) => {
    const [start, end] = rangeMs(ctx, args.from, args.to);
    const range = splitByMonths(args.from, args.to).flat();
    const sellers = topSellers(ctx.db, range);
    const top = sellers.top.map(({ variantId, units, revenue }) => ({ variantId, ...lineNames(ctx.db, variantId, start, end), units, revenue }));
    const whereSold = productsByChannel(ctx.db, range, top, sellers.cells);
    // Kept by triggers on variants and products (migration 0030): one row, whatever the catalog's size.
    const stockValue = ctx.db
      .prepare<[], { atCost: number; atPrice: number; units: number }>('SELECT at_cost AS atCost, at_price AS atPrice, units FROM rollup_stock_value WHERE id = 1')
      .get() ?? { atCost: 0, atPrice: 0, units: 0 };
    // Only variants at or under the highest threshold are read (by index), then each against its own
    // product's; the "+" keeps SQLite from walking every active product by products_name_key instead.
    const lowStock = ctx.db
      .prepare<[], { variantId: number; sku: string; name: string; stock: number }>(
        `SELECT v.id AS variantId, v.sku, p.name || CASE WHEN v.name <> '' THEN ' – ' || v.name ELSE '' END AS name, v.stock
           FROM variants v JOIN products p ON p.id = v.product_id
          WHERE v.is_archived = 0 AND v.stock <= (SELECT max(low_stock_threshold) FROM products)
            AND +p.is_archived = 0 AND v.stock <= p.low_stock_threshold ORDER BY v.stock, name`,
      )
      .all();
    return { top, whereSold, stockValue, lowStock };
  },

  'reports.customers': (ctx, args) => {
    const [start] = rangeMs(ctx, args.from, args.to);
    return customersReport(ctx.db, args.from, args.to, start);
  },
} satisfies Partial<Handlers>;
