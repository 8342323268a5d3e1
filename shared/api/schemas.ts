import { z } from 'zod';
export { z };
import { languages } from '../domain/settings';
import { manualStockReasons } from '../domain/catalog';
import { paymentDetailKinds } from '../domain/payments';

/** Building blocks reused by every domain's argument schemas. */
export const id = z.number().int().positive();
export const money = z.number().int().min(0).max(1_000_000_000);
export const shortText = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1, 'is required').max(max);
export const empty = z.object({}).strict();

const sku = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(40)
  .regex(/^[\p{L}\p{N}._\-/]+$/u, 'may use letters, digits, ".", "-", "_" and "/" only, without spaces');

export const variantInput = z.object({
  id: id.optional(),
  name: shortText(80).default(''),
  sku,
  price: money,
  cost: money.nullable().default(null),
  /** Only for a new variant: the stock it starts with, recorded as an 'initial' movement. */
  initialStock: z.number().int().min(0).max(1_000_000).default(0),
});

const productFields = {
  name: requiredText(120),
  description: shortText(4000).default(''),
  category: shortText(60).default(''),
  tags: z.array(requiredText(40)).max(30).default([]),
  lowStockThreshold: z.number().int().min(0).max(100_000).optional(),
  photoIds: z.array(z.string().regex(/^[a-f0-9]{16,64}$/, 'is not a photo id')).max(12).default([]),
  variants: z.array(variantInput).min(1, 'needs at least one variant').max(100),
};

export const createProductArgs = z.object(productFields).strict();

export const updateProductArgs = z
  .object({
    id,
    name: productFields.name.optional(),
    description: shortText(4000).optional(),
    category: shortText(60).optional(),
    tags: z.array(requiredText(40)).max(30).optional(),
    lowStockThreshold: productFields.lowStockThreshold,
    photoIds: z.array(z.string().regex(/^[a-f0-9]{16,64}$/, 'is not a photo id')).max(12).optional(),
    /** When given, the full list: variants with an id are updated, without one created, missing ones archived. */
    variants: productFields.variants.optional(),
  })
  .strict();

/**
 * A search counts its matches up to this many and then says "more than" (`isTotalCapped`): counting
 * every match of a one-letter query would cost more than the page.
 */
export const SEARCH_TOTAL_CAP = 1000;

/** How far a page's count goes: the cap, or, once she scrolls to it, the cap again past her page (the list goes on). */
export const capFor = (offset: number, limit: number): number => (offset + limit < SEARCH_TOTAL_CAP ? SEARCH_TOTAL_CAP : offset + limit + SEARCH_TOTAL_CAP);

export const listProductsArgs = z
  .object({
    query: shortText(200).optional(),
    category: shortText(60).optional(),
    isLowStock: z.boolean().optional(),
    /** 'active' (default), 'archived' or 'all'. */
    archived: z.enum(['active', 'archived', 'all']).default('active'),
    /** A page of the answer: best matches first (or by name without a query); `total` says how many in all. */
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const stockAdjustArgs = z
  .object({
    variantId: id,
    delta: z
      .number()
      .int()
      .min(-1_000_000)
      .max(1_000_000)
      .refine((n) => n !== 0, 'must not be zero'),
    reason: z.enum(manualStockReasons),
    note: shortText(300).default(''),
  })
  .strict();

export const stockHistoryArgs = z
  .object({ variantId: id, limit: z.number().int().min(1).max(1000).default(200) })
  .strict();

export const importCsvArgs = z
  .object({
    csv: z.string().max(10_000_000, 'is larger than 10 MB'),
    mode: z.enum(['preview', 'commit']),
    skipInvalid: z.boolean().default(false),
  })
  .strict();

export const exportCsvArgs = z.object({ includeArchived: z.boolean().default(false) }).strict();

export const uploadMediaArgs = z
  .object({
    fileName: shortText(200).default(''),
    /** The file's bytes, base64 encoded (max ~15 MB of image). */
    dataBase64: z.string().min(1, 'is required').max(20_000_000, 'is larger than 15 MB'),
  })
  .strict();

export const updateSettingsArgs = z
  .object({
    shopName: requiredText(80).optional(),
    locale: z
      .string()
      .refine((value) => {
        try {
          return Intl.getCanonicalLocales(value).length === 1;
        } catch {
          return false;
        }
      }, 'is not a locale like es-PE')
      .optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'is not a currency code like PEN')
      .refine((value) => Intl.supportedValuesOf('currency').includes(value), 'is not a known currency')
      .optional(),
    timeZone: z
      .string()
      .refine((value) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: value });
          return true;
        } catch {
          return false;
        }
      }, 'is not a time zone like America/Lima')
      .optional(),
    language: z.enum(languages).optional(),
    // Any usual way of writing it; the core reads it with the shop's country and keeps E.164 digits.
    whatsappNumber: shortText(40).optional(),
    defaultLowStockThreshold: z.number().int().min(0).max(100_000).optional(),
    paymentMethods: z.array(requiredText(40)).min(1, 'needs at least one method').max(12).optional(),
    isOnboarded: z.boolean().optional(),
    deliveryDays: z.array(z.number().int().min(1).max(7)).max(7).optional(),
    deliveryZones: z.array(z.object({ name: requiredText(60), fee: money }).strict()).max(50).optional(),
    couriers: z.array(z.object({ name: requiredText(60), phone: shortText(40).default('') }).strict()).max(20).optional(),
    orderConfirmationTemplate: shortText(2000).optional(),
    onTheWayTemplate: shortText(1000).optional(),
    logoMediaId: z.string().regex(/^([a-f0-9]{16,64})?$/, 'is not a photo id').optional(),
    deliveredTemplate: shortText(1000).optional(),
    paymentDetails: z
      .array(
        z
          .object({
            kind: z.enum(paymentDetailKinds),
            label: requiredText(40),
            number: shortText(40).default(''),
            holder: shortText(80).default(''),
            cci: z.string().trim().regex(/^[\d -]{0,30}$/, 'may only have digits').default(''),
            qrMediaId: z.string().regex(/^([a-f0-9]{16,64})?$/, 'is not a photo id').default(''),
          })
          .strict(),
      )
      .max(10)
      .optional(),
    paymentReminderTemplate: shortText(1000).optional(),
    browserPath: shortText(1000).optional(),
    isAutoUpdateEnabled: z.boolean().optional(),
    isFormatFromLanguage: z.boolean().optional(),
    facebookAppId: z.string().regex(/^(\d{5,20})?$/, 'is not a Meta app id (digits only)').optional(),
    pacing: z
      .object({
        // Fractions of a second are for the demo channel and tests; Ajustes asks for at least 10 s.
        minGapSeconds: z.number().min(0.01).max(3600),
        maxGapSeconds: z.number().min(0.01).max(7200),
        hourlyCap: z.number().int().min(1).max(1000),
        dailyCap: z.number().int().min(1).max(10_000),
        quietStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'is not a time like 21:00'),
        quietEnd: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'is not a time like 09:00'),
        isSlowStartForNewNumber: z.boolean(),
      })
      .strict()
      .refine((p) => p.maxGapSeconds >= p.minGapSeconds, { message: 'the longest gap must not be shorter than the shortest', path: ['maxGapSeconds'] })
      .refine((p) => p.dailyCap >= p.hourlyCap, { message: 'the daily cap must not be below the hourly cap', path: ['dailyCap'] })
      .optional(),
    optOutReply: shortText(1000).optional(),
    liveMessageTemplate: shortText(2000).optional(),
    isPaymentRequiredBeforeDelivery: z.boolean().optional(),
    followUpUnpaidHours: z.number().int().min(0).max(24 * 14).optional(),
  })
  .strict();
