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
}

export interface Conversation extends ConversationSummary {
  /** Every message of this customer on every channel, oldest first: one timeline. */
  messages: Message[];
}
