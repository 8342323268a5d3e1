import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { m0040 } from '../../../electron/core/db/migrations/0040-conversations-last-in';
import { asksPriceOrProduct } from '../../../electron/core/inbox/asks';
import { freshShopCopies } from '../../helpers/shopCopies';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 21, 15);

/** What each chat keeps (migration 0040), read from its messages: the customer's last one, the newest id on a tie. */
const byReading = (core: Core) =>
  core.db
    .prepare<[], { id: number; message_id: number | null; sent_at: number | null; text: string | null }>(
      `SELECT c.id, m.id AS message_id, m.sent_at, m.text FROM conversations c
         LEFT JOIN messages m ON m.id = (SELECT m2.id FROM messages m2 WHERE m2.conversation_id = c.id AND m2.direction = 'in' ORDER BY m2.sent_at DESC, m2.id DESC LIMIT 1)
        ORDER BY c.id`,
    )
    .all()
    .map((r) => ({ id: r.id, lastInId: r.message_id, lastInAt: r.sent_at ?? 0, asks: r.text !== null && asksPriceOrProduct(r.text) ? 1 : 0 }));

const kept = (core: Core) =>
  core.db
    .prepare<[], { id: number; last_in_id: number | null; last_in_at: number; last_in_asks: number }>('SELECT id, last_in_id, last_in_at, last_in_asks FROM conversations ORDER BY id')
    .all()
    .map((r) => ({ id: r.id, lastInId: r.last_in_id, lastInAt: r.last_in_at, asks: r.last_in_asks }));

type Step =
  | { kind: 'message'; who: number; channel: 'whatsapp' | 'instagram'; isHers: boolean; text: string; sentAt: number; isRedelivery: boolean }
  | { kind: 'import'; who: number; text: string; daysAgo: number }
  | { kind: 'link'; who: number; other: number }
  | { kind: 'erase'; who: number };

const texts = ['hola', '¿a cuánto el labial?', 'tienes el nude??', 'gracias!!', 'PRECIO xfa 😊', 'ya te yapee', 'ok'];
// A few moments, so messages come out of order and at the same millisecond.
const moment = fc.constantFrom(...[0, 1, 2, 3, 5, 8].map((days) => NOW - days * DAY));

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('message' as const), who: fc.nat(4), channel: fc.constantFrom('whatsapp' as const, 'instagram' as const), isHers: fc.boolean(), text: fc.constantFrom(...texts), sentAt: moment, isRedelivery: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('import' as const), who: fc.nat(4), text: fc.constantFrom(...texts), daysAgo: fc.integer({ min: 1, max: 20 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('link' as const), who: fc.nat(4), other: fc.nat(4) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('erase' as const), who: fc.nat(4) }) },
);

const apply = async (core: Core, steps: Step[]) => {
  const api = coreClient(core);
  const customers = () => core.db.prepare<[], number>("SELECT id FROM customers WHERE name NOT LIKE 'Cliente borrado #%' ORDER BY id").pluck().all();
  let n = 0;
  for (const s of steps) {
    n += 1;
    if (s.kind === 'link' || s.kind === 'erase') {
      const ids = customers();
      const a = ids[s.who % Math.max(1, ids.length)];
      const b = s.kind === 'link' ? ids[s.other % Math.max(1, ids.length)] : undefined;
      if (s.kind === 'erase' && a !== undefined) await api.call('customers.erase', { id: a, confirm: 'BORRAR' });
      if (s.kind === 'link' && a !== undefined && b !== undefined && a !== b) await api.call('customers.link', { id: a, otherId: b });
      continue;
    }
    if (s.kind === 'import') {
      // An export brings older messages after newer ones.
      const day = DateTime.fromMillis(NOW - s.daysAgo * DAY, { zone: 'UTC' }).toFormat('dd/MM/yy');
      const chat = `${day}, 09:30 - Clienta ${s.who}: ${s.text}\n${day}, 09:31 - Karina: ok`;
      const result = await api.call('inbox.importChatExport', { fileName: `Chat de WhatsApp con Clienta ${s.who}.txt`, dataBase64: Buffer.from(chat).toString('base64'), sellerName: 'Karina' });
      expect(result.messages + result.duplicates).toBe(2);
      continue;
    }
    const sender = s.channel === 'whatsapp' ? `5198700000${s.who}` : `user${s.who}`;
    await api.call('inbox.ingestMessage', {
      channel: s.channel,
      conversationExternalId: s.channel === 'whatsapp' ? `${sender}@c.us` : `thread-${sender}`,
      messageExternalId: s.isRedelivery ? `m-${Math.max(1, n - 1)}` : `m-${n}`,
      direction: s.isHers ? 'out' : 'in',
      author: s.isHers ? 'Tienda' : `Clienta ${s.who}`,
      senderExternalId: s.isHers ? '' : sender,
      text: s.text,
      sentAt: s.sentAt,
    });
  }
};

describe("each chat's last message from the customer (migration 0040)", () => {
  const withShop = freshShopCopies(() => NOW);

  it('is kept as reading the messages says, through live messages out of order, redeliveries, her replies, imports, merges and erasures; the migration fills it the same', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) =>
        withShop(async (core) => {
          await apply(core, steps);
          const expected = byReading(core);
          expect(kept(core)).toEqual(expected);
          // The migration, on the same chats with nothing kept yet.
          core.db.exec('UPDATE conversations SET last_in_id = NULL, last_in_at = 0, last_in_asks = 0');
          m0040.run?.(core.db);
          expect(kept(core)).toEqual(expected);
        }),
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
