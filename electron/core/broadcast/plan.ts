import type { BroadcastPreview } from '../../../shared/api/methods/broadcasts';
import { isDirectTarget, type BroadcastTarget, type RecipientFilter } from '../../../shared/domain/broadcasts';
import { isSendingStatus, type ChannelKind } from '../../../shared/domain/channels';
import type { MessageChannel } from '../../../shared/domain/inbox';
import type { Promotion } from '../../../shared/domain/promotions';
import type { ChannelHub } from '../channels/hub';
import type { Db } from '../db/open';
import { selectRecipients, type Selection } from './select';

export const channelOfTarget: Record<BroadcastTarget, MessageChannel> = {
  whatsapp_status: 'whatsapp',
  whatsapp_direct: 'whatsapp',
  instagram_feed: 'instagram',
  instagram_story: 'instagram',
  facebook_post: 'facebook',
};

export const imageFormatOf: Record<BroadcastTarget, 'square' | 'story' | null> = {
  whatsapp_status: 'story',
  whatsapp_direct: null,
  instagram_feed: 'square',
  instagram_story: 'story',
  facebook_post: 'square',
};

/** The real account when it is connected; in the demo shop the demo channel stands in for it. */
export const viaFor = (channels: ChannelHub, channel: MessageChannel): ChannelKind => {
  if (isSendingStatus(channels.get(channel).status)) return channel;
  return isSendingStatus(channels.get('demo').status) ? 'demo' : channel;
};

export const postText = (promo: Promotion, target: BroadcastTarget): string => {
  if (target === 'instagram_story') return '';
  return promo.texts[channelOfTarget[target]];
};

/** One person, one message: a greeting by name, the promotion, and how to stop receiving them. */
export const directText = (promo: Promotion, customerName: string): string => {
  const firstName = customerName.trim().split(/\s+/)[0] ?? '';
  return `¡Hola${firstName ? ` ${firstName}` : ''}! 😊\n${promo.texts.whatsapp}\n\nSi no quieres recibir más promociones, responde BAJA.`;
};

export const previewPlan = (db: Db, channels: ChannelHub, promo: Promotion, targets: BroadcastTarget[], filter: RecipientFilter, timeZone: string, now: number): BroadcastPreview => {
  const selection: Selection = targets.some(isDirectTarget) ? selectRecipients(db, filter, timeZone, now) : { recipients: [], optedOut: 0, notAsked: 0, withoutChat: 0, unanswered: 0 };
  return {
    targets: targets.map((target) => {
      const via = isDirectTarget(target) ? (selection.recipients[0]?.via ?? viaFor(channels, 'whatsapp')) : viaFor(channels, channelOfTarget[target]);
      return {
        target,
        text: isDirectTarget(target) ? directText(promo, selection.recipients[0]?.name ?? 'Lucía') : postText(promo, target),
        imageFormat: imageFormatOf[target],
        via,
        isChannelReady: isSendingStatus(channels.get(via).status),
      };
    }),
    recipients: {
      count: selection.recipients.length,
      sample: selection.recipients.slice(0, 50).map((r) => ({ customerId: r.customerId, name: r.name })),
      optedOut: selection.optedOut,
      notAsked: selection.notAsked,
      withoutChat: selection.withoutChat,
      unanswered: selection.unanswered,
    },
  };
};
