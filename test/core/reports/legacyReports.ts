import { DateTime } from 'luxon';
import { CONVERSION_DAYS, type ChannelRow, type ProductChannelsRow, type SalesBucket } from '../../../shared/api/methods/reports';
import { orderChannels, type OrderChannel } from '../../../shared/domain/orders';
import type { CoreContext } from '../../../electron/core/context';
import type { Db } from '../../../electron/core/db/open';
import { readSettings } from '../../../electron/core/settings/repo';

/** Cancelled orders never count as sales. */
const SOLD = "status <> 'cancelled'";

/** Orders from a live count apart from the chat they came through. */
const CHANNEL_OF_ORDER = "CASE WHEN o.live_id IS NOT NULL AND o.channel IN ('instagram', 'facebook') THEN o.channel || '_live' ELSE o.channel END";

type Ctx = Pick<CoreContext, 'db'>;
type Range = { from: string; to: string };

const rangeMs = (ctx: Ctx, from: string, to: string): [number, number] => {
  const { timeZone } = readSettings(ctx.db);
  return [
    DateTime.fromISO(from, { zone: timeZone }).startOf('day').toMillis(),
    DateTime.fromISO(to, { zone: timeZone }).plus({ days: 1 }).startOf('day').toMillis(),
  ];
};

const periodOf = (ms: number, timeZone: string, groupBy: 'day' | 'week' | 'month'): string => {
  const date = DateTime.fromMillis(ms, { zone: timeZone });
  if (groupBy === 'month') return date.toFormat('yyyy-MM');
  if (groupBy === 'week') return date.startOf('week').toISODate() ?? '';
  return date.toISODate() ?? '';
};

const unitsByOrder = (db: Db, start: number, end: number): Map<number, number> =>
  new Map(
    db
      .prepare<[number, number], { order_id: number; units: number }>(
        `SELECT i.order_id, sum(i.quantity) AS units FROM order_items i JOIN orders o ON o.id = i.order_id
          WHERE o.created_at >= ? AND o.created_at < ? AND o.${SOLD} GROUP BY i.order_id`,
      )
      .all(start, end)
      .map((r) => [r.order_id, r.units]),
  );

/** Units and sales of the given variants on each channel, in the order given. */
const productsByChannel = (db: Db, start: number, end: number, variantIds: number[]): ProductChannelsRow[] => {
  if (variantIds.length === 0) return [];
  const cells = db
    .prepare<(number | string)[], { variantId: number; sku: string; name: string; channel: ChannelRow['channel']; units: number; revenue: number }>(
      `SELECT i.variant_id AS variantId, i.sku, i.name, ${CHANNEL_OF_ORDER} AS channel,
              sum(i.quantity) AS units, sum(i.quantity * i.unit_price) AS revenue
         FROM order_items i JOIN orders o ON o.id = i.order_id
        WHERE o.created_at >= ? AND o.created_at < ? AND o.${SOLD} AND i.variant_id IN (${variantIds.map(() => '?').join(', ')})
        GROUP BY i.variant_id, channel ORDER BY units DESC, revenue DESC, channel`,
    )
    .all(start, end, ...variantIds);
  return variantIds.flatMap((variantId) => {
    const mine = cells.filter((c) => c.variantId === variantId);
    const first = mine[0];
    if (!first) return [];
    return [{
      variantId,
      sku: first.sku,
      name: first.name,
      units: mine.reduce((sum, c) => sum + c.units, 0),
      byChannel: mine.map(({ channel, units, revenue }) => ({ channel, units, revenue })),
    }];
  });
};

/**
 * The reports as they were before the rollups (migration 0019), reading every order: the
 * reference the rollup reports must equal. Only the tie-breaks the old SQL left unspecified are pinned.
 */
export const legacyReports = {
  'reports.sales': (ctx: Ctx, args: Range & { groupBy: 'day' | 'week' | 'month' }) => {
    const { timeZone } = readSettings(ctx.db);
    const [start, end] = rangeMs(ctx, args.from, args.to);
    const rows = ctx.db
      .prepare<[number, number], { id: number; total: number; created_at: number }>(
        `SELECT id, total, created_at FROM orders WHERE created_at >= ? AND created_at < ? AND ${SOLD} ORDER BY created_at`,
      )
      .all(start, end);
    const units = unitsByOrder(ctx.db, start, end);
    // Bucket edges are computed once per day with the shop's zone; rows (sorted by time) are then
    // walked against them, so a year of 100,000 orders needs no date maths per order.
    const buckets: SalesBucket[] = [];
    const edges: { start: number; bucket: SalesBucket }[] = [];
    for (let day = DateTime.fromISO(args.from, { zone: timeZone }); day.toMillis() < end; day = day.plus({ days: 1 })) {
      const period = periodOf(day.toMillis(), timeZone, args.groupBy);
      let bucket = buckets.at(-1);
      if (bucket?.period !== period) {
        bucket = { period, orders: 0, revenue: 0, units: 0 };
        buckets.push(bucket);
      }
      edges.push({ start: day.toMillis(), bucket });
    }
    let edge = 0;
    for (const row of rows) {
      while (edge + 1 < edges.length && (edges[edge + 1]?.start ?? Infinity) <= row.created_at) edge += 1;
      const bucket = edges[edge]?.bucket;
      if (!bucket) continue;
      bucket.orders += 1;
      bucket.revenue += row.total;
      bucket.units += units.get(row.id) ?? 0;
    }
    const revenue = rows.reduce((sum, r) => sum + r.total, 0);
    return { buckets, totals: { orders: rows.length, revenue, averageTicket: rows.length ? Math.round(revenue / rows.length) : 0 } };
  },

  'reports.channels': (ctx: Ctx, args: Range) => {
    const [start, end] = rangeMs(ctx, args.from, args.to);
    const rows = ctx.db
      .prepare<[number, number], { channel: ChannelRow['channel']; orders: number; revenue: number }>(
        `SELECT CASE WHEN live_id IS NOT NULL AND channel IN ('instagram', 'facebook') THEN channel || '_live' ELSE channel END AS channel,
                count(*) AS orders, sum(total) AS revenue FROM orders
          WHERE created_at >= ? AND created_at < ? AND ${SOLD} GROUP BY 1`,
      )
      .all(start, end);
    const byChannel = new Map(rows.map((r) => [r.channel, r]));
    // Reads every message of the range (migration 0030 made the handler read rollup_talk instead). A
    // day's conversation: a customer wrote in it that shop day; it converted when her order on that
    // channel came between her first message that day and CONVERSION_DAYS after her last one.
    const talks = new Map<string, { conversations: number; converted: number }>(
      ctx.db
        .prepare<[number, number, number], { channel: string; conversations: number; converted: number }>(
          `WITH talk AS (
             SELECT c.id, c.channel, c.customer_id, shop_day(m.sent_at, (SELECT value FROM settings WHERE key = 'timeZone')) AS day, min(m.sent_at) AS first_in, max(m.sent_at) AS last_in
               FROM conversations c JOIN messages m ON m.conversation_id = c.id
              WHERE m.direction = 'in' AND m.sent_at >= ? AND m.sent_at < ? GROUP BY c.id, day)
           SELECT channel, count(*) AS conversations,
                  sum(EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = talk.customer_id AND o.channel = talk.channel
                                 AND o.live_id IS NULL AND o.${SOLD} AND o.created_at >= talk.first_in AND o.created_at < talk.last_in + ?)) AS converted
             FROM talk GROUP BY channel`,
        )
        .all(start, end, CONVERSION_DAYS * 86_400_000)
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

  'reports.products': (ctx: Ctx, args: Range) => {
    const [start, end] = rangeMs(ctx, args.from, args.to);
    const top = ctx.db
      .prepare<[number, number], { variantId: number; sku: string; name: string; units: number; revenue: number }>(
        `SELECT i.variant_id AS variantId, i.sku, i.name, sum(i.quantity) AS units, sum(i.quantity * i.unit_price) AS revenue
           FROM order_items i JOIN orders o ON o.id = i.order_id
          WHERE o.created_at >= ? AND o.created_at < ? AND o.${SOLD}
          GROUP BY i.variant_id ORDER BY units DESC, revenue DESC, variantId LIMIT 20`,
      )
      .all(start, end);
    const whereSold = productsByChannel(ctx.db, start, end, top.map((p) => p.variantId));
    const stockValue = ctx.db
      .prepare<[], { atCost: number; atPrice: number; units: number }>(
        `SELECT coalesce(sum(v.stock * coalesce(v.cost, 0)), 0) AS atCost, coalesce(sum(v.stock * v.price), 0) AS atPrice,
                coalesce(sum(v.stock), 0) AS units
           FROM variants v JOIN products p ON p.id = v.product_id WHERE v.is_archived = 0 AND p.is_archived = 0`,
      )
      .get() ?? { atCost: 0, atPrice: 0, units: 0 };
    const lowStock = ctx.db
      .prepare<[], { variantId: number; sku: string; name: string; stock: number }>(
        `SELECT v.id AS variantId, v.sku, p.name || CASE WHEN v.name <> '' THEN ' – ' || v.name ELSE '' END AS name, v.stock
           FROM variants v JOIN products p ON p.id = v.product_id
          WHERE v.is_archived = 0 AND p.is_archived = 0 AND v.stock <= p.low_stock_threshold ORDER BY v.stock, name`,
      )
      .all();
    return { top, whereSold, stockValue, lowStock };
  },

  'reports.customers': (ctx: Ctx, args: Range) => {
    const [start, end] = rangeMs(ctx, args.from, args.to);
    // Everything up to the end of the range: a report of March does not change when April's orders arrive.
    const rows = ctx.db
      .prepare<[number], { customerId: number; name: string; orders: number; lifetimeValue: number; firstAt: number; lastPurchaseAt: number }>(
        `SELECT c.id AS customerId, c.name, count(o.id) AS orders, sum(o.total) AS lifetimeValue,
                min(o.created_at) AS firstAt, max(o.created_at) AS lastPurchaseAt
           FROM customers c JOIN orders o ON o.customer_id = c.id AND o.${SOLD} AND o.created_at < ? GROUP BY c.id`,
      )
      .all(end);
    const inRange = ctx.db
      .prepare<[number, number], number>(`SELECT DISTINCT customer_id FROM orders WHERE customer_id IS NOT NULL AND created_at >= ? AND created_at < ? AND ${SOLD}`)
      .pluck()
      .all(start, end);
    const byId = new Map(rows.map((r) => [r.customerId, r]));
    const active = inRange.flatMap((id) => byId.get(id) ?? []);
    // One definition on the page: of who bought in the range, who has bought more than once.
    const returning = active.filter((c) => c.orders >= 2).length;
    return {
      buyers: active.length,
      newCustomers: active.filter((c) => c.firstAt >= start).length,
      returningCustomers: returning,
      repeatRate: active.length ? returning / active.length : 0,
      averageLifetimeValue: rows.length ? Math.round(rows.reduce((sum, c) => sum + c.lifetimeValue, 0) / rows.length) : 0,
      top: [...rows]
        .sort((a, b) => b.lifetimeValue - a.lifetimeValue)
        .slice(0, 20)
        .map(({ customerId, name, orders, lifetimeValue, lastPurchaseAt }) => ({ customerId, name, orders, lifetimeValue, lastPurchaseAt })),
    };
  },
};
