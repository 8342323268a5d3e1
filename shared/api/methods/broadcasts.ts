import { z } from 'zod';
import * as s from '../schemas';
import { broadcastTargets, outboxStatuses, type Broadcast, type BroadcastRecipient, type BroadcastTarget } from '../../domain/broadcasts';
import type { PrintResult } from './print';
import { read, task, write } from './define';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date like 2026-11-21');

export const recipientFilter = z
  .object({
    tags: z.array(s.requiredText(40)).max(10).default([]),
    productIds: z.array(s.id).max(50).default([]),
    boughtSince: day.nullable().default(null),
    /** People who did not answer her last messages are left out unless she includes them. */
    includeUnanswered: z.boolean().default(false),
  })
  .strict()
  .default({ tags: [], productIds: [], boughtSince: null, includeUnanswered: false });

const plan = {
  promotionId: s.id,
  targets: z.array(z.enum(broadcastTargets)).min(1, 'choose at least one place').max(broadcastTargets.length).refine((t) => new Set(t).size === t.length, 'lists a place twice'),
  filter: recipientFilter,
  /** Publish the Facebook Page post (10 minutes to 75 days ahead) and the Instagram post and story later; Instagram's wait in the outbox while Chasqui runs. */
  publishAt: z.number().int().positive().nullable().default(null),
};

export interface BroadcastPreview {
  targets: { target: BroadcastTarget; text: string; imageFormat: 'square' | 'story' | null; via: string; isChannelReady: boolean }[];
  recipients: { count: number; sample: { customerId: number; name: string }[]; optedOut: number; notAsked: number; withoutChat: number; unanswered: number };
}

export const broadcastMethods = {
  /** What would go where, and to whom, before anything is created. */
  'broadcasts.preview': read<BroadcastPreview>()(z.object(plan).strict()),
  /** Creates the broadcast and commits every send as a pending row of the outbox. Nothing goes out until start. */
  'broadcasts.create': write<Broadcast>()(z.object(plan).strict()),
  'broadcasts.start': write<Broadcast>()(z.object({ id: s.id }).strict()),
  'broadcasts.pause': write<Broadcast>()(z.object({ id: s.id }).strict()),
  'broadcasts.resume': write<Broadcast>()(z.object({ id: s.id }).strict()),
  /** Pending sends are skipped; what already went out stays sent. */
  'broadcasts.cancel': write<Broadcast>()(z.object({ id: s.id }).strict()),
  'broadcasts.get': read<Broadcast>()(z.object({ id: s.id }).strict()),
  'broadcasts.list': read<{ items: Broadcast[] }>()(z.object({ promotionId: s.id.optional(), limit: z.number().int().min(1).max(200).default(50) }).strict()),
  /** The report: one row per recipient with its status and error. */
  'broadcasts.recipients': read<{ items: BroadcastRecipient[]; total: number }>()(
    z.object({ id: s.id, status: z.enum(outboxStatuses).optional(), limit: z.number().int().min(1).max(1000).default(200), offset: z.number().int().min(0).default(0) }).strict(),
  ),
  'broadcasts.exportReport': task<PrintResult>()(z.object({ id: s.id }).strict()),
} as const;
