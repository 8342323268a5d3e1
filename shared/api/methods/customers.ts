import { z } from 'zod';
import * as s from '../schemas';
import type { ConversationSummary, MessageChannel } from '../../domain/inbox';
import type { OrderSummary } from './orders';
import type { PrintResult } from './print';
import { read, task } from './define';

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
  /** Everything about one customer: a JSON file for machines and a text file a person can read. */
  'customers.exportData': task<{ json: PrintResult; text: PrintResult }>()(z.object({ id: s.id }).strict()),
  /** Erases messages, identities and personal fields; orders stay, anonymized, so the accounts still add up. */
  'customers.erase': task<{ erasedMessages: number; keptOrders: number }>()(z.object({ id: s.id, confirm: z.literal('BORRAR') }).strict()),
} as const;
