import { DateTime } from 'luxon';
import { z } from 'zod';
import type { OrderChannel } from '../../domain/orders';
import { read } from './define';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-07')
  .refine((value) => DateTime.fromISO(value).isValid, 'is not a real date');

/** An inclusive range of shop-local days. */
const range = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'must not be after "to"', path: ['from'] });

export interface SalesBucket {
  period: string;
  orders: number;
  revenue: number;
  units: number;
}

export interface ChannelRow {
  /** Orders from a live count apart ("Instagram live"); their conversations are the live's claims. */
  channel: OrderChannel | 'instagram_live' | 'facebook_live';
  orders: number;
  revenue: number;
  /** A day's conversation: each day of the range a customer wrote in a conversation; for a live, the customers who claimed something. */
  conversations: number;
  /** Of those, the ones that led to an order on this channel (from her first message that day to CONVERSION_DAYS after her last); for a live, claimers who got an order. */
  converted: number;
  /** converted ÷ conversations, between 0 and 1; null where there were no conversations to convert. */
  conversion: number | null;
}

export { CONVERSION_DAYS } from '../../domain/reports';

/** What sells where: one best seller and its units on each channel. */
export interface ProductChannelsRow {
  variantId: number;
  sku: string;
  name: string;
  units: number;
  byChannel: { channel: ChannelRow['channel']; units: number; revenue: number }[];
}

export interface ProductRow {
  variantId: number;
  sku: string;
  name: string;
  units: number;
  revenue: number;
}

export interface CustomerRow {
  customerId: number;
  name: string;
  orders: number;
  lifetimeValue: number;
  lastPurchaseAt: number;
}

export const reportMethods = {
  'reports.sales': read<{ buckets: SalesBucket[]; totals: { orders: number; revenue: number; averageTicket: number } }>()(
    z.object({ from: isoDate, to: isoDate, groupBy: z.enum(['day', 'week', 'month']).default('day') }).strict().refine((r) => r.from <= r.to, { message: 'must not be after "to"', path: ['from'] }),
  ),
  'reports.channels': read<{ items: ChannelRow[] }>()(range),
  'reports.products': read<{ top: ProductRow[]; whereSold: ProductChannelsRow[]; stockValue: { atCost: number; atPrice: number; units: number }; lowStock: { variantId: number; sku: string; name: string; stock: number }[] }>()(range),
  /**
   * Of the customers who bought in the range (`buyers`): the new ones (first order ever in the range) and
   * the returning ones (at least two orders by the end of the range); repeatRate = returning ÷ buyers.
   */
  'reports.customers': read<{ buyers: number; newCustomers: number; returningCustomers: number; repeatRate: number; averageLifetimeValue: number; top: CustomerRow[] }>()(range),
} as const;
