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
  conversations: number;
  /** Orders per conversation; null where there were no conversations to convert. */
  conversion: number | null;
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
  'reports.products': read<{ top: ProductRow[]; stockValue: { atCost: number; atPrice: number; units: number }; lowStock: { variantId: number; sku: string; name: string; stock: number }[] }>()(range),
  'reports.customers': read<{ newCustomers: number; returningCustomers: number; repeatRate: number; averageLifetimeValue: number; top: CustomerRow[] }>()(range),
} as const;
