import { z } from 'zod';
import * as s from '../schemas';
import { BOARD_PAGE, boardColumns, followUpKinds, type BoardCard, type BoardColumn, type FollowUp, type FollowUpKind, type WaitlistEntry } from '../../domain/board';
import type { Order } from '../../domain/orders';
import { operationNumber } from './orders';
import { read, write } from './define';

const BOARD_PAGE_MAX = 1_000;

const followUpKey = z.string().max(120).regex(/^[a-z_]+(:\d+)+$/, 'is not a follow-up key');

export const boardMethods = {
  /**
   * The open orders as cards, plus the ones delivered in the last days: `counts` has every column's
   * size, `cards` the first `limit` of each column (or, with `column`, that column's cards from
   * `offset`), in the board's order: by delivery day (none last), then oldest first.
   */
  'board.list': read<{ cards: BoardCard[]; counts: Record<BoardColumn, number> }>()(
    z
      .object({
        deliveredDays: z.number().int().min(0).max(30).default(3),
        column: z.enum(boardColumns).optional(),
        limit: z.number().int().min(1).max(BOARD_PAGE_MAX).default(BOARD_PAGE),
        offset: z.number().int().min(0).max(1_000_000).default(0),
      })
      .strict(),
  ),
  /**
   * A card dropped on a column: the same status changes and payment the order's buttons make
   * (stock leaves on confirm), all in one transaction, or nothing when one is refused.
   */
  'board.move': write<Order>()(
    z
      .object({
        id: s.id,
        column: z.enum(boardColumns),
        /** Needed to drop on "pagado" an order that still owes: the balance is recorded with this method. */
        payment: z.object({ method: s.requiredText(40), operationNumber: operationNumber.default('') }).strict().optional(),
      })
      .strict(),
  ),
  /**
   * What to follow up, most urgent kinds first, a page at a time (of one kind when given): a shop
   * with years of chats can have thousands. `total` counts the page's kind, `counts` every kind.
   */
  'followUps.list': read<{ items: FollowUp[]; total: number; counts: Record<FollowUpKind, number> }>()(
    z
      .object({
        kind: z.enum(followUpKinds).optional(),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).max(100_000).default(0),
      })
      .strict(),
  ),
  'followUps.done': write<{ key: string }>()(z.object({ key: followUpKey }).strict()),
  'followUps.snooze': write<{ key: string; until: number }>()(z.object({ key: followUpKey, hours: z.number().int().min(1).max(24 * 30).default(24) }).strict()),
  /** From a chat (its customer) or from a product (a customer chosen by id). */
  'waitlist.add': write<WaitlistEntry>()(
    z
      .object({ variantId: s.id, customerId: s.id.optional(), conversationId: s.id.optional() })
      .strict()
      .refine((a) => (a.customerId === undefined) !== (a.conversationId === undefined), { message: 'give either customerId or conversationId', path: ['customerId'] }),
  ),
  'waitlist.remove': write<{ id: number }>()(z.object({ id: s.id }).strict()),
  'waitlist.list': read<{ items: WaitlistEntry[] }>()(z.object({ variantId: s.id.optional(), isWaitingOnly: z.boolean().default(true) }).strict()),
  /** Queues the notice to everyone waiting who wrote first on a live chat, paced through the outbox like a broadcast. */
  'waitlist.notify': write<{ queued: number; skipped: number }>()(z.object({ variantId: s.id, text: s.requiredText(1000) }).strict()),
} as const;
