import { z } from 'zod';
import * as s from '../schemas';
import { labelTargets, type AutoReplySettings, type FilledReply, type Label, type PhoneLabel, type QuickReply, type UnansweredCount } from '../../domain/quick';
import { read, task, write } from './define';

const photoId = z.string().regex(/^[a-f0-9]{16,64}$/, 'is not a photo id');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'is not a time like 09:00');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'is not a month like 2026-11');

export const saveQuickReplyArgs = z
  .object({
    id: s.id.optional(),
    /** What she types after "/": one short word or two. */
    name: s.requiredText(40).regex(/^[^\s/{}][^/{}]*$/u, 'may not start with a space or use "/", "{" or "}"'),
    text: s.requiredText(2000),
    photoIds: z.array(photoId).max(4).default([]),
    productId: s.id.nullable().default(null),
  })
  .strict();

export const autoReplySettingsArgs = z
  .object({
    isAwayEnabled: z.boolean(),
    awayText: s.requiredText(1000),
    isGreetingEnabled: z.boolean(),
    greetingText: s.requiredText(1000),
    opensAt: hhmm,
    closesAt: hhmm,
    sellingDays: z.array(z.number().int().min(1).max(7)).max(7).refine((d) => new Set(d).size === d.length, 'lists a day twice'),
    catalogLink: z.union([z.literal(''), z.string().trim().max(500).url('is not a link (https://…)').refine((u) => /^https?:\/\//i.test(u), 'must start with https://')]).default(''),
    isCatalogPdfSent: z.boolean().default(false),
  })
  .strict();

type Sent = { messageId: number; conversationId: number };

export const quickMethods = {
  'quickReplies.list': read<{ items: QuickReply[] }>()(z.object({}).strict()),
  'quickReplies.save': write<QuickReply>()(saveQuickReplyArgs),
  'quickReplies.delete': write<{ id: number }>()(z.object({ id: s.id }).strict()),
  /** The reply's text with the fields filled from this conversation's customer and her open order. */
  'quickReplies.preview': read<FilledReply>()(z.object({ id: s.id, conversationId: s.id, productId: s.id.optional() }).strict()),
  /** Sends a saved reply (with its photos) through the conversation's channel; `text` is her edit of the preview. */
  'quickReplies.send': task<Sent>()(
    z.object({ id: s.id, conversationId: s.id, productId: s.id.optional(), text: s.requiredText(4000).optional() }).strict(),
  ),
  /** A product card from the catalog: its photo, name, price and the promotion price when one is on. */
  'quickReplies.productCard': read<FilledReply>()(z.object({ productId: s.id }).strict()),
  'quickReplies.sendProduct': task<Sent>()(z.object({ productId: s.id, conversationId: s.id }).strict()),

  'labels.list': read<{ items: Label[] }>()(z.object({}).strict()),
  'labels.save': write<Label>()(
    z
      .object({
        id: s.id.optional(),
        name: s.requiredText(40),
        color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'is not a colour like #2e7d32').transform((c) => c.toLowerCase()),
      })
      .strict(),
  ),
  'labels.delete': write<{ id: number }>()(z.object({ id: s.id }).strict()),
  /** The whole set of labels on one chat or order (replaces what it had); kept in step with her phone where it can be. */
  'labels.set': task<{ labelIds: number[]; phone: 'synced' | 'skipped' | 'failed' }>()(
    z.object({ target: z.enum(labelTargets), id: s.id, labelIds: z.array(s.id).max(20).refine((l) => new Set(l).size === l.length, 'lists a label twice') }).strict(),
  ),
  /** Which labels each of these chats or orders has. */
  'labels.assigned': read<{ items: { id: number; labelIds: number[] }[] }>()(
    z.object({ target: z.enum(labelTargets), ids: z.array(s.id).max(500) }).strict(),
  ),
  /** The WhatsApp Business labels on her phone (WhatsApp connected), offered for import. */
  'labels.phoneLabels': task<{ items: PhoneLabel[] }>()(z.object({}).strict()),
  /** Brings these phone labels in as her labels, with the chats that carry them. */
  'labels.importPhone': task<{ imported: number; assigned: number }>()(z.object({ waLabelIds: z.array(s.requiredText(60)).min(1).max(50) }).strict()),

  'autoReplies.get': read<AutoReplySettings>()(z.object({}).strict()),
  'autoReplies.save': write<AutoReplySettings>()(autoReplySettingsArgs),
  /** Messages she sent that got no reply, per channel, in this shop-local month (default: this month). */
  'autoReplies.unanswered': read<{ month: string; items: UnansweredCount[]; people: number }>()(z.object({ month: month.optional() }).strict()),
} as const;
