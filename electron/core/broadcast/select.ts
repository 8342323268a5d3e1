import { DateTime } from 'luxon';
import type { RecipientFilter } from '../../../shared/domain/broadcasts';
import type { ChannelKind } from '../../../shared/domain/channels';
import type { Db } from '../db/open';
import { parseTags } from '../db/tags';
import { unansweredCustomerIds } from '../quick/autoReplies';

export interface Recipient {
  customerId: number;
  name: string;
  conversationId: number;
  address: string;
  via: ChannelKind;
}

interface CandidateRow {
  id: number;
  name: string;
  promo_consent: 'unknown' | 'opted_in' | 'opted_out';
  tags: string;
  conversation_id: number | null;
  address: string | null;
  via: ChannelKind | null;
}

export interface Selection {
  recipients: Recipient[];
  optedOut: number;
  notAsked: number;
  withoutChat: number;
  /** Left out because they did not answer her last messages. */
  unanswered: number;
}

/**
 * Who a direct WhatsApp promotion may go to: customers who opted in, match the filter, and have a
 * live WhatsApp chat. Opted-out customers are never selected, whatever the filter says.
 */
export const selectRecipients = (db: Db, filter: RecipientFilter, timeZone: string, now: number): Selection => {
  const since = filter.boughtSince ? DateTime.fromISO(filter.boughtSince, { zone: timeZone }).startOf('day').toMillis() : null;
  const productClause = filter.productIds.length
    ? `AND c.id IN (SELECT o.customer_id FROM orders o JOIN order_items oi ON oi.order_id = o.id JOIN variants v ON v.id = oi.variant_id
                    WHERE o.status <> 'cancelled' AND v.product_id IN (${filter.productIds.map(() => '?').join(',')}))`
    : '';
  const sinceClause = since !== null ? "AND (SELECT max(o.created_at) FROM orders o WHERE o.customer_id = c.id AND o.status <> 'cancelled') >= ?" : '';
  const params = [...filter.productIds, ...(since !== null ? [since] : [])];
  // Without tags to match (read in JavaScript, any case), those who did not opt in are only counted,
  // by SQLite: only the customers who may receive it come out one by one (20,000 rows took 95 ms).
  const isConsentCounted = filter.tags.length === 0;
  const rows = db
    .prepare<(number | string)[], CandidateRow>(
      `SELECT c.id, c.name, c.promo_consent, c.tags, conv.id AS conversation_id, conv.external_id AS address, conv.via
         FROM customers c
         LEFT JOIN conversations conv ON conv.id = (
           SELECT id FROM conversations WHERE customer_id = c.id AND channel = 'whatsapp' AND via IS NOT NULL ORDER BY last_message_at DESC LIMIT 1)
        WHERE ${isConsentCounted ? "c.promo_consent = 'opted_in'" : '1 = 1'} ${productClause} ${sinceClause}
        ORDER BY c.id`,
    )
    .all(...params);
  const selection: Selection = { recipients: [], optedOut: 0, notAsked: 0, withoutChat: 0, unanswered: 0 };
  if (isConsentCounted) {
    const counts = db
      .prepare<(number | string)[], { consent: CandidateRow['promo_consent']; n: number }>(
        `SELECT c.promo_consent AS consent, count(*) AS n FROM customers c WHERE c.promo_consent <> 'opted_in' ${productClause} ${sinceClause} GROUP BY 1`,
      )
      .all(...params);
    for (const { consent, n } of counts) {
      if (consent === 'opted_out') selection.optedOut += n;
      else selection.notAsked += n;
    }
  }
  const hasTags = (json: string): boolean => {
    if (filter.tags.length === 0) return true;
    const tags = parseTags(json);
    return filter.tags.every((tag) => tags.some((t) => t.toLowerCase() === tag.toLowerCase()));
  };
  const isAnyOptedIn = rows.some((row) => row.promo_consent === 'opted_in');
  const unanswered = filter.includeUnanswered || !isAnyOptedIn ? new Set<number>() : unansweredCustomerIds(db, now);
  for (const row of rows) {
    if (!hasTags(row.tags)) continue;
    if (row.promo_consent === 'opted_out') selection.optedOut += 1;
    else if (row.promo_consent !== 'opted_in') selection.notAsked += 1;
    else if (unanswered.has(row.id)) selection.unanswered += 1;
    else if (row.conversation_id === null || row.address === null || row.via === null) selection.withoutChat += 1;
    else selection.recipients.push({ customerId: row.id, name: row.name, conversationId: row.conversation_id, address: row.address, via: row.via });
  }
  return selection;
};
