import type { ChannelKind, ChannelPrompt, ChannelStatus } from '../../../shared/domain/channels';
import type { MessageChannel } from '../../../shared/domain/inbox';
import type { ShopSettings } from '../../../shared/domain/settings';
import type { ParsedArgs } from '../../../shared/api/contract';

/** A message as an adapter hands it in; the hub stores its photos and ingests it through the API. */
export interface InboundMessage {
  channel: MessageChannel;
  conversationExternalId: string;
  messageExternalId: string;
  direction: 'in' | 'out';
  author: string;
  senderExternalId: string;
  text: string;
  sentAt: number;
  photos?: { bytes: Buffer; fileName: string }[];
}

/** A message the seller's account sent, as the network remembers it. */
export interface SentText {
  text: string;
  at: number;
}

/** A photo going out with a message (quick replies, product cards). */
export interface OutgoingPhoto {
  bytes: Buffer;
  mime: string;
  fileName: string;
}

/** A document going out (the catalog PDF): same shape as a photo, any type the channel takes. */
export type OutgoingFile = OutgoingPhoto;

/** A WhatsApp Business label as her phone has it. */
export interface ChannelLabel {
  id: string;
  name: string;
  /** "#rrggbb". */
  color: string;
  /** Chats (their external ids) that carry it. */
  chatIds: string[];
}

export interface LiveComment {
  externalId: string;
  handle: string;
  name: string;
  text: string;
  at: number;
}

export interface StatusUpdate {
  status: ChannelStatus;
  detail?: string;
  account?: string;
  prompt?: ChannelPrompt | null;
}

export interface AdapterHooks {
  /** Resolves once the message is in the ledger (or was already there). */
  onMessage(message: InboundMessage): Promise<{ isNew: boolean }>;
  /** Messages fetched together (a sync): in as few transactions as the batch limit allows, same rules each. Results in order. */
  onMessages(messages: InboundMessage[]): Promise<{ isNew: boolean }[]>;
  onStatus(update: StatusUpdate): void;
  /** Encrypted by the hub and kept under <dataDir>/channels; never in the database or backups. */
  saveSession(session: unknown): void;
}

export interface AdapterEnv {
  /** This channel's own folder under <dataDir>/channels (browser profiles and the like). */
  sessionDir: string;
  settings(): ShopSettings;
  now(): number;
}

export type ConnectInput = ParsedArgs<'channels.connect'>;

export type PostKind = 'status' | 'feed' | 'story' | 'page_post';

export interface Post {
  kind: PostKind;
  text: string;
  /** JPEG bytes, already sized for the target. */
  image?: Buffer;
  /** Facebook Page posts may be scheduled (milliseconds). */
  publishAt?: number;
}

export interface ChannelAdapter {
  /** Starts linking; input is null when resuming at start from `session`, what saveSession stored last time (or null). */
  connect(input: ConnectInput | null, session: unknown): Promise<void>;
  answerPrompt(answer: string): Promise<void>;
  disconnect(isWipe: boolean): Promise<void>;
  /** `to` is the conversation's external id on that channel. */
  sendDirect(to: string, text: string, idempotencyKey: string): Promise<{ externalId: string; sentAt: number }>;
  /** A photo with its caption; channels without it cannot send photos from Chasqui. */
  sendPhoto?(to: string, photo: OutgoingPhoto, caption: string, idempotencyKey: string): Promise<{ externalId: string; sentAt: number }>;
  /** A document (the catalog PDF) with its caption; channels without it get the link as text instead. */
  sendFile?(to: string, file: OutgoingFile, caption: string, idempotencyKey: string): Promise<{ externalId: string; sentAt: number }>;
  /** WhatsApp Business labels on her phone, with the chats that carry them. */
  listLabels?(): Promise<ChannelLabel[]>;
  /** Puts exactly these phone labels on a chat (the ones Chasqui knows of; others on the phone stay). */
  setChatLabels?(to: string, labelIds: string[], knownLabelIds: string[]): Promise<void>;
  publish?(post: Post): Promise<{ externalId: string }>;
  /** Channels without push (Instagram, Facebook) fetch what is new; returns how many messages were new. */
  poll?(): Promise<number>;
  /** The seller's stream that is live right now on this channel, if any. */
  findLive?(): Promise<string | null>;
  /** Comments on a live stream newer than `since` (milliseconds). */
  liveComments?(liveId: string, since: number): Promise<LiveComment[]>;
  /** Recent messages of a chat, to see whether a send whose fate is unknown did go out. */
  recentOutgoing?(to: string): Promise<SentText[]>;
}

export type AdapterFactory = (hooks: AdapterHooks, env: AdapterEnv) => ChannelAdapter;
export type AdapterFactories = Record<ChannelKind, AdapterFactory>;

/** How a network said no; the hub turns it into the channel's status and a stable API error. */
export type ChannelFailure = 'needs_auth' | 'auth_failed' | 'rate_limited' | 'blocked' | 'offline' | 'reply_window_closed' | 'browser_not_found' | 'error';

export class ChannelError extends Error {
  readonly failure: ChannelFailure;
  constructor(failure: ChannelFailure, message: string) {
    super(message);
    this.name = 'ChannelError';
    this.failure = failure;
  }
}
