import type { Photo } from './catalog';
import type { ChannelKind } from './channels';
export const messageChannels = ['whatsapp', 'instagram', 'facebook'] as const;
export type MessageChannel = (typeof messageChannels)[number];

export interface Message {
  id: number;
  conversationId: number;
  channel: MessageChannel;
  direction: 'in' | 'out';
  author: string;
  text: string;
  sentAt: number;
  photos: Photo[];
}

export interface ConversationSummary {
  id: number;
  channel: MessageChannel;
  title: string;
  customerId: number | null;
  customerName: string;
  lastMessageAt: number;
  lastMessageText: string;
  unreadCount: number;
  /** The person of the team who answers it (Ajustes › Equipo); null: anyone. */
  assignedTo?: { id: number; name: string } | null;
}

/** A way to answer this customer: one of their conversations and whether it can take a reply now. */
export interface ReplyTarget {
  conversationId: number;
  channel: MessageChannel;
  /** The adapter a reply goes through. */
  via: ChannelKind;
  /** false for history imported from a file: no live chat behind it to answer through. */
  isLive: boolean;
  title: string;
  lastInboundAt: number | null;
  /** Instagram and Messenger: replies are accepted until then; null where there is no window. */
  windowClosesAt: number | null;
}

export interface Conversation extends ConversationSummary {
  replyTargets: ReplyTarget[];
  /** Every message of this customer on every channel, oldest first: one timeline (its latest page). */
  messages: Message[];
  /** Older messages are left to load (inbox.getConversation with `before`). */
  hasOlder: boolean;
  /** The customer's messages in this page that read as an order (products, quantities): they get "Crear pedido" in sight. */
  orderLikeMessageIds: number[];
}

/** How a chat export writes its dates: day/month/year, month/day/year or year/month/day. */
export const dateOrders = ['dmy', 'mdy', 'ymd'] as const;
export type DateOrder = (typeof dateOrders)[number];

/** The date order a chat export was read with: told by the file's own dates, guessed from the shop's locale, or chosen by the seller. */
export interface DateOrderUsed {
  order: DateOrder;
  source: 'file' | 'locale' | 'chosen';
}
