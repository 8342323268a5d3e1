import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import type { Db } from '../../../electron/core/db/open';
import { UNANSWERED_AFTER_MS, UNANSWERED_WINDOW_MS, unansweredCounts, unansweredCustomerIds } from '../../../electron/core/quick/autoReplies';
import { freshShopCopies } from '../../helpers/shopCopies';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 21, 15);
const TIME_ZONE = 'America/Lima';

/** The rules as first written, every message of the window against every later one: the reference. */
const countsByReading = (db: Db, start: number, end: number) =>
  db
    .prepare<[number, number], { channel: string; n: number }>(
      `SELECT m.channel, count(*) AS n FROM messages m
        WHERE m.direction = 'out' AND m.sent_at >= ? AND m.sent_at < ?
          AND NOT EXISTS (SELECT 1 FROM messages r WHERE r.conversation_id = m.conversation_id AND r.direction = 'in' AND r.sent_at > m.sent_at)
        GROUP BY m.channel ORDER BY m.channel`,
    )
    .all(start, end);

const idsByReading = (db: Db, now: number) =>
  db
    .prepare<[number, number], number>(
      `SELECT DISTINCT c.customer_id FROM messages m JOIN conversations c ON c.id = m.conversation_id
        WHERE m.direction = 'out' AND c.customer_id IS NOT NULL AND m.sent_at >= ? AND m.sent_at <= ?
          AND NOT EXISTS (SELECT 1 FROM messages r JOIN conversations rc ON rc.id = r.conversation_id
                           WHERE rc.customer_id = c.customer_id AND r.direction = 'in' AND r.sent_at > m.sent_at)`,
    )
    .pluck()
    .all(now - UNANSWERED_WINDOW_MS, now - UNANSWERED_AFTER_MS)
    .sort((a, b) => a - b);

type Step =
  | { kind: 'message'; who: number; channel: 'whatsapp' | 'instagram' | 'facebook'; isHers: boolean; sentAt: number }
  | { kind: 'link'; who: number; other: number };

const NOWS = [NOW, NOW - 20 * DAY, NOW + 3 * DAY];
const MONTHS = ['2026-09', '2026-10', '2026-11', '2026-12'].map((month) => ({ month, start: Date.parse(`${month}-01T05:00:00Z`) })); // midnight in Lima
// The edges of every window (a month's first moment, 30 and 2 days before each "now"), often, so
// an answer at the same millisecond as her message, or a message right on an edge, comes up.
const edges = [...MONTHS.map((m) => m.start), ...NOWS.flatMap((now) => [now - UNANSWERED_WINDOW_MS, now - UNANSWERED_AFTER_MS])];
const sentAt = fc.oneof(fc.constantFrom(...edges), fc.record({ daysAgo: fc.nat(62), minute: fc.nat(3) }).map(({ daysAgo, minute }) => NOW - daysAgo * DAY - minute * 60_000));

// Six people, each maybe on two channels; times over two months.
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('message' as const), who: fc.nat(5), channel: fc.constantFrom('whatsapp' as const, 'instagram' as const, 'facebook' as const), isHers: fc.boolean(), sentAt }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('link' as const), who: fc.nat(5), other: fc.nat(5) }) },
);

const apply = async (core: Core, steps: Step[]) => {
  const api = coreClient(core);
  let n = 0;
  for (const s of steps) {
    n += 1;
    if (s.kind === 'link') {
      const ids = core.db.prepare<[], number>('SELECT id FROM customers ORDER BY id').pluck().all();
      const [a, b] = [ids[s.who % Math.max(1, ids.length)], ids[s.other % Math.max(1, ids.length)]];
      if (a !== undefined && b !== undefined && a !== b) await api.call('customers.link', { id: a, otherId: b });
      continue;
    }
    const sender = s.channel === 'whatsapp' ? `5198700000${s.who}` : `${s.channel}.user${s.who}`;
    await api.call('inbox.ingestMessage', {
      channel: s.channel,
      conversationExternalId: s.channel === 'whatsapp' ? `${sender}@c.us` : `thread-${sender}`,
      messageExternalId: `m-${n}`,
      direction: s.isHers ? 'out' : 'in',
      author: s.isHers ? 'Tienda' : `Clienta ${s.who}`,
      senderExternalId: s.isHers ? '' : sender,
      text: s.isHers ? '¿Te separo el labial?' : 'hola',
      sentAt: s.sentAt,
    });
  }
};

describe('who did not answer her', () => {
  const withShop = freshShopCopies(() => NOW);

  it('reads the same as looking for a later answer to every message, on any chats, merges and months', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) =>
        withShop(async (core) => {
          await apply(core, steps);
          for (const [{ month, start }, next] of MONTHS.slice(0, -1).map((m, i) => [m, MONTHS[i + 1]] as const)) {
            expect(unansweredCounts(core.db, month, TIME_ZONE).map((c) => ({ channel: c.channel, n: c.count }))).toEqual(countsByReading(core.db, start, next?.start ?? 0));
          }
          for (const now of NOWS) expect([...unansweredCustomerIds(core.db, now)].sort((a, b) => a - b)).toEqual(idsByReading(core.db, now));
        }),
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
