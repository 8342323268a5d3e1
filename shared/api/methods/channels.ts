import { z } from 'zod';
import * as s from '../schemas';
import { channelKinds, type ChannelState } from '../../domain/channels';
import { read, task } from './define';

const code = z.string().trim().min(1, 'is required').max(64);

/** What each channel needs to start linking; the rest is asked for through prompts. */
export const connectArgs = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('whatsapp'),
      /** qr: scan from the phone; phone: WhatsApp shows a code to type on the phone instead. */
      method: z.enum(['qr', 'phone']).default('qr'),
      phone: s.shortText(30).default(''),
    })
    .strict(),
  z.object({ kind: z.literal('instagram'), username: s.requiredText(60), password: z.string().min(1, 'is required').max(200) }).strict(),
  z.object({ kind: z.literal('facebook'), pageToken: z.string().trim().min(20, 'is not a Page token').max(1000) }).strict(),
  z.object({ kind: z.literal('demo') }).strict(),
]);

export interface ChannelList {
  items: ChannelState[];
  /** false where secrets are kept with a local key instead of the system's key store. */
  isSecretStorageSecure: boolean;
  secretStorage: 'os_keychain' | 'local_key';
}

export const channelMethods = {
  'channels.list': read<ChannelList>()(s.empty),
  'channels.connect': task<ChannelState>()(connectArgs),
  /** The 2FA or challenge code, or the Page the seller picked. */
  'channels.answerPrompt': task<ChannelState>()(z.object({ kind: z.enum(channelKinds), answer: code }).strict()),
  /** isWipe: also forget the saved session, so the next connect starts from scratch. */
  'channels.disconnect': task<ChannelState>()(z.object({ kind: z.enum(channelKinds), isWipe: z.boolean().default(false) }).strict()),
  /** Fetch new messages now from channels that are polled (Instagram, Facebook). */
  'channels.sync': task<{ messages: number }>()(z.object({ kind: z.enum(channelKinds) }).strict()),
} as const;
