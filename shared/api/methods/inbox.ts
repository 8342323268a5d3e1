import { z } from 'zod';
import * as s from '../schemas';
import { dateOrders, messageChannels, type Conversation, type DateOrderUsed, type ConversationSummary, type MessageChannel } from '../../domain/inbox';
import { channelKinds } from '../../domain/channels';
import { read, task, write } from './define';

export const ingestMessageArgs = z
  .object({
    channel: z.enum(messageChannels),
    conversationExternalId: s.requiredText(200),
    messageExternalId: s.requiredText(200),
    direction: z.enum(['in', 'out']),
    author: s.shortText(200).default(''),
    /** Who wrote, as the channel knows them: a phone, a handle, a page-scoped id. */
    senderExternalId: s.shortText(200).default(''),
    text: z.string().max(20_000),
    sentAt: z.number().int().positive(),
    /** The adapter that delivered it, so a reply goes back the same way; absent for imports. */
    via: z.enum(channelKinds).optional(),
    photoIds: z.array(z.string().regex(/^[a-f0-9]{16,64}$/, 'is not a photo id')).max(10).default([]),
  })
  .strict();

/**
 * The most messages one inbox.ingestMessages call takes: a channel's sync or a burst goes in as
 * transactions of this size, short enough that a screen's read never waits long behind one.
 */
export const INGEST_BATCH_MAX = 500;

/** What a chat export import says, in preview and once committed. */
export interface ImportChatResult {
  isCommitted: boolean;
  title: string;
  authors: string[];
  conversations: number;
  messages: number;
  /** How many messages each participant wrote, so "N mensajes de Lucía" counts only hers. */
  messagesByAuthor: { author: string; messages: number }[];
  customers: number;
  duplicates: number;
  attachments: number;
  skipped: number;
  /** WhatsApp only: the date order the file was read with (null for Instagram/Facebook, whose dates are timestamps). */
  dateOrder: DateOrderUsed | null;
  /** When the first and the last message were written. */
  firstAt: number | null;
  lastAt: number | null;
}

export interface IngestedMessage {
  messageId: number;
  conversationId: number;
  isNew: boolean;
}

export const inboxMethods = {
  'inbox.listConversations': read<{ items: ConversationSummary[] }>()(
    z.object({ channel: z.enum(messageChannels).optional(), labelId: s.id.optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(),
  ),
  /** The latest page of the timeline, or the page just before `before` (the oldest message the screen holds) when scrolling up. */
  'inbox.getConversation': read<Conversation>()(
    z.object({ id: s.id, before: z.object({ sentAt: z.number().int().nonnegative(), id: s.id }).strict().optional() }).strict(),
  ),
  /** Replies through the channel the conversation came from; refused when that channel is not connected or its reply window closed. */
  'inbox.sendMessage': task<{ messageId: number; conversationId: number }>()(
    z.object({ conversationId: s.id, text: z.string().trim().min(1, 'is required').max(4000) }).strict(),
  ),
  /** Writes to a customer on their live chat: the one on `channel` if given, else the one they used last. */
  'inbox.sendToCustomer': task<{ messageId: number; conversationId: number; channel: MessageChannel }>()(
    z.object({ customerId: s.id, channel: z.enum(messageChannels).optional(), text: z.string().trim().min(1, 'is required').max(4000) }).strict(),
  ),
  'inbox.markRead': write<ConversationSummary>()(z.object({ id: s.id }).strict()),
  /**
   * WhatsApp "Export chat" (.txt or .zip): preview first (participants, counts), then commit saying which one is the seller.
   * A task: the messages go in as transactions of INGEST_BATCH_MAX each, so a years-long chat never holds the app up.
   */
  'inbox.importChatExport': task<ImportChatResult>()(
    z
      .object({
        /** whatsapp: "Export chat" .txt/.zip; instagram/facebook: "Download your information" JSON or zip. */
        channel: z.enum(messageChannels).default('whatsapp'),
        path: s.shortText(2000).optional(),
        fileName: s.shortText(300).default('chat.txt'),
        dataBase64: z.string().max(280_000_000).optional(),
        sellerName: s.shortText(120).optional(),
        mode: z.enum(['preview', 'commit']).default('commit'),
        /** WhatsApp: read the dates day/month/year, month/day/year or year/month/day; by default the file's own dates tell. */
        dateOrder: z.enum(dateOrders).optional(),
      })
      .strict(),
  ),
  /** Where every channel adapter and importer hands in a message; the same message twice changes nothing. */
  'inbox.ingestMessage': write<IngestedMessage>()(ingestMessageArgs),
  /**
   * Messages that arrive together (a channel's sync, a burst) in one transaction, each under the same
   * rules as inbox.ingestMessage, in order; all or nothing. Results in the same order as the messages.
   */
  'inbox.ingestMessages': write<{ items: IngestedMessage[] }>()(
    z.object({ messages: z.array(ingestMessageArgs).min(1, 'needs at least one message').max(INGEST_BATCH_MAX) }).strict(),
  ),
} as const;
