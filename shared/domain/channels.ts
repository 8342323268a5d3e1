import type { MessageChannel } from './inbox';

/** Every adapter the seller can connect; `demo` simulates customers for the demo shop and tests. */
export const channelKinds = ['whatsapp', 'instagram', 'facebook', 'demo'] as const;
export type ChannelKind = (typeof channelKinds)[number];

/**
 * not_connected: never linked or logged out. needs_auth: waiting for the seller (QR, code, token).
 * degraded: connected but something fails now and then. rate_limited / blocked: the network said
 * slow down or no; Chasqui stops sending at once. offline: linked, but unreachable right now.
 */
export const channelStatuses = ['not_connected', 'connecting', 'needs_auth', 'ready', 'degraded', 'rate_limited', 'blocked', 'offline'] as const;
export type ChannelStatus = (typeof channelStatuses)[number];

/** What the channel asks the seller for while linking. */
export type ChannelPrompt =
  | { kind: 'qr'; data: string }
  | { kind: 'pairing_code'; data: string }
  | { kind: 'two_factor'; data: string }
  | { kind: 'challenge'; data: string }
  | { kind: 'pick_page'; data: string; options: { id: string; name: string }[] };

export interface ChannelState {
  kind: ChannelKind;
  status: ChannelStatus;
  /** Who is connected: a phone, an @handle, a Page name. */
  account: string;
  /** The last problem or explanation, in words the seller can act on. */
  detail: string;
  prompt: ChannelPrompt | null;
  /** When this account was first linked; a new number is paced more slowly. */
  linkedAt: number | null;
  updatedAt: number;
}

export const isSendingStatus = (status: ChannelStatus): boolean => status === 'ready' || status === 'degraded';

/** Instagram and Messenger let a business answer only within 24 hours of the customer's last message. */
export const REPLY_WINDOW_MS = 24 * 60 * 60 * 1000;
export const hasReplyWindow = (channel: MessageChannel): boolean => channel !== 'whatsapp';
