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
const OF_PERSON = `(@assignee IS NULL OR coalesce(d.assignee, '') = @assignee)`;
const IN_ORDER = `ORDER BY coalesce(d.assignee, ''), coalesce(d.position, 0), o.id`;

export const stopsForDay = (db: Db, date: string): DeliveryStop[] =>
  toStops(db, db.prepare<[{ date: string }], StopRow>(`${STOP_SQL} WHERE ${ON_DAY} ${IN_ORDER}`).all({ date }));

/** One page of a day's stops in the seller's order (optionally one person's). */
export const stopsPage = (db: Db, date: string, assignee: string | null, limit: number, offset: number): DeliveryStop[] =>
  toStops(
    db,
    // The page's ids are picked from the index and the deliveries alone; names and phones are joined for those only.
    db
      .prepare<[{ date: string; assignee: string | null; limit: number; offset: number }], StopRow>(
        `${STOP_SQL} WHERE o.id IN (SELECT o.id FROM orders o LEFT JOIN deliveries d ON d.order_id = o.id WHERE ${ON_DAY} AND ${OF_PERSON} ${IN_ORDER} LIMIT @limit OFFSET @offset) ${IN_ORDER}`,
      )
      .all({ date, assignee, limit, offset }),
  );

/** The day by person, counted in SQL: how many stops, how they went, what is left to collect. */
export const daySummary = (db: Db, date: string): DeliveryPerson[] =>
  db
    .prepare<[{ date: string }], Omit<DeliveryPerson, 'zones'> & { zones: string | null }>(
      `SELECT coalesce(d.assignee, '') AS assignee, count(*) AS stops,
              sum(coalesce(d.outcome, 'pending') = 'pending') AS pending,
              sum(coalesce(d.outcome, '') = 'delivered') AS delivered,
              sum(coalesce(d.outcome, '') = 'failed') AS failed,
              sum(CASE WHEN coalesce(d.outcome, 'pending') = 'pending' THEN max(0, o.total - o.paid) ELSE 0 END) AS toCollect,
              sum(coalesce(d.cash_collected, 0)) AS collected,
              json_group_array(DISTINCT nullif(d.zone, '')) AS zones
         FROM orders o LEFT JOIN deliveries d ON d.order_id = o.id
        WHERE ${ON_DAY} GROUP BY 1 ORDER BY 1`,
    )
    .all({ date })
    .map((row) => ({ ...row, zones: (JSON.parse(row.zones ?? '[]') as (string | null)[]).filter((z): z is string => Boolean(z)) }));

/** Packing lists in Spanish order, "Labial 2" before "Labial 10"; one collator, not one per comparison. */
export const byItemName = new Intl.Collator('es', { numeric: true });

/** What to pack: the items of the stops still to deliver, added up by name. */
export const packingList = (db: Db, date: string, assignee: string | null): Item[] =>
  db
    .prepare<[{ date: string; assignee: string | null }], Item>(
      `SELECT oi.name, sum(oi.quantity) AS quantity
         FROM orders o JOIN order_items oi ON oi.order_id = o.id LEFT JOIN deliveries d ON d.order_id = o.id
        WHERE ${ON_DAY} AND ${OF_PERSON} AND coalesce(d.outcome, 'pending') = 'pending'
        GROUP BY oi.name`,
    )
    .all({ date, assignee })
    .sort((a, b) => byItemName.compare(a.name, b.name));

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
