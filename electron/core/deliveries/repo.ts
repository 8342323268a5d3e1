import type { DeliveryStop } from '../../../shared/api/methods/deliveries';
import type { Db } from '../db/open';

interface StopRow {
  order_id: number;
  number: string;
  customer_name: string | null;
  customer_phone: string | null;
  total: number;
  paid: number;
  method: 'delivery' | 'pickup' | null;
  address: string | null;
  reference: string | null;
  zone: string | null;
  contact_phone: string | null;
  time_window: string | null;
  assignee: string | null;
  notes: string | null;
  position: number | null;
  outcome: 'pending' | 'delivered' | 'failed' | null;
  failure_reason: string | null;
  cash_collected: number | null;
}

const STOP_SQL = `
  SELECT o.id AS order_id, o.number, c.name AS customer_name, c.phone AS customer_phone, o.total, o.paid,
         d.method, d.address, d.reference, d.zone, d.contact_phone, d.time_window, d.assignee, d.notes, d.position, d.outcome, d.failure_reason, d.cash_collected
    FROM orders o
    LEFT JOIN customers c ON c.id = o.customer_id
    LEFT JOIN deliveries d ON d.order_id = o.id`;

const itemsOf = (db: Db, orderId: number) =>
  db.prepare<[number], { name: string; quantity: number }>('SELECT name, quantity FROM order_items WHERE order_id = ? ORDER BY position, id').all(orderId);

const toStop = (db: Db, row: StopRow): DeliveryStop => {
  const address = row.address ?? '';
  return {
    orderId: row.order_id,
    orderNumber: row.number,
    method: row.method ?? 'delivery',
    customerName: row.customer_name ?? '',
    phone: row.contact_phone || row.customer_phone || '',
    address,
    reference: row.reference ?? '',
    zone: row.zone ?? '',
    timeWindow: row.time_window ?? '',
    assignee: row.assignee ?? '',
    notes: row.notes ?? '',
    position: row.position ?? 0,
    outcome: row.outcome ?? 'pending',
    failureReason: row.failure_reason ?? '',
    items: itemsOf(db, row.order_id),
    toCollect: Math.max(0, row.total - row.paid),
    collected: row.cash_collected ?? 0,
    phoneDigits: '',
    mapUrl: address ? `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent([address, row.zone].filter(Boolean).join(', '))}` : null,
  };
};

/** A day's stops: orders due that day that were confirmed (new ones are not promised yet, cancelled ones are gone). */
export const stopsForDay = (db: Db, date: string): DeliveryStop[] =>
  db
    .prepare<[string], StopRow>(`${STOP_SQL} WHERE o.delivery_date = ? AND o.status NOT IN ('new', 'cancelled') ORDER BY coalesce(d.assignee, ''), coalesce(d.position, 0), o.id`)
    .all(date)
    .map((row) => toStop(db, row));

export const findStop = (db: Db, orderId: number): DeliveryStop | undefined => {
  const row = db.prepare<[number], StopRow>(`${STOP_SQL} WHERE o.id = ?`).get(orderId);
  return row ? toStop(db, row) : undefined;
};

export interface StopFields {
  method: 'delivery' | 'pickup';
  address: string;
  reference: string;
  zone: string;
  contactPhone: string;
  timeWindow: string;
  assignee: string;
  notes: string;
}

export const upsertStop = (db: Db, orderId: number, f: StopFields): void => {
  db.prepare(
    `INSERT INTO deliveries (order_id, method, address, reference, zone, contact_phone, time_window, assignee, notes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (order_id) DO UPDATE SET method = excluded.method, address = excluded.address, reference = excluded.reference,
       zone = excluded.zone, contact_phone = excluded.contact_phone, time_window = excluded.time_window,
       assignee = excluded.assignee, notes = excluded.notes`,
  ).run(orderId, f.method, f.address, f.reference, f.zone, f.contactPhone, f.timeWindow, f.assignee, f.notes);
};

export const ensureStop = (db: Db, orderId: number): void => {
  db.prepare('INSERT OR IGNORE INTO deliveries (order_id) VALUES (?)').run(orderId);
};

export const setPosition = (db: Db, orderId: number, position: number): void => {
  ensureStop(db, orderId);
  db.prepare('UPDATE deliveries SET position = ? WHERE order_id = ?').run(position, orderId);
};

export const setOutcome = (db: Db, orderId: number, outcome: 'pending' | 'delivered' | 'failed', reason: string, now: number): void => {
  ensureStop(db, orderId);
  db.prepare('UPDATE deliveries SET outcome = ?, failure_reason = ?, finished_at = ? WHERE order_id = ?').run(outcome, reason, outcome === 'pending' ? null : now, orderId);
};

/** Who closed the stop (a paired phone, or null for the seller) and the cash taken at the door. */
export const setCourierMark = (db: Db, orderId: number, mark: { deviceId: number | null; cashCollected: number }): void => {
  ensureStop(db, orderId);
  db.prepare('UPDATE deliveries SET finished_by_device = ?, cash_collected = ? WHERE order_id = ?').run(mark.deviceId, mark.cashCollected, orderId);
};
