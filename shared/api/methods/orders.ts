import { DateTime } from 'luxon';
import { z } from 'zod';
import * as s from '../schemas';
import { operationNumberMaxLength, operationNumberPattern, orderChannels, orderStatuses, type Order, type OrderChannel, type OrderStatus, type PaymentState } from '../../domain/orders';
import type { DoubtReason, DraftConfidence } from '../../domain/drafts';
import { read, write } from './define';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-07')
  .refine((value) => DateTime.fromISO(value).isValid, 'is not a real date');

const itemInput = z
  .object({
    variantId: s.id,
    quantity: z.number().int().min(1).max(10_000),
    /** Omit to use the current price (the promo price while a promotion is active). */
    unitPrice: s.money.optional(),
  })
  .strict();

/**
 * Where a line of a new order came from when it was drafted from a chat message. Saving the order
 * teaches the draft the customer's words for a product the seller corrected (see README, drafts).
 */
const draftOriginInput = z
  .object({
    words: s.requiredText(200),
    /** The variant the draft put on the line; null for words it could not tell. */
    draftedVariantId: s.id.nullable(),
    isVariantGuessed: z.boolean().default(false),
  })
  .strict();

const createItemInput = itemInput.extend({ draft: draftOriginInput.optional() }).strict();

const customerInput = z.union([
  z.object({ id: s.id }).strict(),
  z.object({ name: s.requiredText(120), phone: s.shortText(40).default('') }).strict(),
]);

/** Where a new order goes, typed in Nuevo pedido; the same fields the Entrega section edits. */
const deliveryInput = z
  .object({
    method: z.enum(['delivery', 'pickup']).default('delivery'),
    address: s.shortText(300).default(''),
    reference: s.shortText(300).default(''),
    zone: s.shortText(60).default(''),
  })
  .strict();

export const createOrderArgs = z
  .object({
    channel: z.enum(orderChannels),
    customer: customerInput.optional(),
    items: z.array(createItemInput).min(1, 'needs at least one product').max(200),
    discount: s.money.default(0),
    deliveryFee: s.money.default(0),
    deliveryDate: isoDate.nullable().default(null),
    delivery: deliveryInput.optional(),
    note: s.shortText(2000).default(''),
    /** The chat message the draft came from, kept for the record. */
    sourceText: s.shortText(4000).default(''),
  })
  .strict();

export const updateOrderArgs = z
  .object({
    id: s.id,
    customer: customerInput.nullable().optional(),
    items: z.array(itemInput).min(1, 'needs at least one product').max(200).optional(),
    discount: s.money.optional(),
    deliveryFee: s.money.optional(),
    deliveryDate: isoDate.nullable().optional(),
    note: s.shortText(2000).optional(),
  })
  .strict();

export const listOrdersArgs = z
  .object({
    status: z.enum(orderStatuses).optional(),
    channel: z.enum(orderChannels).optional(),
    paymentState: z.enum(['unpaid', 'partial', 'paid']).optional(),
    /** Created on or after / before these shop-local dates. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    query: s.shortText(120).optional(),
    customerId: s.id.optional(),
    /** Orders recorded by this person of the team (Ajustes › Equipo). */
    recordedBy: s.id.optional(),
    labelId: s.id.optional(),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export interface OrderSummary {
  id: number;
  number: string;
  status: OrderStatus;
  channel: OrderChannel;
  customerName: string;
  itemsText: string;
  /** The helper who recorded it; null when it was the owner herself. */
  recordedByName: string | null;
  total: number;
  paid: number;
  balanceDue: number;
  paymentState: PaymentState;
  deliveryDate: string | null;
  createdAt: number;
}

/** Another variant of the same product, offered when the one asked for is short. */
export interface VariantOption {
  variantId: number;
  name: string;
  unitPrice: number;
  stock: number;
}

export interface OrderDraftItem {
  variantId: number;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  stock: number;
  alternatives: VariantOption[];
  /** 'check' lines go first in the dialog, highlighted, with their reasons. */
  confidence: DraftConfidence;
  /** 0–1, from the reasons' factors; 'sure' from SURE_SCORE up. */
  score: number;
  reasons: DoubtReason[];
  /** The customer's words the line came from. */
  words: string;
  /** Read through one of the shop's aliases. */
  isLearned: boolean;
}

export interface OrderDraft {
  items: OrderDraftItem[];
  deliveryDate: string | null;
  /** The shop's delivery zone the message names ("vivo en surco"), with its fee. */
  zone: { name: string; fee: number } | null;
  unmatched: string[];
  /** Words with a count (or "el …") that name no product: lines for the seller to pick a product. */
  unknown: { words: string; quantity: number }[];
}

/** One draft from several of a customer's messages, with which messages it read and their text, oldest first. */
export interface MessagesDraft extends OrderDraft {
  messageIds: number[];
  /** The customer's messages joined, kept as the order's source text. */
  sourceText: string;
}

/** At most this many messages make one draft: an order, not a chat's history. */
export const MAX_DRAFT_MESSAGES = 30;

/** What an order would cost before it is saved: today's prices, promotions and bundles included. */
export interface OrderQuote {
  items: { variantId: number; name: string; quantity: number; unitPrice: number; regularPrice: number; stock: number; alternatives: VariantOption[] }[];
  subtotal: number;
  /** What active bundles ("2x1") take off; the seller's own discount is added on top. */
  promoDiscount: number;
  discount: number;
  total: number;
}

export const quoteOrderArgs = z
  .object({
    items: z.array(itemInput).max(200),
    discount: s.money.default(0),
    deliveryFee: s.money.default(0),
  })
  .strict();

export const operationNumber = z
  .string()
  .trim()
  .max(operationNumberMaxLength)
  .regex(operationNumberPattern, 'may only have letters, digits and dashes');

export const orderMethods = {
  'orders.draftFromText': read<OrderDraft>()(
    z.object({ text: s.requiredText(4000), now: z.number().int().positive().optional() }).strict(),
  ),
  /**
   * One draft from an order the customer spread over several messages of one conversation (its
   * timeline: the same customer's other chats count). Only the customer's messages are read, oldest
   * first. Without messageIds: her latest messages, since her last order, at most 20.
   */
  'orders.draftFromMessages': read<MessagesDraft>()(
    z
      .object({
        conversationId: s.id,
        messageIds: z.array(s.id).min(1).max(MAX_DRAFT_MESSAGES).optional(),
        now: z.number().int().positive().optional(),
      })
      .strict(),
  ),
  'orders.quote': read<OrderQuote>()(quoteOrderArgs),
  'orders.create': write<Order>()(createOrderArgs),
  'orders.get': read<Order>()(z.object({ id: s.id }).strict()),
  /** Newest first. A search's count stops at SEARCH_TOTAL_CAP (or just past the page asked for): `isTotalCapped`. */
  'orders.list': read<{ items: OrderSummary[]; total: number; isTotalCapped?: boolean }>()(listOrdersArgs),
  'orders.update': write<Order>()(updateOrderArgs),
  'orders.setStatus': write<Order>()(
    z.object({ id: s.id, status: z.enum(orderStatuses), note: s.shortText(500).default('') }).strict(),
  ),
  'orders.addPayment': write<Order>()(
    z
      .object({
        id: s.id,
        amount: s.money.refine((n) => n > 0, 'must be more than zero'),
        method: s.requiredText(40),
        operationNumber: operationNumber.default(''),
        note: s.shortText(500).default(''),
      })
      .strict(),
  ),
  'orders.cancel': write<Order>()(z.object({ id: s.id, reason: s.shortText(500).default('') }).strict()),
} as const;
