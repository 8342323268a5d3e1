import type { Order, OrderChannel, OrderDelivery, OrderEvent, OrderItem, OrderStatus, Payment } from '../../../shared/domain/orders';
import { balanceDueOf, paymentState } from '../../../shared/domain/orders';
import { fail } from '../../../shared/api/errors';
import type { Db } from '../db/open';

interface OrderRow {
  id: number;
  number: string;
  status: OrderStatus;
  channel: OrderChannel;
  customer_id: number | null;
  subtotal: number;
  discount: number;
  delivery_fee: number;
  total: number;
  paid: number;
  delivery_date: string | null;
  note: string;
  source_text: string;
  created_at: number;
  updated_at: number;
}

export interface OrderRecord {
  status: OrderStatus;
  channel: OrderChannel;
  customerId: number | null;
  subtotal: number;
  discount: number;
  deliveryFee: number;
  total: number;
  deliveryDate: string | null;
  note: string;
  sourceText: string;
  searchText: string;
}

export interface ItemRecord {
  variantId: number;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  regularPrice: number;
}

export const insertOrder = (db: Db, record: OrderRecord, now: number): number => {
  const next = Number(db.prepare('SELECT coalesce(max(id), 0) + 1 FROM orders').pluck().get());
  return Number(
    db
      .prepare(
        `INSERT INTO orders (id, number, status, channel, customer_id, subtotal, discount, delivery_fee, total,
                             delivery_date, note, source_text, search_text, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        next,
        `P-${String(next).padStart(4, '0')}`,
        record.status,
        record.channel,
        record.customerId,
        record.subtotal,
        record.discount,
        record.deliveryFee,
        record.total,
        record.deliveryDate,
        record.note,
        record.sourceText,
        record.searchText,
        now,
        now,
      ).lastInsertRowid,
  );
};

export const updateOrderRow = (db: Db, id: number, record: Omit<OrderRecord, 'status' | 'channel' | 'sourceText'>, now: number): void => {
  db.prepare(
    `UPDATE orders SET customer_id = ?, subtotal = ?, discount = ?, delivery_fee = ?, total = ?, delivery_date = ?,
                       note = ?, search_text = ?, updated_at = ? WHERE id = ?`,
  ).run(record.customerId, record.subtotal, record.discount, record.deliveryFee, record.total, record.deliveryDate, record.note, record.searchText, now, id);
};

export const setOrderStatus = (db: Db, id: number, status: OrderStatus, now: number): void => {
  db.prepare('UPDATE orders SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id);
};

export const replaceItems = (db: Db, orderId: number, items: ItemRecord[]): void => {
  db.prepare('DELETE FROM order_items WHERE order_id = ?').run(orderId);
  const insert = db.prepare(
    'INSERT INTO order_items (order_id, variant_id, sku, name, quantity, unit_price, regular_price, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  items.forEach((item, position) =>
    insert.run(orderId, item.variantId, item.sku, item.name, item.quantity, item.unitPrice, item.regularPrice, position),
  );
};

export const addEvent = (db: Db, orderId: number, event: { type: OrderEvent['type']; status?: OrderStatus; note?: string }, now: number): void => {
  db.prepare('INSERT INTO order_events (order_id, type, status, note, created_at) VALUES (?, ?, ?, ?, ?)').run(
    orderId,
    event.type,
    event.status ?? null,
    event.note ?? '',
    now,
  );
};

/** Returns the new payment's id. */
export const addPayment = (db: Db, orderId: number, payment: { amount: number; method: string; note: string; operationNumber?: string }, now: number): number => {
  const id = db.prepare('INSERT INTO payments (order_id, amount, method, operation_number, note, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    orderId,
    payment.amount,
    payment.method,
    payment.operationNumber ?? '',
    payment.note,
    now,
  ).lastInsertRowid;
  db.prepare('UPDATE orders SET paid = paid + ?, updated_at = ? WHERE id = ?').run(payment.amount, now, orderId);
  return Number(id);
};

export const findOrder = (db: Db, id: number): Order | undefined => {
  const row = db.prepare<[number], OrderRow>('SELECT * FROM orders WHERE id = ?').get(id);
  if (!row) return undefined;
  const customer = row.customer_id === null
    ? null
    : db.prepare<[number], { id: number; name: string; phone: string }>('SELECT id, name, phone FROM customers WHERE id = ?').get(row.customer_id) ?? null;
  const items = db
    .prepare<[number], { id: number; variant_id: number; sku: string; name: string; quantity: number; unit_price: number; regular_price: number }>(
      'SELECT * FROM order_items WHERE order_id = ? ORDER BY position, id',
    )
    .all(id)
    .map((r): OrderItem => ({
      id: r.id,
      variantId: r.variant_id,
      sku: r.sku,
      name: r.name,
      quantity: r.quantity,
      unitPrice: r.unit_price,
      regularPrice: r.regular_price,
      lineTotal: r.quantity * r.unit_price,
    }));
  const payments = db
    .prepare<[number], { id: number; amount: number; method: string; operation_number: string; note: string; created_at: number }>(
      'SELECT * FROM payments WHERE order_id = ? ORDER BY id',
    )
    .all(id)
    .map((r): Payment => ({ id: r.id, amount: r.amount, method: r.method, operationNumber: r.operation_number, note: r.note, createdAt: r.created_at }));
  // Every payment is written with its one 'payment' event, both append-only: the n-th event is the n-th payment.
  let paymentIndex = 0;
  const events = db
    .prepare<[number], { id: number; type: OrderEvent['type']; status: OrderStatus | null; note: string; created_at: number }>(
      'SELECT * FROM order_events WHERE order_id = ? ORDER BY id',
    )
    .all(id)
    .map((r): OrderEvent => ({
      id: r.id,
      type: r.type,
      status: r.status,
      note: r.note,
      payment: r.type === 'payment' ? payments[paymentIndex++] ?? null : null,
      createdAt: r.created_at,
    }));
  const delivery = db
    .prepare<[number], { method: OrderDelivery['method']; address: string; reference: string; zone: string; time_window: string }>(
      'SELECT method, address, reference, zone, time_window FROM deliveries WHERE order_id = ?',
    )
    .get(id);
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    channel: row.channel,
    customer,
    items,
    subtotal: row.subtotal,
    discount: row.discount,
    deliveryFee: row.delivery_fee,
    total: row.total,
    paid: row.paid,
    balanceDue: balanceDueOf(row.status, row.total, row.paid),
    paymentState: paymentState(row.total, row.paid),
    deliveryDate: row.delivery_date,
    delivery: delivery
      ? { method: delivery.method, address: delivery.address, reference: delivery.reference, zone: delivery.zone, timeWindow: delivery.time_window }
      : null,
    note: row.note,
    sourceText: row.source_text,
    payments,
    events,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
};

export const getOrder = (db: Db, id: number): Order => findOrder(db, id) ?? fail('not_found', `Order ${id} does not exist`, { field: 'id' });
export { listOrdersPage } from './list';
