import { z } from 'zod';
import * as s from '../schemas';
import type { ConversationSummary, MessageChannel } from '../../domain/inbox';
import type { OrderSummary } from './orders';
import type { PrintResult } from './print';
import { read, task, write } from './define';
import { promoConsents, type PromoConsent } from '../../domain/customers';

export interface CustomerListItem {
  id: number;
  name: string;
  phone: string;
  orders: number;
  lifetimeValue: number;
  lastPurchaseAt: number | null;
}

export interface CustomerPage {
  items: CustomerListItem[];
  /** How many match in all, or the count reached when `isTotalCapped` (see SEARCH_TOTAL_CAP). */
  total: number;
  /** More than `total` match (only a search is capped; absent means false). */
  isTotalCapped?: boolean;
}

export { promoConsents, type PromoConsent };

export interface CustomerProfile extends CustomerListItem {
  notes: string;
  tags: string[];
  /** Whether promotional messages may be sent to them, since when and how we know. */
  consent: { status: PromoConsent; at: number | null; source: string };
  identities: { channel: MessageChannel; externalId: string; displayName: string }[];
  /**
   * Her newest orders (a page; `orders.list` with `customerId` gives the rest) and how many she has
   * in all, cancelled ones too; every conversation, newest first: one history whatever the channel.
   */
  orderHistory: OrderSummary[];
  orderHistoryTotal: number;
  conversations: ConversationSummary[];
}

export const customerMethods = {
  /**
   * One page of customers and how many match in all. Without a query: latest buyer first, then those
   * who never bought, by name. With one: best match first (name or any part of the phone), each word
   * a prefix, accents and case ignored. `total` stops counting at SEARCH_TOTAL_CAP (`isTotalCapped`).
   */
  'customers.list': read<CustomerPage>()(
    z
      .object({
        query: s.shortText(120).optional(),
        limit: z.number().int().min(1).max(500).default(200),
        offset: z.number().int().min(0).max(1_000_000).default(0),
      })
      .strict(),
  ),
  'customers.get': read<CustomerProfile>()(z.object({ id: s.id }).strict()),
  'customers.update': write<CustomerProfile>()(
    z
      .object({
        id: s.id,
        name: s.requiredText(120).optional(),
        phone: s.shortText(40).optional(),
        notes: s.shortText(4000).optional(),
        tags: z.array(s.requiredText(40)).max(30).optional(),
        promoConsent: z.enum(promoConsents).optional(),
      })
      .strict(),
  ),
  /** Everything about one customer: a JSON file for machines and a text file a person can read. */
  'customers.exportData': task<{ json: PrintResult; text: PrintResult }>()(z.object({ id: s.id }).strict()),
  /** Erases messages, identities and personal fields; orders stay, anonymized, so the accounts still add up. */
  'customers.erase': task<{ erasedMessages: number; keptOrders: number }>()(z.object({ id: s.id, confirm: z.literal('BORRAR') }).strict()),
} as const;

export interface MatchSuggestion {
  customerId: number;
  otherId: number;
  customerName: string;
  otherName: string;
  reason: 'same_phone' | 'similar_name';
}

export const customerLinkMethods = {
  /** Possible duplicates (same phone, names alike); never merged without the seller's OK. */
  'customers.suggestMatches': read<{ items: MatchSuggestion[] }>()(z.object({}).strict()),
  /** Folds `otherId` into `id`: identities, conversations and orders move; the other record is removed. */
  'customers.link': write<CustomerProfile>()(z.object({ id: s.id, otherId: s.id }).strict().refine((a) => a.id !== a.otherId, { message: 'must be another customer', path: ['otherId'] })),
  /** Moves one channel identity (and its conversations) out to a customer of its own. */
  'customers.unlink': write<CustomerProfile>()(z.object({ id: s.id, channel: z.enum(['whatsapp', 'instagram', 'facebook']), externalId: s.requiredText(200) }).strict()),
} as const;
