import type { DeliveryPerson, DeliveryStop } from '../../../shared/api/methods/deliveries';
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

type Item = { name: string; quantity: number };

/** The items of several orders in one query, whatever their number. */
const itemsOf = (db: Db, orderIds: number[]): Map<number, Item[]> => {
  const byOrder = new Map<number, Item[]>();
  const rows = db
    .prepare<[string], Item & { order_id: number }>('SELECT order_id, name, quantity FROM order_items WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY order_id, position, id')
    .all(JSON.stringify(orderIds));
  for (const { order_id: orderId, name, quantity } of rows) byOrder.set(orderId, [...(byOrder.get(orderId) ?? []), { name, quantity }]);
  return byOrder;
};

const toStops = (db: Db, rows: StopRow[]): DeliveryStop[] => {
  const items = itemsOf(db, rows.map((r) => r.order_id));
  return rows.map((row) => toStop(row, items.get(row.order_id) ?? []));
};

const toStop = (row: StopRow, items: Item[]): DeliveryStop => {
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
    items,
    toCollect: Math.max(0, row.total - row.paid),
    collected: row.cash_collected ?? 0,
    phoneDigits: '',
    mapUrl: address ? `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent([address, row.zone].filter(Boolean).join(', '))}` : null,
  };
};

// A day's stops: orders due that day that were confirmed (new ones are not promised yet, cancelled
// ones are gone). The index on (delivery_date, status) answers this without reading other days.
const ON_DAY = `o.delivery_date = @date AND o.status NOT IN ('new', 'cancelled')`;
const IN_ORDER = `ORDER BY coalesce(d.assignee, ''), coalesce(d.position, 0), o.id`;

export const stopsForDay = (db: Db, date: string): DeliveryStop[] =>
  toStops(db, db.prepare<[{ date: string }], StopRow>(`${STOP_SQL} WHERE ${ON_DAY} ${IN_ORDER}`).all({ date }));

/** One page of a day's stops in the seller's order (optionally one person's). */
export const stopsPage = (db: Db, date: string, assignee: string | null, limit: number, offset: number): DeliveryStop[] => {
  // The page's ids come from the day's stops kept in the seller's order (migration 0035), read by
  // index and stopping after the page; names, phones and items are joined for those only.
  const ids = db
    .prepare<[{ date: string; assignee: string | null; limit: number; offset: number }], number>(
      assignee === null
        ? 'SELECT order_id FROM rollup_delivery_stops WHERE day = @date ORDER BY assignee, position, order_id LIMIT @limit OFFSET @offset'
        : 'SELECT order_id FROM rollup_delivery_stops WHERE day = @date AND assignee = @assignee ORDER BY position, order_id LIMIT @limit OFFSET @offset',
    )
    .pluck()
    .all({ date, assignee, limit, offset });
  return toStops(db, db.prepare<[string], StopRow>(`${STOP_SQL} WHERE o.id IN (SELECT value FROM json_each(?)) ${IN_ORDER}`).all(JSON.stringify(ids)));
};

/** The day by person, kept as the stops change (migration 0035): how many, how they went, what is left to collect. */
export const daySummary = (db: Db, date: string): DeliveryPerson[] =>
  db
    .prepare<[string], Omit<DeliveryPerson, 'zones'> & { zones: string }>(
      `SELECT p.assignee, p.stops, p.pending, p.delivered, p.failed, p.to_collect AS toCollect, p.collected,
              (SELECT json_group_array(zone) FROM (SELECT z.zone FROM rollup_delivery_zones z
                WHERE z.day = p.day AND z.assignee = p.assignee ORDER BY z.stops DESC, z.zone)) AS zones
         FROM rollup_delivery_people p WHERE p.day = ? ORDER BY p.assignee`,
    )
    .all(date)
    .map((row) => ({ ...row, zones: JSON.parse(row.zones) as string[] }));

/** What to pack for the stops still to deliver, added up by name in the catalog's order ("Labial 2" before "Labial 10"). */
export const packingList = (db: Db, date: string, assignee: string | null, limit: number, offset = 0): { lines: Item[]; total: number } => {
  const args = { date, assignee, limit, offset };
  if (assignee === null) {
    return {
      lines: db
        .prepare<[typeof args], Item>('SELECT name, sum(quantity) AS quantity FROM rollup_delivery_packing WHERE day = @date GROUP BY name_key, name ORDER BY name_key, name LIMIT @limit OFFSET @offset')
        .all(args),
      // Counted along the index's order, without sorting the names again.
      total: db.prepare<[string], number>('SELECT count(*) FROM (SELECT 1 FROM rollup_delivery_packing WHERE day = ? GROUP BY name_key, name)').pluck().get(date) ?? 0,
    };
  }
  return {
    lines: db
      .prepare<[typeof args], Item>('SELECT name, quantity FROM rollup_delivery_packing WHERE day = @date AND assignee = @assignee ORDER BY name_key, name LIMIT @limit OFFSET @offset')
      .all(args),
    total: db.prepare<[string, string], number>('SELECT count(*) FROM rollup_delivery_packing WHERE day = ? AND assignee = ?').pluck().get(date, assignee) ?? 0,
  };
};

export const findStop = (db: Db, orderId: number): DeliveryStop | undefined => {
  const row = db.prepare<[number], StopRow>(`${STOP_SQL} WHERE o.id = ?`).get(orderId);
  return row ? toStops(db, [row])[0] : undefined;
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
