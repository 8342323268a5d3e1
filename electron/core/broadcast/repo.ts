import { emptyCounts, type BroadcastRecipient, type BroadcastStatus, type BroadcastTarget, type Counts, type OutboxStatus, type RecipientFilter } from '../../../shared/domain/broadcasts';
import type { ChannelKind } from '../../../shared/domain/channels';
import type { Db } from '../db/open';

export interface BroadcastRow {
  id: number;
  promotion_id: number;
  status: BroadcastStatus;
  targets: string;
  filter: string;
  publish_at: number | null;
  pause_reason: string;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
}

export interface OutboxRow {
  id: number;
  broadcast_id: number | null;
  /**
   * reply: an answer of the app's own (BAJA); live_message: what a live buyer claimed and how to pay; waitlist_message: "¡llegó!"
   * to someone waiting; payment_reminder: Por cobrar's reminder, queued for several customers at once.
   */
  target: BroadcastTarget | 'reply' | 'live_message' | 'waitlist_message' | 'payment_reminder';
  via: ChannelKind;
  customer_id: number | null;
  conversation_id: number | null;
  address: string;
  text: string;
  idempotency_key: string;
  status: OutboxStatus;
  attempts: number;
  error: string;
  external_id: string | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
  /** A scheduled Instagram post waits in the outbox until then. */
  not_before: number | null;
  /** A document made and sent with the text when the row goes out; channels without files get the text alone. */
  attachment: OutboxAttachment | null;
}

export type OutboxAttachment = 'catalog_pdf';

export const insertBroadcast = (db: Db, b: { promotionId: number; targets: BroadcastTarget[]; filter: RecipientFilter; publishAt: number | null }, now: number): number =>
  Number(
    db
      .prepare("INSERT INTO broadcasts (promotion_id, status, targets, filter, publish_at, created_at) VALUES (?, 'draft', ?, ?, ?, ?)")
      .run(b.promotionId, JSON.stringify(b.targets), JSON.stringify(b.filter), b.publishAt, now).lastInsertRowid,
  );

export const findBroadcast = (db: Db, id: number): BroadcastRow | undefined => db.prepare<[number], BroadcastRow>('SELECT * FROM broadcasts WHERE id = ?').get(id);

export const listBroadcastRows = (db: Db, promotionId: number | undefined, limit: number): BroadcastRow[] =>
  promotionId === undefined
    ? db.prepare<[number], BroadcastRow>('SELECT * FROM broadcasts ORDER BY id DESC LIMIT ?').all(limit)
    : db.prepare<[number, number], BroadcastRow>('SELECT * FROM broadcasts WHERE promotion_id = ? ORDER BY id DESC LIMIT ?').all(promotionId, limit);

export const runningBroadcastIds = (db: Db): number[] => db.prepare<[], number>("SELECT id FROM broadcasts WHERE status = 'running' ORDER BY id").pluck().all();

export const setBroadcastStatus = (db: Db, id: number, status: BroadcastStatus, now: number, pauseReason = ''): void => {
  db.prepare(
    `UPDATE broadcasts SET status = ?, pause_reason = ?,
       started_at = CASE WHEN ? = 'running' THEN coalesce(started_at, ?) ELSE started_at END,
       finished_at = CASE WHEN ? IN ('done', 'cancelled') THEN ? ELSE finished_at END
     WHERE id = ?`,
  ).run(status, pauseReason, status, now, status, now, id);
};

export const insertOutboxRow = (
  db: Db,
  r: {
    broadcastId: number | null;
    target: OutboxRow['target'];
    via: ChannelKind;
    customerId: number | null;
    conversationId: number | null;
    address: string;
    text: string;
    key: string;
    notBefore?: number | null;
    attachment?: OutboxAttachment | null;
  },
  now: number,
): void => {
  db.prepare(
    `INSERT OR IGNORE INTO outbox (broadcast_id, target, via, customer_id, conversation_id, address, text, idempotency_key, status, created_at, updated_at, not_before, attachment)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
  ).run(r.broadcastId, r.target, r.via, r.customerId, r.conversationId, r.address, r.text, r.key, now, now, r.notBefore ?? null, r.attachment ?? null);
};

export const countsOf = (db: Db, broadcastId: number, target?: BroadcastTarget): Counts => {
  const counts = emptyCounts();
  const rows = target
    ? db.prepare<[number, string], { status: OutboxStatus; n: number }>('SELECT status, count(*) AS n FROM outbox WHERE broadcast_id = ? AND target = ? GROUP BY status').all(broadcastId, target)
    : db.prepare<[number], { status: OutboxStatus; n: number }>('SELECT status, count(*) AS n FROM outbox WHERE broadcast_id = ? GROUP BY status').all(broadcastId);
  for (const row of rows) counts[row.status] = row.n;
  return counts;
};

export const recipientsOf = (db: Db, broadcastId: number, status: OutboxStatus | undefined, limit: number, offset: number): { items: BroadcastRecipient[]; total: number } => {
  const where = status ? 'o.broadcast_id = ? AND o.status = ?' : 'o.broadcast_id = ?';
  const params: (string | number)[] = status ? [broadcastId, status] : [broadcastId];
  const total = Number(db.prepare(`SELECT count(*) FROM outbox o WHERE ${where}`).pluck().get(...params));
  const items = db
    .prepare<(string | number)[], OutboxRow & { customer_name: string | null }>(
      `SELECT o.*, c.name AS customer_name FROM outbox o LEFT JOIN customers c ON c.id = o.customer_id WHERE ${where} ORDER BY o.id LIMIT ? OFFSET ?`,
    )
    .all(...params, limit, offset)
    .flatMap((r) =>
      r.target === 'reply'
        ? []
        : r.target === 'live_message' || r.target === 'waitlist_message' || r.target === 'payment_reminder'
          ? []
          : [{ id: r.id, target: r.target, customerId: r.customer_id, customerName: r.customer_name ?? '', address: r.address, status: r.status, attempts: r.attempts, error: r.error, sentAt: r.sent_at, updatedAt: r.updated_at }],
    );
  return { items, total };
};

/**
 * A crash between "sending" and "sent" leaves rows whose fate is unknown until looked for in the
 * chat. updated_at keeps the moment the send was claimed: only what went out after it counts.
 */
export const markInterruptedSends = (db: Db): number => db.prepare("UPDATE outbox SET status = 'unknown' WHERE status = 'sending'").run().changes;

export const claimRow = (db: Db, id: number, now: number): boolean =>
  db.prepare("UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND status = 'pending'").run(now, id).changes === 1;

export const finishRow = (db: Db, id: number, status: OutboxStatus, now: number, fields: { externalId?: string; error?: string } = {}): void => {
  db.prepare(
    `UPDATE outbox SET status = ?, updated_at = ?, external_id = coalesce(?, external_id), error = ?,
       sent_at = CASE WHEN ? = 'sent' THEN coalesce(sent_at, ?) ELSE sent_at END
     WHERE id = ?`,
  ).run(status, now, fields.externalId ?? null, fields.error ?? '', status, now, id);
};

/** Messages one by one to many people: these share one pace per channel (gaps, hourly and daily caps). */
export const pacedTargets: readonly OutboxRow['target'][] = ['whatsapp_direct', 'live_message', 'waitlist_message', 'payment_reminder'];

export const sendTimesSince = (db: Db, via: ChannelKind, since: number): number[] =>
  db
    .prepare<[string, number], number>(
      `SELECT sent_at FROM outbox WHERE via = ? AND target IN (${pacedTargets.map((t) => `'${t}'`).join(', ')}) AND sent_at IS NOT NULL AND sent_at > ? ORDER BY sent_at`,
    )
    .pluck()
    .all(via, since);
