import { DateTime } from 'luxon';
import { z } from 'zod';
import * as s from '../schemas';
import type { PrintResult } from './print';
import type { Language } from '../../domain/settings';
import { read, task, write } from './define';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-07')
  .refine((value) => DateTime.fromISO(value).isValid, 'is not a real date');

export interface DeliveryStop {
  orderId: number;
  orderNumber: string;
  method: 'delivery' | 'pickup';
  customerName: string;
  phone: string;
  address: string;
  reference: string;
  zone: string;
  timeWindow: string;
  assignee: string;
  notes: string;
  position: number;
  outcome: 'pending' | 'delivered' | 'failed';
  failureReason: string;
  items: { name: string; quantity: number }[];
  /** What the courier collects: the order's balance due. */
  toCollect: number;
  /** The cash collected at the door when the stop was marked delivered. */
  collected: number;
  /** The contact's number as E.164 digits without "+" (for tel: and wa.me); '' when it cannot be read. */
  phoneDigits: string;
  mapUrl: string | null;
}

/** One person's part of the day (assignee '' = nobody yet), counted over all of the day's stops. */
export interface DeliveryPerson {
  assignee: string;
  zones: string[];
  stops: number;
  pending: number;
  delivered: number;
  failed: number;
  toCollect: number;
  collected: number;
}

export interface DeliveryDay {
  date: string;
  /** So a phone, which may not read the settings, shows money the shop's way. */
  currency: string;
  locale: string;
  /** The shop's language, so the phone's page speaks it. */
  language: Language;
  /** The day by person, first: counts and money for every stop of the day, whatever the page. */
  groups: DeliveryPerson[];
  /** One page of the stops (of `assignee` when given), in the seller's order; `totals.stops` counts them all. */
  stops: DeliveryStop[];
  page: { offset: number; limit: number };
  /** collected: cash taken at the door on this day's stops, what the courier hands over. */
  totals: { stops: number; toCollect: number; delivered: number; failed: number; collected: number };
  /**
   * What to pack for the stops still to deliver, in the catalog's order: the first
   * PACKING_PAGE lines on the first page (later pages send []); `deliveries.packingList` gives the rest.
   */
  packingList: PackingLine[];
  /** How many lines the whole packing list has (on every page). */
  packingTotal: number;
}

export interface PackingLine {
  name: string;
  quantity: number;
}

/** The packing lines the first answer of a day carries; a day of hundreds of stops asks for the rest. */
export const PACKING_PAGE = 50;

export const deliveryMethods = {
  /** Without a date: today in the shop's time zone (a delivery phone may ask for nothing else). */
  'deliveries.listForDay': read<DeliveryDay>()(
    z
      .object({
        date: isoDate.optional(),
        assignee: s.shortText(60).optional(),
        /** A page of stops; a delivery phone always gets all of its stops. */
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).max(100_000).default(0),
      })
      .strict(),
  ),
  'deliveries.getStop': read<DeliveryStop & { deliveryDate: string | null; suggestedDate: string }>()(z.object({ orderId: s.id }).strict()),
  'deliveries.assign': write<DeliveryStop>()(
    z
      .object({
        orderId: s.id,
        date: isoDate.optional(),
        method: z.enum(['delivery', 'pickup']).optional(),
        address: s.shortText(300).optional(),
        reference: s.shortText(300).optional(),
        zone: s.shortText(60).optional(),
        contactPhone: s.shortText(40).optional(),
        timeWindow: s.shortText(60).optional(),
        assignee: s.shortText(60).optional(),
        notes: s.shortText(500).optional(),
      })
      .strict(),
  ),
  'deliveries.reorder': write<DeliveryDay>()(z.object({ date: isoDate, orderIds: z.array(s.id).min(1).max(500) }).strict()),
  'deliveries.markDelivered': write<DeliveryStop>()(
    z.object({ orderId: s.id, cashCollected: s.money.default(0), paymentMethod: s.shortText(40).default('Efectivo') }).strict(),
  ),
  'deliveries.markFailed': write<DeliveryStop>()(
    z.object({ orderId: s.id, reason: s.requiredText(300), rescheduleTo: isoDate.nullable().default(null) }).strict(),
  ),
  /** The whole packing list of a day (of `assignee` when given), a page at a time. */
  'deliveries.packingList': read<{ lines: PackingLine[]; total: number }>()(
    z
      .object({
        date: isoDate,
        assignee: s.shortText(60).optional(),
        limit: z.number().int().min(1).max(5_000).default(1_000),
        offset: z.number().int().min(0).max(100_000).default(0),
      })
      .strict(),
  ),
  'deliveries.routeSheet': task<PrintResult & { whatsappText: string }>()(z.object({ date: isoDate, assignee: s.shortText(60).optional() }).strict()),
} as const;
