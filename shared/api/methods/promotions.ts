import { DateTime } from 'luxon';
import { z } from 'zod';
import * as s from '../schemas';
import { promotionKinds, type Promotion, type PromotionStatus } from '../../domain/promotions';
import { read, write } from './define';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-07')
  .refine((value) => DateTime.fromISO(value).isValid, 'is not a real date');

const itemInput = z.object({ variantId: s.id, promoPrice: s.money.nullable().default(null) }).strict();

const channelText = z.string().max(70_000).nullable();

const promotionFields = {
  title: s.requiredText(120),
  text: s.shortText(2000).default(''),
  kind: z.enum(promotionKinds),
  percentOff: z.number().int().min(1).max(95).nullable().default(null),
  bundleQuantity: z.number().int().min(2).max(100).nullable().default(null),
  bundlePayFor: z.number().int().min(1).max(99).nullable().default(null),
  bundlePrice: s.money.nullable().default(null),
  startsOn: isoDate.nullable().default(null),
  endsOn: isoDate.nullable().default(null),
  items: z.array(itemInput).max(200).default([]),
  imageIds: z.array(z.string().regex(/^[a-f0-9]{16,64}$/, 'is not a photo id')).max(6).default([]),
  customTexts: z
    .object({ whatsapp: channelText.default(null), instagram: channelText.default(null), facebook: channelText.default(null) })
    .strict()
    .default({ whatsapp: null, instagram: null, facebook: null }),
};

/** Rules that span fields; zod reports them on the field the seller must fix. */
const promotionRules = <T extends z.ZodType<{ kind?: string; percentOff?: number | null; bundleQuantity?: number | null; bundlePayFor?: number | null; bundlePrice?: number | null; startsOn?: string | null; endsOn?: string | null }>>(schema: T) =>
  schema.superRefine((p, ctx) => {
    if (p.kind === 'percent' && !p.percentOff) ctx.addIssue({ code: 'custom', path: ['percentOff'], message: 'is required for a percentage promotion' });
    if (p.kind === 'bundle') {
      if (!p.bundleQuantity) ctx.addIssue({ code: 'custom', path: ['bundleQuantity'], message: 'is required for a bundle ("2x1", "3 por 50")' });
      else if (p.bundlePrice === null && !p.bundlePayFor) ctx.addIssue({ code: 'custom', path: ['bundlePayFor'], message: 'give what the customer pays for, or a bundle price' });
      else if (p.bundlePayFor && p.bundlePayFor >= p.bundleQuantity) ctx.addIssue({ code: 'custom', path: ['bundlePayFor'], message: 'must be less than the bundle quantity' });
    }
    if (p.startsOn && p.endsOn && p.endsOn < p.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'must not be before the start' });
  });

export const createPromotionArgs = promotionRules(z.object(promotionFields).strict());

export const updatePromotionArgs = z
  .object({
    id: s.id,
    title: promotionFields.title.optional(),
    text: s.shortText(2000).optional(),
    percentOff: z.number().int().min(1).max(95).nullable().optional(),
    bundleQuantity: z.number().int().min(2).max(100).nullable().optional(),
    bundlePayFor: z.number().int().min(1).max(99).nullable().optional(),
    bundlePrice: s.money.nullable().optional(),
    startsOn: isoDate.nullable().optional(),
    endsOn: isoDate.nullable().optional(),
    items: z.array(itemInput).max(200).optional(),
    imageIds: z.array(z.string().regex(/^[a-f0-9]{16,64}$/, 'is not a photo id')).max(6).optional(),
    customTexts: z.object({ whatsapp: channelText.optional(), instagram: channelText.optional(), facebook: channelText.optional() }).strict().optional(),
  })
  .strict();

export const promotionMethods = {
  'promotions.list': read<{ items: Promotion[] }>()(
    z.object({ status: z.enum(['draft', 'scheduled', 'active', 'ended'] satisfies PromotionStatus[]).optional() }).strict(),
  ),
  'promotions.get': read<Promotion>()(z.object({ id: s.id }).strict()),
  'promotions.create': write<Promotion>()(createPromotionArgs),
  'promotions.update': write<Promotion>()(updatePromotionArgs),
  'promotions.end': write<Promotion>()(z.object({ id: s.id }).strict()),
} as const;
