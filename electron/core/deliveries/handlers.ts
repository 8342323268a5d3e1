import { fail } from '../../../shared/api/errors';
import type { DeliveryDay, DeliveryStop } from '../../../shared/api/methods/deliveries';
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

const dayOf = (ctx: CoreContext, date: string, assignee?: string, only?: DeliveryStop[]): DeliveryDay => {
  const { currency, locale, language } = readSettings(ctx.db);
  const stops = (only ?? repo.stopsForDay(ctx.db, date))
    .filter((s) => assignee === undefined || s.assignee === assignee)
    .map((s) => ({ ...s, phoneDigits: dialDigits(s.phone, locale) }));
  const packing = new Map<string, number>();
  for (const stop of stops.filter((s) => s.outcome === 'pending')) {
    for (const item of stop.items) packing.set(item.name, (packing.get(item.name) ?? 0) + item.quantity);
  }
  return {
    date,
    currency,
    locale,
    language,
    stops,
    totals: {
      stops: stops.length,
      toCollect: stops.filter((s) => s.outcome === 'pending').reduce((sum, s) => sum + s.toCollect, 0),
      delivered: stops.filter((s) => s.outcome === 'delivered').length,
      failed: stops.filter((s) => s.outcome === 'failed').length,
      collected: stops.reduce((sum, s) => sum + s.collected, 0),
    },
    packingList: [...packing.entries()].map(([name, quantity]) => ({ name, quantity })).sort((a, b) => a.name.localeCompare(b.name, 'es')),
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
    return dayOf(ctx, args.date ?? shopToday(ctx), args.assignee);
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
    const today = new Set(repo.stopsForDay(ctx.db, args.date).map((s) => s.orderId));
    args.orderIds.forEach((orderId, position) => {
      if (!today.has(orderId)) fail('invalid_input', `orderIds.${position}: order ${orderId} is not delivered on ${args.date}`, { field: `orderIds.${position}` });
      repo.setPosition(ctx.db, orderId, position);
    });
    return dayOf(ctx, args.date);
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

  'deliveries.routeSheet': async (ctx, args) => {
    const settings = readSettings(ctx.db);
    const day = dayOf(ctx, args.date, args.assignee);
    const whatsappText = routeText(day, settings, args.assignee);
    const result = await renderRouteSheet(ctx, day, settings, args.assignee);
    return { ...result, whatsappText };
  },
} satisfies Partial<Handlers>;
