import { z } from 'zod';
import * as s from '../schemas';
import type { ConversationSummary, MessageChannel } from '../../domain/inbox';
import type { OrderSummary } from './orders';
import { read } from './define';

export interface CustomerListItem {
  id: number;
  name: string;
  phone: string;
  orders: number;
  lifetimeValue: number;
  lastPurchaseAt: number | null;
}

export interface CustomerProfile extends CustomerListItem {
  identities: { channel: MessageChannel; externalId: string; displayName: string }[];
  /** Every order and every conversation, newest first: one history whatever the channel. */
  orderHistory: OrderSummary[];
  conversations: ConversationSummary[];
}

export const customerMethods = {
  'customers.list': read<{ items: CustomerListItem[] }>()(
    z.object({ query: s.shortText(120).optional(), limit: z.number().int().min(1).max(500).default(200) }).strict(),
  ),
  'customers.get': read<CustomerProfile>()(z.object({ id: s.id }).strict()),
} as const;
