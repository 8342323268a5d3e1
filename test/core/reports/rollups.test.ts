import { m0019 } from '../../../electron/core/db/migrations/0019-rollups';
import { m0030 } from '../../../electron/core/db/migrations/0030-talk-stock-rollups';
import { m0035 } from '../../../electron/core/db/migrations/0035-delivery-rollups';
import { m0043 } from '../../../electron/core/db/migrations/0043-owing-per-customer';
import { m0044 } from '../../../electron/core/db/migrations/0044-order-state-counts';
import path from 'node:path';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { seedDemoShop } from '../../../electron/core/demo/seed';
import { rebuildRollups, rollupDifferences } from '../../../electron/core/reports/rollups';
import type { ApiClient } from '../../../shared/api/client';
import { ChasquiError } from '../../../shared/api/errors';
import { PACKING_PAGE } from '../../../shared/api/methods/deliveries';
import { orderChannels, type OrderStatus } from '../../../shared/domain/orders';
import { makeTempDir } from '../../helpers/tmp';
import { legacyReports } from './legacyReports';

const HOUR = 3_600_000;
const START = DateTime.fromISO('2026-01-30T09:00', { zone: 'America/Lima' }).toMillis();
/** Migration 0019's rollups; 0030 added the conversations' and the stock value's. */
const ROLLUPS = ['rollup_sales', 'rollup_products_day', 'rollup_products_month', 'rollup_product_totals', 'rollup_customer_days', 'rollup_customers', 'rollup_buyer_days'];
/** Migration 0035's: the delivery screen's days. */
const DELIVERY_ROLLUPS = ['rollup_delivery_stops', 'rollup_delivery_people', 'rollup_delivery_zones', 'rollup_delivery_packing'];
/** Migrations 0043 and 0044: what each customer owes (Por cobrar, Pendientes' balances), orders by state (the board's columns). */
const OWING_ROLLUPS = ['rollup_owing', 'rollup_order_states'];
const ALL_ROLLUPS = [...ROLLUPS, 'rollup_talk_days', 'rollup_talk', 'rollup_stock_value', ...DELIVERY_ROLLUPS, ...OWING_ROLLUPS];
const noDifferences = Object.fromEntries(ALL_ROLLUPS.map((t) => [t, 0]));

const snapshot = (core: Core) => Object.fromEntries(ALL_ROLLUPS.map((t) => [t, core.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all()]));

/** A refused call (a move the order cannot make, stock that is not there) must leave the rollups as they were. */
const attempt = async (run: () => Promise<unknown>): Promise<void> => {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof ChasquiError)) throw error;
  }
};

const open = (dir: string, clock: () => number) => {
  const core = createCore({ dataDir: dir, clock, isOutboxTimerEnabled: false });
  return { core, api: coreClient(core) };
};

const nextStatus: Partial<Record<OrderStatus, OrderStatus>> = { new: 'confirmed', confirmed: 'prepared', prepared: 'on_the_way', on_the_way: 'delivered' };

const lines = fc.array(fc.tuple(fc.nat(3), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 3 });
const days = fc.integer({ min: 0, max: 5 });
const createOrder = fc.record({
  kind: fc.constant('create' as const),
  channel: fc.constantFrom(...orderChannels),
  customer: fc.integer({ min: -1, max: 7 }),
  lines,
  discount: fc.constantFrom(0, 0, 150),
  // Half of the orders are agreed for delivery on one of the next days, most of them confirmed at once.
  delivery: fc.option(fc.record({ days, zone: fc.constantFrom('', 'Surco'), isConfirmed: fc.constantFrom(true, true, false) }), { freq: 2 }),
});
const editItems = fc.record({ kind: fc.constant('editItems' as const), order: fc.nat(), lines });
const moveOrder = fc.record({ kind: fc.constantFrom('advance' as const, 'cancel' as const, 'payPart' as const, 'payRest' as const), order: fc.nat() });
const deliveryDate = fc.record({ kind: fc.constant('deliveryDate' as const), order: fc.nat(), days });
// Who takes a stop and where it is; delivered with or without the cash; not delivered, or moved to another day; the day reordered.
const assign = fc.record({ kind: fc.constant('assign' as const), order: fc.nat(), assignee: fc.constantFrom('', 'Luis', 'Rosa'), zone: fc.constantFrom('', 'Surco', 'Centro') });
const deliver = fc.record({ kind: fc.constant('deliver' as const), order: fc.nat(), cash: fc.constantFrom('none' as const, 'part' as const, 'all' as const) });
const failStop = fc.record({ kind: fc.constant('fail' as const), order: fc.nat(), days: fc.option(days) });
const reorder = fc.record({ kind: fc.constant('reorder' as const), days });

const operation = fc.oneof(
  { weight: 4, arbitrary: createOrder },
  { weight: 2, arbitrary: editItems },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('editCustomer' as const), order: fc.nat(), customer: fc.integer({ min: -1, max: 7 }) }) },
  { weight: 3, arbitrary: moveOrder },
  { weight: 2, arbitrary: deliveryDate },
  { weight: 2, arbitrary: assign },
  { weight: 1, arbitrary: deliver },
  { weight: 1, arbitrary: failStop },
  { weight: 1, arbitrary: reorder },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), a: fc.nat(5), b: fc.nat(5) }) },
  // A message from a customer (or the shop's reply), sometimes one that arrives late, from hours ago.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('message' as const), who: fc.nat(5), channel: fc.constantFrom('whatsapp' as const, 'instagram' as const, 'facebook' as const), isReply: fc.constantFrom(false, false, false, true), hoursAgo: fc.constantFrom(0, 0, 0, 2, 30) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('archive' as const), variant: fc.nat(3), isArchived: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('erase' as const), who: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('receive' as const), variant: fc.nat(3) }) },
  // Time passes: hours within the day, or across midnight into the next days.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), hours: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 20, max: 80 })) }) },
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;
/** A delivery week: the same operations, most of them on stops. */
const deliveryOperation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: createOrder },
  { weight: 1, arbitrary: editItems },
  { weight: 2, arbitrary: moveOrder },
  { weight: 1, arbitrary: deliveryDate },
  { weight: 3, arbitrary: assign },
  { weight: 2, arbitrary: deliver },
  { weight: 2, arbitrary: failStop },
  { weight: 1, arbitrary: reorder },
);

interface Shop {
  core: Core;
  api: ApiClient;
  variants: number[];
  customers: number[];
  orders: number[];
  products: number[];
  messages: number;
  now(): number;
  tick(ms: number): void;
}

const makeShop = async (dir: string): Promise<Shop> => {
  let now = START;
  const { core, api } = open(dir, () => now);
  const variants: number[] = [];
  const products: number[] = [];
  for (const [i, name] of ['Labial', 'Sérum', 'Rímel', 'Base'].entries()) {
    const product = await api.call('catalog.createProduct', { name, variants: [{ sku: `SKU-${i}`, price: 1000 + 700 * i, cost: 500, initialStock: 500 }] });
    variants.push(product.variants[0]?.id ?? 0);
    products.push(product.id);
  }
  const customers: number[] = [];
  for (const [i, name] of ['Ana', 'Beto', 'Carla', 'Dora'].entries()) {
    const order = await api.call('orders.create', { channel: 'whatsapp', customer: { name, phone: `98700000${i}` }, items: [{ variantId: variants[0] ?? 0, quantity: 1 }] });
    customers.push(order.customer?.id ?? 0);
  }
  return { core, api, variants, customers, orders: [], products, messages: 0, now: () => now, tick: (ms) => (now += ms) };
};

const dayAfterStart = (days: number): string => DateTime.fromMillis(START, { zone: 'America/Lima' }).plus({ days }).toISODate() ?? '';

const pick = <T,>(list: T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);
const lineItems = (shop: Shop, lines: [number, number][]) => lines.map(([v, quantity]) => ({ variantId: shop.variants[v] ?? 0, quantity }));
// Customers who wrote (added as they write) are chosen as often as the first four.
const customerOf = (shop: Shop, n: number) => (n < 0 ? undefined : { id: shop.customers[n % shop.customers.length] ?? 0 });

/**
 * On WhatsApp the first four write from the shop's customers' phones (the same customers); on
 * Instagram and Facebook each is a new customer, who merges may fold into another.
 */
const writeMessage = async (shop: Shop, op: Extract<Operation, { kind: 'message' }>): Promise<void> => {
  shop.messages += 1;
  const isPhone = op.channel === 'whatsapp';
  const sender = isPhone ? `5198700000${op.who % 4}` : `${op.channel}.user${op.who}`;
  const { conversationId } = await shop.api.call('inbox.ingestMessage', {
    channel: op.channel,
    conversationExternalId: isPhone ? `${sender}@c.us` : `thread-${sender}`,
    messageExternalId: `msg-${shop.messages}`,
    direction: op.isReply ? 'out' : 'in',
    author: op.isReply ? 'Tienda' : `Clienta ${op.who}`,
    senderExternalId: sender,
    text: 'hola, ¿tienes el labial?',
    sentAt: shop.now() - op.hoursAgo * HOUR,
  });
  const customerId = (await shop.api.call('inbox.getConversation', { id: conversationId })).customerId;
  if (customerId && !shop.customers.includes(customerId)) shop.customers.push(customerId);
};

const apply = async (shop: Shop, op: Operation): Promise<void> => {
  const { api } = shop;
  // Every call comes a little later: orders of one day differ in time, so a day's first and last move.
  shop.tick(7 * 60_000);
  if (op.kind === 'wait') return void shop.tick(op.hours * HOUR);
  if (op.kind === 'create') {
    const customer = customerOf(shop, op.customer);
    await attempt(async () => {
      const delivery = op.delivery ? { deliveryDate: dayAfterStart(op.delivery.days), delivery: { zone: op.delivery.zone } } : {};
      const order = await api.call('orders.create', { channel: op.channel, ...(customer ? { customer } : {}), items: lineItems(shop, op.lines), discount: op.discount, ...delivery });
      shop.orders.push(order.id);
      if (op.delivery?.isConfirmed) await api.call('orders.setStatus', { id: order.id, status: 'confirmed' });
    });
    return;
  }
  if (op.kind === 'merge') return attempt(() => api.call('customers.link', { id: shop.customers[op.a] ?? 0, otherId: shop.customers[op.b] ?? 0 }));
  if (op.kind === 'message') return writeMessage(shop, op);
  if (op.kind === 'archive') return attempt(() => api.call('catalog.archiveProduct', { id: shop.products[op.variant] ?? 0, isArchived: op.isArchived }));
  if (op.kind === 'erase') return attempt(() => api.call('customers.erase', { id: shop.customers[op.who % shop.customers.length] ?? 0, confirm: 'BORRAR' }));
  if (op.kind === 'receive') return attempt(() => api.call('stock.adjust', { variantId: shop.variants[op.variant] ?? 0, delta: 5, reason: 'receive' }));
  if (op.kind === 'reorder') {
    const date = dayAfterStart(op.days);
    const day = await api.call('deliveries.listForDay', { date, limit: 500 });
    return day.stops.length ? void (await api.call('deliveries.reorder', { date, orderIds: day.stops.map((s) => s.orderId).reverse() })) : undefined;
  }
  const id = pick(shop.orders, op.order);
  if (id === undefined) return;
  if (op.kind === 'assign') return attempt(() => api.call('deliveries.assign', { orderId: id, assignee: op.assignee, zone: op.zone }));
  if (op.kind === 'fail') return attempt(() => api.call('deliveries.markFailed', { orderId: id, reason: 'No estaba', rescheduleTo: op.days === null ? null : dayAfterStart(op.days) }));
  if (op.kind === 'deliver') {
    const { balanceDue } = await api.call('orders.get', { id });
    const cashCollected = op.cash === 'none' ? 0 : op.cash === 'part' ? Math.floor(balanceDue / 2) : balanceDue;
    return attempt(() => api.call('deliveries.markDelivered', { orderId: id, cashCollected }));
  }
  if (op.kind === 'editItems') return attempt(() => api.call('orders.update', { id, items: lineItems(shop, op.lines) }));
  if (op.kind === 'editCustomer') return attempt(() => api.call('orders.update', { id, customer: customerOf(shop, op.customer) ?? null }));
  if (op.kind === 'deliveryDate') return attempt(() => api.call('orders.update', { id, deliveryDate: dayAfterStart(op.days) }));
  if (op.kind === 'cancel') return attempt(() => api.call('orders.cancel', { id }));
  const order = await api.call('orders.get', { id });
  if (op.kind === 'advance') {
    const status = nextStatus[order.status];
    if (status) await attempt(() => api.call('orders.setStatus', { id, status }));
    return;
  }
  const owed = order.total - order.paid;
  if (owed > 0) await attempt(() => api.call('orders.addPayment', { id, amount: op.kind === 'payPart' ? Math.max(1, Math.floor(owed / 3)) : owed, method: 'Yape/Plin' }));
};

/** The same questions to the rollup reports and to the reference that reads every order. */
const compareReports = async (core: Core, api: ApiClient, ranges: [string, string][]): Promise<void> => {
  const ctx = { db: core.db };
  for (const [from, to] of ranges) {
    for (const groupBy of ['day', 'week', 'month'] as const) {
      expect(await api.call('reports.sales', { from, to, groupBy }), `sales ${from}..${to} by ${groupBy}`).toEqual(legacyReports['reports.sales'](ctx, { from, to, groupBy }));
    }
    expect(await api.call('reports.channels', { from, to }), `channels ${from}..${to}`).toEqual(legacyReports['reports.channels'](ctx, { from, to }));
    expect(await api.call('reports.products', { from, to }), `products ${from}..${to}`).toEqual(legacyReports['reports.products'](ctx, { from, to }));
    expect(await api.call('reports.customers', { from, to }), `customers ${from}..${to}`).toEqual(legacyReports['reports.customers'](ctx, { from, to }));
  }
};

/**
 * The delivery screen's day against the same day worked out here from all of its stops: the
 * people's counts and money, their zones and what to pack.
 */
const compareDeliveryDays = async (api: ApiClient): Promise<void> => {
  for (let days = 0; days <= 5; days += 1) {
    const date = dayAfterStart(days);
    const day = await api.call('deliveries.listForDay', { date, limit: 500 });
    const people = new Map<string, { assignee: string; zones: Set<string>; stops: number; pending: number; delivered: number; failed: number; toCollect: number; collected: number }>();
    const packing = new Map<string, number>();
    for (const stop of day.stops) {
      const p = people.get(stop.assignee) ?? { assignee: stop.assignee, zones: new Set<string>(), stops: 0, pending: 0, delivered: 0, failed: 0, toCollect: 0, collected: 0 };
      p.stops += 1;
      p[stop.outcome] += 1;
      if (stop.outcome === 'pending') p.toCollect += stop.toCollect;
      p.collected += stop.collected;
      if (stop.zone) p.zones.add(stop.zone);
      people.set(stop.assignee, p);
      if (stop.outcome === 'pending') for (const item of stop.items) packing.set(item.name, (packing.get(item.name) ?? 0) + item.quantity);
    }
    const expected = [...people.values()].sort((a, b) => (a.assignee < b.assignee ? -1 : 1)).map((p) => ({ ...p, zones: [...p.zones].sort() }));
    expect(day.groups.map((g) => ({ ...g, zones: [...g.zones].sort() })), `people on ${date}`).toEqual(expected);
    const whole = await api.call('deliveries.packingList', { date });
    expect(Object.fromEntries(whole.lines.map((l) => [l.name, l.quantity])), `packing on ${date}`).toEqual(Object.fromEntries(packing));
    expect(whole.total).toBe(packing.size);
    expect(day.packingList).toEqual(whole.lines.slice(0, PACKING_PAGE));
  }
};

/** A fresh shop after `count` operations drawn with `seed`: the same shop on every run. */
const shopAfter = async (dir: string, count: number, seed: number): Promise<Shop> => {
  const shop = await makeShop(dir);
  const ops = fc.sample(fc.array(operation, { minLength: count, maxLength: count }), { numRuns: 1, seed })[0] ?? [];
  for (const op of ops) await apply(shop, op);
  return shop;
};

/**
 * A fresh shop through the operations, the rollups compared with the ledger after every step (a
 * wrong step that a later one happens to undo still fails), then `atTheEnd`.
 */
const checkedStepByStep = async (ops: Operation[], atTheEnd: (shop: Shop) => Promise<void>): Promise<void> => {
  const tmp = makeTempDir();
  const shop = await makeShop(tmp.dir);
  try {
    for (const op of ops) {
      await apply(shop, op);
      expect(rollupDifferences(shop.core.db)).toEqual(noDifferences);
    }
    await atTheEnd(shop);
  } finally {
    shop.core.close();
    tmp.cleanup();
  }
};

const rangesAround = (today: string): [string, string][] => {
  const day = (offset: number) => DateTime.fromISO(today).plus({ days: offset }).toISODate() ?? '';
  const month = DateTime.fromISO(today).startOf('month');
  return [
    [day(-364), today],
    [day(-29), today],
    [today, today],
    [day(-3), day(-3)],
    [day(-45), day(-10)],
    [month.minus({ months: 1 }).toISODate() ?? '', month.minus({ days: 1 }).toISODate() ?? ''],
    [month.minus({ months: 2 }).plus({ days: 3 }).toISODate() ?? '', month.minus({ days: 2 }).toISODate() ?? ''],
    [day(-400), day(40)],
  ];
};

describe('report rollups', () => {
  it('equal a full recomputation from the ledger after any sequence of orders, edits, payments and cancellations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 10, maxLength: 40, size: 'medium' }), (ops) =>
        checkedStepByStep(ops, async (shop) => {
          const today = DateTime.fromMillis(shop.core.now(), { zone: 'America/Lima' }).toISODate() ?? '';
          await compareReports(shop.core, shop.api, [[DateTime.fromISO(today).minus({ days: 40 }).toISODate() ?? '', today], [today, today]]);
          await compareDeliveryDays(shop.api);
        }),
      ),
      { numRuns: 15 },
    );
  }, 120_000);

  it('keep the delivery days equal to the ledger and to the day read stop by stop, after any week of stops', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(deliveryOperation, { minLength: 15, maxLength: 50 }), (ops) => checkedStepByStep(ops, (shop) => compareDeliveryDays(shop.api))),
      { numRuns: 15 },
    );
  }, 120_000);

  it('are rebuilt by migration 0019 on an existing database exactly as the triggers kept them, and move with the time zone', async () => {
    const tmp = makeTempDir();
    const shop = await shopAfter(tmp.dir, 160, 7);
    const kept = snapshot(shop.core);
    expect(kept.rollup_sales?.length).toBeGreaterThan(10);
    expect(kept.rollup_customers?.length).toBeGreaterThan(0);
    const now = shop.core.now();
    shop.core.close();

    // The database as it was before migration 19: without its rollups and their triggers; then migration 19 runs on it.
    // (Later migrations are left as they are, so it is applied alone, as the migrator would.)
    const { core: old } = open(tmp.dir, () => now);
    old.db.exec(`${ROLLUPS.map((t) => `DROP TABLE ${t};`).join(' ')} DROP INDEX order_items_variant;`);
    for (const name of old.db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'rollup_%' AND name NOT LIKE 'rollup_talk%' AND name NOT LIKE 'rollup_stock%' AND name NOT LIKE 'rollup_delivery%'").pluck().all()) old.db.exec(`DROP TRIGGER ${name}`);
    old.db.transaction(() => {
      old.db.exec(m0019.sql);
      m0019.run?.(old.db);
    })();
    old.close();
    const { core, api } = open(tmp.dir, () => now);
    expect(snapshot(core)).toEqual(kept);
    expect(rollupDifferences(core.db)).toEqual(noDifferences);

    // The same shop seen from Madrid: its days move, the rollups with them, in the same write.
    await api.call('settings.update', { timeZone: 'Europe/Madrid' });
    expect(rollupDifferences(core.db)).toEqual(noDifferences);
    expect(snapshot(core)).not.toEqual(kept);
    await compareReports(core, api, rangesAround(DateTime.fromMillis(now, { zone: 'Europe/Madrid' }).toISODate() ?? ''));
    core.db.transaction(() => rebuildRollups(core.db))();
    expect(rollupDifferences(core.db)).toEqual(noDifferences);
    core.close();
    tmp.cleanup();
  }, 120_000);

  it('are filled by migration 0030 from the messages, orders and variants exactly as the triggers kept them', async () => {
    const tmp = makeTempDir();
    const shop = await shopAfter(tmp.dir, 150, 30);
    const kept = snapshot(shop.core);
    expect(kept.rollup_talk_days?.length).toBeGreaterThan(5);
    expect(kept.rollup_talk_days?.some((row) => (row as { ordered: number }).ordered === 1)).toBe(true);
    const db = shop.core.db;
    db.transaction(() => {
      for (const name of db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND (name LIKE 'rollup_talk%' OR name LIKE 'rollup_stock%')").pluck().all()) db.exec(`DROP TRIGGER ${name}`);
      db.exec('DROP TABLE rollup_talk_days; DROP TABLE rollup_talk; DROP TABLE rollup_stock_value; DROP INDEX variants_live_stock; DROP INDEX products_low_stock_threshold;');
      db.exec(m0030.sql);
    })();
    expect(snapshot(shop.core)).toEqual(kept);
    expect(rollupDifferences(db)).toEqual(noDifferences);
    // The triggers are back: the next message and order keep them.
    await apply(shop, { kind: 'message', who: 0, channel: 'whatsapp', isReply: false, hoursAgo: 0 });
    await apply(shop, { kind: 'create', channel: 'whatsapp', customer: 4, lines: [[0, 1]], discount: 0, delivery: null });
    expect(rollupDifferences(db)).toEqual(noDifferences);
    shop.core.close();
    tmp.cleanup();
  }, 120_000);

  it('are filled by migrations 0043 and 0044 from the orders exactly as the triggers kept them', async () => {
    const tmp = makeTempDir();
    const shop = await shopAfter(tmp.dir, 150, 43);
    const kept = snapshot(shop.core);
    expect(kept.rollup_owing?.length).toBeGreaterThan(1);
    expect(kept.rollup_owing?.some((row) => (row as { delivered_orders: number }).delivered_orders > 0)).toBe(true);
    expect(kept.rollup_order_states?.length).toBeGreaterThan(3);
    const db = shop.core.db;
    db.transaction(() => {
      for (const name of db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND (name LIKE 'rollup_owing%' OR name LIKE 'rollup_order_states%')").pluck().all()) db.exec(`DROP TRIGGER ${name}`);
      for (const table of OWING_ROLLUPS) db.exec(`DROP TABLE ${table}`);
      db.exec(m0043.sql);
      db.exec(m0044.sql);
    })();
    expect(snapshot(shop.core)).toEqual(kept);
    expect(rollupDifferences(db)).toEqual(noDifferences);
    // The triggers are back: a new order owes, a payment in full clears it.
    await apply(shop, { kind: 'create', channel: 'whatsapp', customer: 1, lines: [[0, 1]], discount: 0, delivery: null });
    const id = shop.orders.at(-1) ?? 0;
    expect(rollupDifferences(db)).toEqual(noDifferences);
    const order = await shop.api.call('orders.get', { id });
    await shop.api.call('orders.setStatus', { id, status: 'confirmed' });
    await shop.api.call('orders.addPayment', { id, amount: order.total, method: 'Yape/Plin' });
    expect(rollupDifferences(db)).toEqual(noDifferences);
    shop.core.close();
    tmp.cleanup();
  });

  it('are filled by migration 0035 from the orders and their stops exactly as the triggers kept them', async () => {
    const tmp = makeTempDir();
    const shop = await shopAfter(tmp.dir, 150, 35);
    const kept = snapshot(shop.core);
    expect(kept.rollup_delivery_stops?.length).toBeGreaterThan(3);
    expect(kept.rollup_delivery_zones?.length).toBeGreaterThan(0);
    expect(kept.rollup_delivery_packing?.length).toBeGreaterThan(0);
    const db = shop.core.db;
    db.transaction(() => {
      for (const name of db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'rollup_delivery%'").pluck().all()) db.exec(`DROP TRIGGER ${name}`);
      for (const table of DELIVERY_ROLLUPS) db.exec(`DROP TABLE ${table}`);
      db.exec(m0035.sql);
    })();
    expect(snapshot(shop.core)).toEqual(kept);
    expect(rollupDifferences(db)).toEqual(noDifferences);
    // The triggers are back: the next order, its stop and its delivery keep them.
    await apply(shop, { kind: 'create', channel: 'whatsapp', customer: 1, lines: [[0, 1], [2, 2]], discount: 0, delivery: null });
    const id = shop.orders.at(-1) ?? 0;
    await shop.api.call('orders.update', { id, deliveryDate: dayAfterStart(1) });
    await shop.api.call('orders.setStatus', { id, status: 'confirmed' });
    await shop.api.call('deliveries.assign', { orderId: id, assignee: 'Luis', zone: 'Surco' });
    expect(db.prepare('SELECT assignee, zone, outcome FROM rollup_delivery_stops WHERE order_id = ?').get(id)).toEqual({ assignee: 'Luis', zone: 'Surco', outcome: 'pending' });
    await shop.api.call('deliveries.markDelivered', { orderId: id, cashCollected: 0 });
    expect(rollupDifferences(db)).toEqual(noDifferences);
    await compareDeliveryDays(shop.api);
    shop.core.close();
    tmp.cleanup();
  }, 120_000);

  it('give the same reports as reading every order, on a random shop', async () => {
    const tmp = makeTempDir();
    const shop = await makeShop(tmp.dir);
    // Two hundred operations over about a year and a half, so ranges fall before, across and after months.
    const ops = fc.sample(fc.array(operation, { minLength: 200, maxLength: 200 }), { numRuns: 1, seed: 22 })[0] ?? [];
    for (const op of ops) {
      await apply(shop, op);
      shop.tick(60 * HOUR);
    }
    const today = DateTime.fromMillis(shop.core.now(), { zone: 'America/Lima' }).toISODate() ?? '';
    await compareReports(shop.core, shop.api, [...rangesAround(today), ...rangesAround(DateTime.fromISO(today).minus({ days: 200 }).toISODate() ?? '')]);
    shop.core.close();
    tmp.cleanup();
  }, 120_000);

  it('give the same reports as reading every order, on the demo shop', async () => {
    const tmp = makeTempDir();
    const now = DateTime.fromISO('2026-11-21T10:00', { zone: 'America/Lima' }).toMillis();
    const { core, api } = open(tmp.dir, () => now);
    await seedDemoShop(core, { resourcesDir: path.resolve(__dirname, '../../../resources') });
    expect(rollupDifferences(core.db)).toEqual(noDifferences);
    await compareReports(core, api, rangesAround('2026-11-21'));
    core.close();
    tmp.cleanup();
  }, 120_000);
});
