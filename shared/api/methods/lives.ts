import { z } from 'zod';
import * as s from '../schemas';
import { claimChannels, liveChannels, type Claim, type Live, type LiveSummary } from '../../domain/lives';
import { read, write } from './define';

export const liveMethods = {
  /** Starts selling live: the products she will show, each with its live price. One live at a time. */
  'live.start': write<Live>()(
    z
      .object({
        title: s.requiredText(120),
        channel: z.enum(liveChannels),
        holdHours: z.number().int().min(1).max(168).default(24),
        items: z.array(z.object({ variantId: s.id, livePrice: s.money }).strict()).min(1, 'choose at least one product').max(100),
      })
      .strict(),
  ),
  'live.current': read<{ live: Live | null }>()(s.empty),
  'live.get': read<Live>()(z.object({ liveId: s.id }).strict()),
  'live.list': read<{ items: Live[] }>()(z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict()),
  'live.setOnAir': write<Live>()(z.object({ liveId: s.id, itemId: s.id }).strict()),
  /** A claim typed in by hand (a name or @handle); comments from the stream arrive through live.ingestComment. */
  'live.addClaim': write<Claim>()(
    z
      .object({
        liveId: s.id,
        itemId: s.id.optional(),
        handle: s.requiredText(80),
        channel: z.enum(claimChannels).default('other'),
        quantity: z.number().int().min(1).max(20).default(1),
        comment: s.shortText(500).default(''),
      })
      .strict(),
  ),
  /** A comment read from the stream; a claim ("lo quiero", "mío", "quiero 2") on the product on air becomes a reservation. */
  'live.ingestComment': write<{ isNew: boolean; claim: Claim | null }>()(
    z
      .object({
        liveId: s.id,
        channel: z.enum(['instagram', 'facebook']),
        externalId: s.requiredText(200),
        handle: s.requiredText(120),
        name: s.shortText(200).default(''),
        text: z.string().max(2000),
        at: z.number().int().positive(),
      })
      .strict(),
  ),
  'live.claims': read<{ items: Claim[]; recentCommenters: { handle: string; name: string; channel: 'instagram' | 'facebook' }[] }>()(
    z.object({ liveId: s.id, itemId: s.id.optional() }).strict(),
  ),
  /** Reservations waiting for payment, across lives, soonest to expire first. */
  'live.reservations': read<{ items: Claim[] }>()(s.empty),
  /** Paid: the reservation becomes a confirmed order with its payment, at the live price. */
  'live.markPaid': write<Claim>()(z.object({ claimId: s.id, method: s.requiredText(40) }).strict()),
  'live.cancelClaim': write<Claim>()(z.object({ claimId: s.id }).strict()),
  /** Expires unpaid reservations that are due and moves the waitlist up; the core runs it every minute. */
  'live.expireDue': write<{ expired: number }>()(s.empty),
  'live.stop': write<Live>()(z.object({ liveId: s.id }).strict()),
  'live.summary': read<LiveSummary>()(z.object({ liveId: s.id }).strict()),
  /** One message to each buyer with what they claimed, the total and how to pay; once per live. */
  'live.sendMessages': write<{ queued: number; withoutChat: { customerId: number; customerName: string; text: string }[] }>()(
    z.object({ liveId: s.id }).strict(),
  ),
} as const;
