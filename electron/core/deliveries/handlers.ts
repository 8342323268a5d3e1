import { fail } from '../../../shared/api/errors';
import { PACKING_PAGE, type DeliveryDay, type DeliveryPerson, type DeliveryStop } from '../../../shared/api/methods/deliveries';
import type { CoreContext, Handlers } from '../context';
import { moveTo } from '../orders/handlers';
import { normalizePhone } from '../orders/customers';
import * as orders from '../orders/repo';
import { readSettings } from '../settings/repo';
import * as repo from './repo';
import { renderRouteSheet, routeText } from './routeSheet';
import { nextDeliveryDay } from '../../../shared/domain/deliveries';
import { deviceOf, isDeliveryPhone } from '../lan/principal';
import { dialDigits, phoneDate, phoneStop, phoneStops, shopToday } from './phoneScope';
import { nameKey } from '../db/nameKey';

const byPerson = (stops: DeliveryStop[]): DeliveryPerson[] => {
  const people = new Map<string, DeliveryPerson>();
  for (const stop of stops) {
    const p = people.get(stop.assignee) ?? { assignee: stop.assignee, zones: [], stops: 0, pending: 0, delivered: 0, failed: 0, toCollect: 0, collected: 0 };
    p.stops += 1;
    p[stop.outcome] += 1;
    if (stop.outcome === 'pending') p.toCollect += stop.toCollect;
    p.collected += stop.collected;
    if (stop.zone && !p.zones.includes(stop.zone)) p.zones.push(stop.zone);
    people.set(stop.assignee, p);
  }
  return [...people.values()].sort((a, b) => (a.assignee < b.assignee ? -1 : a.assignee > b.assignee ? 1 : 0));
};

const totalsOf = (people: DeliveryPerson[]): DeliveryDay['totals'] => ({
  stops: people.reduce((sum, p) => sum + p.stops, 0),
  toCollect: people.reduce((sum, p) => sum + p.toCollect, 0),
  delivered: people.reduce((sum, p) => sum + p.delivered, 0),
  failed: people.reduce((sum, p) => sum + p.failed, 0),
  collected: people.reduce((sum, p) => sum + p.collected, 0),
});

const shopFormat = (ctx: CoreContext) => {
  const { currency, locale, language } = readSettings(ctx.db);
  return { currency, locale, language };
};

/** A whole day from a list of stops (the route sheet, a delivery phone's stops). */
const dayOf = (ctx: CoreContext, date: string, assignee?: string, only?: DeliveryStop[]): DeliveryDay => {
  const format = shopFormat(ctx);
  const all = (only ?? repo.stopsForDay(ctx.db, date)).map((s) => ({ ...s, phoneDigits: dialDigits(s.phone, format.locale) }));
  const stops = all.filter((s) => assignee === undefined || s.assignee === assignee);
  const packing = new Map<string, number>();
  for (const stop of stops.filter((s) => s.outcome === 'pending')) {
    for (const item of stop.items) packing.set(item.name, (packing.get(item.name) ?? 0) + item.quantity);
  }
  // The catalog's order, as the seller's screen lists it.
  const packingList = [...packing.entries()].map(([name, quantity]) => ({ name, quantity, key: nameKey(name) }));
  packingList.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    date,
    ...format,
    groups: byPerson(all),
    stops,
    page: { offset: 0, limit: stops.length },
    totals: totalsOf(byPerson(stops)),
    packingList: packingList.map(({ name, quantity }) => ({ name, quantity })),
    packingTotal: packingList.length,
  };
};

/**
 * The seller's screen: the day by person (counted in SQL over the whole day) and one page of
 * stops, so the answer stays the same size however many stops the day has.
 */
const pagedDay = (ctx: CoreContext, date: string, page: { assignee?: string; limit: number; offset: number }): DeliveryDay => {
  const format = shopFormat(ctx);
  const assignee = page.assignee ?? null;
  const groups = repo.daySummary(ctx.db, date);
  const packing = repo.packingList(ctx.db, date, assignee, page.offset === 0 ? PACKING_PAGE : 0);
  return {
    date,
    ...format,
    groups,
    stops: repo.stopsPage(ctx.db, date, assignee, page.limit, page.offset).map((s) => ({ ...s, phoneDigits: dialDigits(s.phone, format.locale) })),
    page: { offset: page.offset, limit: page.limit },
    totals: totalsOf(groups.filter((g) => assignee === null || g.assignee === assignee)),
    packingList: packing.lines,
    packingTotal: packing.total,
  };
};

const stopOf = (ctx: CoreContext, orderId: number): DeliveryStop => {
  const stop = repo.findStop(ctx.db, orderId) ?? fail('not_found', `Order ${orderId} does not exist`, { field: 'orderId' });
  return { ...stop, phoneDigits: dialDigits(stop.phone, readSettings(ctx.db).locale) };
};

const changed = (ctx: CoreContext, orderId: number): DeliveryStop => {
  ctx.emit('orders.changed', { orderIds: [orderId] });
  return stopOf(ctx, orderId);
};

export const deliveryHandlers = {
  'deliveries.listForDay': (ctx, args) => {
    if (isDeliveryPhone(ctx.principal)) return dayOf(ctx, phoneDate(ctx, args.date), args.assignee, phoneStops(ctx));
    return pagedDay(ctx, args.date ?? shopToday(ctx), args);
  },

  'deliveries.getStop': (ctx, args) => {
    const order = orders.getOrder(ctx.db, args.orderId);
    const { deliveryDays, timeZone } = readSettings(ctx.db);
    return { ...stopOf(ctx, order.id), deliveryDate: order.deliveryDate, suggestedDate: nextDeliveryDay(ctx.now(), timeZone, deliveryDays) };
  },

  'deliveries.assign': (ctx, args) => {
    const order = orders.getOrder(ctx.db, args.orderId);
    if (order.status === 'cancelled') fail('conflict', `Order ${order.number} is cancelled`, { field: 'orderId' });
    const current = stopOf(ctx, order.id);
    repo.upsertStop(ctx.db, order.id, {
      method: args.method ?? current.method,
      address: args.address ?? current.address,
      reference: args.reference ?? current.reference,
      zone: args.zone ?? current.zone,
      contactPhone: args.contactPhone === undefined ? current.phone : normalizePhone(args.contactPhone, readSettings(ctx.db).locale, 'contactPhone'),
      timeWindow: args.timeWindow ?? current.timeWindow,
      assignee: args.assignee ?? current.assignee,
      notes: args.notes ?? current.notes,
    });
    if (args.date) ctx.db.prepare('UPDATE orders SET delivery_date = ?, updated_at = ? WHERE id = ?').run(args.date, ctx.now(), order.id);
    return changed(ctx, order.id);
  },

  'deliveries.reorder': (ctx, args) => {
    const day = repo.stopsForDay(ctx.db, args.date).map((s) => s.orderId);
    const today = new Set(day);
    args.orderIds.forEach((orderId, position) => {
      if (!today.has(orderId)) fail('invalid_input', `orderIds.${position}: order ${orderId} is not delivered on ${args.date}`, { field: `orderIds.${position}` });
      repo.setPosition(ctx.db, orderId, position);
    });
    // The screen may send only the stops it has loaded; the rest keep their order after them.
    const listed = new Set(args.orderIds);
    day.filter((id) => !listed.has(id)).forEach((orderId, i) => repo.setPosition(ctx.db, orderId, args.orderIds.length + i));
    return pagedDay(ctx, args.date, { limit: Math.max(50, args.orderIds.length), offset: 0 });
  },

  'deliveries.markDelivered': (ctx, args) => {
    const deviceId = deviceOf(ctx.principal);
    // A phone closes only today's stops, once: a second tap must not take the cash twice.
    if (isDeliveryPhone(ctx.principal) && phoneStop(ctx, args.orderId).outcome === 'delivered') fail('conflict', `Order ${args.orderId} is already delivered`, { field: 'orderId' });
    let order = orders.getOrder(ctx.db, args.orderId);
    if (args.cashCollected > order.balanceDue) {
      fail('invalid_input', `cashCollected: only ${order.balanceDue} is due on ${order.number}`, { field: 'cashCollected' });
    }
    // A stop can be delivered from any promised state; the order walks the path so every step is on record.
    for (const status of ['prepared', 'delivered'] as const) {
      if (order.status === 'confirmed' || (status === 'delivered' && (order.status === 'prepared' || order.status === 'on_the_way'))) {
        order = moveTo(ctx, order, status, status === 'delivered' ? 'Entregado en reparto' : '');
      }
    }
    if (order.status !== 'delivered') fail('conflict', `Order ${order.number} is ${order.status} and cannot be delivered`, { field: 'orderId' });
    if (args.cashCollected > 0) {
      orders.addPayment(ctx.db, order.id, { amount: args.cashCollected, method: args.paymentMethod, note: 'Cobrado en reparto' }, ctx.now());
      orders.addEvent(ctx.db, order.id, { type: 'payment', note: args.paymentMethod }, ctx.now());
    }
    repo.setOutcome(ctx.db, order.id, 'delivered', '', ctx.now());
    repo.setCourierMark(ctx.db, order.id, { deviceId, cashCollected: args.cashCollected });
    return changed(ctx, order.id);
  },

  'deliveries.markFailed': (ctx, args) => {
    if (isDeliveryPhone(ctx.principal)) {
      phoneStop(ctx, args.orderId);
      if (args.rescheduleTo !== null) fail('forbidden', 'Only the seller moves a delivery to another day', { field: 'rescheduleTo' });
    }
    const order = orders.getOrder(ctx.db, args.orderId);
    if (order.status === 'delivered' || order.status === 'cancelled') fail('conflict', `Order ${order.number} is ${order.status}`, { field: 'orderId' });
    if (args.rescheduleTo) {
      ctx.db.prepare('UPDATE orders SET delivery_date = ?, updated_at = ? WHERE id = ?').run(args.rescheduleTo, ctx.now(), order.id);
      repo.setOutcome(ctx.db, order.id, 'pending', args.reason, ctx.now());
    } else {
      repo.setOutcome(ctx.db, order.id, 'failed', args.reason, ctx.now());
      repo.setCourierMark(ctx.db, order.id, { deviceId: deviceOf(ctx.principal), cashCollected: 0 });
    }
    orders.addEvent(ctx.db, order.id, { type: 'edited', note: `No se entregó: ${args.reason}${args.rescheduleTo ? ` · nueva fecha ${args.rescheduleTo}` : ''}` }, ctx.now());
    return changed(ctx, order.id);
  },

  'deliveries.packingList': (ctx, args) => repo.packingList(ctx.db, args.date, args.assignee ?? null, args.limit, args.offset),

  'deliveries.routeSheet': async (ctx, args) => {
    const settings = readSettings(ctx.db);
    const day = dayOf(ctx, args.date, args.assignee);
    const whatsappText = routeText(day, settings, args.assignee);
    const result = await renderRouteSheet(ctx, day, settings, args.assignee);
    return { ...result, whatsappText };
  },
} satisfies Partial<Handlers>;
