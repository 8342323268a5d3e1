import { fail } from '../../../shared/api/errors';
import { foldText } from '../../../shared/domain/catalog';
import { canMoveTo, holdsStock, isEditable, orderTotals, type Order, type OrderStatus } from '../../../shared/domain/orders';
import * as catalog from '../catalog/repo';
import { upsertStop } from '../deliveries/repo';
import { catalogChanged } from '../catalog/handlers';
import { learnFromDraft } from '../catalog/aliasHandlers';
import type { CoreContext, Handlers } from '../context';
import { readSettings } from '../settings/repo';
import { recordMovement } from '../stock/repo';
import { customerName, resolveCustomer, type CustomerInput } from './customers';
import { draftFromText } from './draft';
import { draftFromMessages } from './draftMessages';
import { bundleSavings, currentPrice } from './pricing';
import { quoteOrder } from './quote';
import * as repo from './repo';

interface ItemInput {
  variantId: number;
  quantity: number;
  unitPrice?: number;
}

/** Snapshots name, SKU and price, so later catalog edits never rewrite an order. */
const toItemRecords = (ctx: CoreContext, items: ItemInput[]): repo.ItemRecord[] =>
  items.map((item, i) => {
    const variant = catalog.findVariant(ctx.db, item.variantId) ?? fail('not_found', `Variant ${item.variantId} does not exist`, { field: `items.${i}.variantId` });
    const product = catalog.getProduct(ctx.db, variant.productId);
    return {
      variantId: variant.id,
      sku: variant.sku,
      name: [product.name, variant.name].filter(Boolean).join(' – '),
      quantity: item.quantity,
      unitPrice: item.unitPrice ?? currentPrice(ctx, variant),
      regularPrice: variant.price,
    };
  });

const searchText = (number: string, customer: string, items: repo.ItemRecord[]): string =>
  foldText([number, customer, ...items.map((i) => `${i.name} ${i.sku}`)].join(' '));

const quantitiesByVariant = (items: { variantId: number; quantity: number }[]): Map<number, number> => {
  const totals = new Map<number, number>();
  for (const item of items) totals.set(item.variantId, (totals.get(item.variantId) ?? 0) + item.quantity);
  return totals;
};

/** Moves stock by the difference between what the order held and what it should hold now. */
const moveStock = (ctx: CoreContext, order: Order, held: Map<number, number>, wanted: Map<number, number>): void => {
  const variantIds = new Set([...held.keys(), ...wanted.keys()]);
  for (const variantId of variantIds) {
    const delta = (held.get(variantId) ?? 0) - (wanted.get(variantId) ?? 0);
    if (delta === 0) continue;
    recordMovement(ctx.db, {
      variantId,
      delta,
      reason: delta < 0 ? 'sale' : 'return',
      note: `Pedido ${order.number}`,
      orderId: order.id,
      now: ctx.now(),
    });
  }
  catalogChanged(ctx, []);
};

const changed = (ctx: CoreContext, id: number): Order => {
  ctx.emit('orders.changed', { orderIds: [id] });
  return repo.getOrder(ctx.db, id);
};

export const moveTo = (ctx: CoreContext, order: Order, status: OrderStatus, note: string): Order => {
  if (!canMoveTo(order.status, status)) {
    fail('conflict', `Order ${order.number} is ${order.status} and cannot become ${status}`, { field: 'status' });
  }
  const held = holdsStock(order.status) ? quantitiesByVariant(order.items) : new Map<number, number>();
  const wanted = holdsStock(status) ? quantitiesByVariant(order.items) : new Map<number, number>();
  moveStock(ctx, order, held, wanted);
  repo.setOrderStatus(ctx.db, order.id, status, ctx.now());
  repo.addEvent(ctx.db, order.id, { type: 'status', status, note }, ctx.now());
  return changed(ctx, order.id);
};

/** Every payment goes through here (Pedidos, a receipt from Chats): checks, the ledger row and its event. */
export const recordPayment = (
  ctx: CoreContext,
  args: { id: number; amount: number; method: string; operationNumber: string; note: string },
): { order: Order; paymentId: number } => {
  const order = repo.getOrder(ctx.db, args.id);
  if (order.status === 'cancelled') fail('conflict', `Order ${order.number} is cancelled`, { field: 'id' });
  const methods = readSettings(ctx.db).paymentMethods;
  if (!methods.includes(args.method)) {
    fail('invalid_input', `method: "${args.method}" is not one of ${methods.join(', ')}`, { field: 'method' });
  }
  if (args.amount > order.balanceDue) {
    fail('invalid_input', `amount: only ${order.balanceDue} is due on ${order.number}`, { field: 'amount', details: { balanceDue: order.balanceDue } });
  }
  const paymentId = repo.addPayment(ctx.db, order.id, args, ctx.now());
  repo.addEvent(ctx.db, order.id, { type: 'payment', note: args.method }, ctx.now());
  return { order: changed(ctx, order.id), paymentId };
};

export const orderHandlers = {
  'orders.draftFromText': (ctx, args) => draftFromText(ctx, args.text, args.now ?? ctx.now()),
  'orders.draftFromMessages': (ctx, args) => draftFromMessages(ctx, args.conversationId, args.messageIds, args.now ?? ctx.now()),

  'orders.quote': (ctx, args) => quoteOrder(ctx, args),

  'orders.create': (ctx, args) => {
    const settings = readSettings(ctx.db);
    const now = ctx.now();
    const customerId = args.customer ? resolveCustomer(ctx.db, args.customer, settings.locale, now) : null;
    const items = toItemRecords(ctx, args.items);
    // Bundles ("2x1") price sets, not units: their saving joins the discount the seller sees.
    const discount = args.discount + bundleSavings(ctx, items);
    const totals = orderTotals(items, discount, args.deliveryFee);
    const id = repo.insertOrder(
      ctx.db,
      { ...args, ...totals, discount, status: 'new', customerId, deliveryFee: args.deliveryFee, searchText: '' },
      now,
    );
    repo.replaceItems(ctx.db, id, items);
    const number = repo.getOrder(ctx.db, id).number;
    repo.updateOrderRow(ctx.db, id, { ...args, ...totals, discount, customerId, searchText: searchText(number, customerName(ctx.db, customerId), items) }, now);
    repo.addEvent(ctx.db, id, { type: 'created', status: 'new' }, now);
    // The address typed in Nuevo pedido is saved with the order, in the same transaction.
    // The contact phone stays '' so the stop falls back to the customer's own number.
    if (args.delivery) upsertStop(ctx.db, id, { ...args.delivery, contactPhone: '', timeWindow: '', assignee: '', notes: '' });
    // The seller's corrections of a draft teach it the shop's words, in the order's own transaction.
    learnFromDraft(ctx, args.items);
    return changed(ctx, id);
  },

  'orders.get': (ctx, args) => repo.getOrder(ctx.db, args.id),

  'orders.list': (ctx, args) => repo.listOrdersPage(ctx.db, args, readSettings(ctx.db).timeZone),

  'orders.update': (ctx, args) => {
    const order = repo.getOrder(ctx.db, args.id);
    if (args.items && !isEditable(order.status)) {
      fail('conflict', `Order ${order.number} is already ${order.status}; its items can no longer change`, { field: 'items' });
    }
    if (order.status === 'cancelled' || order.status === 'delivered') fail('conflict', `Order ${order.number} is closed`);
    const now = ctx.now();
    const settings = readSettings(ctx.db);
    const customerId =
      args.customer === undefined ? order.customer?.id ?? null : args.customer === null ? null : resolveCustomer(ctx.db, args.customer satisfies CustomerInput, settings.locale, now);
    const items = args.items ? toItemRecords(ctx, args.items) : order.items;
    // When items change, the bundle part of the discount follows them; the seller's own part stays.
    const bundlePart = (list: { variantId: number; quantity: number; unitPrice: number }[]) => (args.items ? bundleSavings(ctx, list) : 0);
    const discount = (args.discount ?? Math.max(0, order.discount - bundlePart(order.items))) + bundlePart(items);
    const deliveryFee = args.deliveryFee ?? order.deliveryFee;
    const totals = orderTotals(items, discount, deliveryFee);
    if (totals.total < order.paid) fail('conflict', `The new total is less than what was already paid for ${order.number}`, { field: 'items' });
    if (args.items && holdsStock(order.status)) moveStock(ctx, order, quantitiesByVariant(order.items), quantitiesByVariant(items));
    if (args.items) repo.replaceItems(ctx.db, order.id, items);
    repo.updateOrderRow(
      ctx.db,
      order.id,
      {
        ...totals,
        customerId,
        discount,
        deliveryFee,
        deliveryDate: args.deliveryDate === undefined ? order.deliveryDate : args.deliveryDate,
        note: args.note ?? order.note,
        searchText: searchText(order.number, customerName(ctx.db, customerId), items),
      },
      now,
    );
    repo.addEvent(ctx.db, order.id, { type: 'edited' }, now);
    return changed(ctx, order.id);
  },

  'orders.setStatus': (ctx, args) => {
    const order = repo.getOrder(ctx.db, args.id);
    // Her choice in Pedidos: nothing is handed over on credit. The delivery phone is not asked (it collects at the door).
    if (args.status === 'delivered' && order.balanceDue > 0 && readSettings(ctx.db).isPaymentRequiredBeforeDelivery) {
      fail('conflict', `Order ${order.number} still owes ${order.balanceDue}; record the payment before marking it delivered`, {
        field: 'status',
        details: { reason: 'unpaid', balanceDue: order.balanceDue },
      });
    }
    return moveTo(ctx, order, args.status, args.note);
  },

  'orders.cancel': (ctx, args) => moveTo(ctx, repo.getOrder(ctx.db, args.id), 'cancelled', args.reason),

  'orders.addPayment': (ctx, args) => recordPayment(ctx, args).order,
} satisfies Partial<Handlers>;
