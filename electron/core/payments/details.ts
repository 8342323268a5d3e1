import { fail } from '../../../shared/api/errors';
import type { MethodResult, ParsedArgs } from '../../../shared/api/contract';
import { paymentDetailLine, type PaymentDetail } from '../../../shared/domain/payments';
import type { CoreContext } from '../context';
import { conversationRoute, replyTargets } from '../inbox/repo';
import { sendMessage } from '../inbox/send';
import { readSettings } from '../settings/repo';

/** WhatsApp cuts a photo's caption at 1024 characters: a longer text goes as its own message first. */
export const CAPTION_MAX = 1024;

/** The customer's live chat, on `channel` when asked, else the one they wrote on last (as inbox.sendToCustomer). */
const customerChat = (ctx: CoreContext, customerId: number, channel: string | undefined): number => {
  if (!ctx.db.prepare('SELECT 1 FROM customers WHERE id = ?').get(customerId)) fail('not_found', `Customer ${customerId} does not exist`, { field: 'customerId' });
  const target = replyTargets(ctx.db, -1, customerId).find((t) => t.isLive && (channel === undefined || t.channel === channel));
  return target?.conversationId ?? fail('channel_not_ready', `This customer has no live chat${channel ? ` on ${channel}` : ''} to write to`, { details: { channel: channel ?? '' } });
};

/** Her methods that carry a QR she uploaded (and that is still there), each QR once. */
const withQr = (ctx: CoreContext, details: PaymentDetail[]): PaymentDetail[] => {
  const seen = new Set<string>();
  return details.filter((d) => {
    if (!d.qrMediaId || seen.has(d.qrMediaId) || !ctx.db.prepare('SELECT 1 FROM media WHERE id = ?').get(d.qrMediaId)) return false;
    seen.add(d.qrMediaId);
    return true;
  });
};

/**
 * "Datos de pago" in a chat: her QR images as pictures with the text as their caption, so the customer
 * scans instead of typing a number; where the channel cannot take photos, the text alone, and she is told.
 */
export const sendPaymentDetails = async (ctx: CoreContext, args: ParsedArgs<'payments.sendDetails'>): Promise<MethodResult<'payments.sendDetails'>> => {
  const conversationId = args.conversationId ?? customerChat(ctx, args.customerId ?? 0, args.channel);
  const route = conversationRoute(ctx.db, conversationId) ?? fail('not_found', `Conversation ${conversationId} does not exist`, { field: 'conversationId' });
  const settings = readSettings(ctx.db);
  const qrs = withQr(ctx, settings.paymentDetails);
  const photoIds = qrs.map((d) => d.qrMediaId);
  const isPhotoChannel = route.via !== null && ctx.channels.canSendPhotos(route.via);
  if (photoIds.length === 0 || !isPhotoChannel) {
    const sent = await sendMessage(ctx, { conversationId, text: args.text });
    return { ...sent, channel: route.channel, qr: photoIds.length === 0 ? 'none' : 'not_on_channel' };
  }
  if (args.text.length <= CAPTION_MAX) {
    const sent = await sendMessage(ctx, { conversationId, text: args.text, photoIds });
    return { ...sent, channel: route.channel, qr: 'sent' };
  }
  // A long confirmation first, then the QR captioned with its own method's line.
  const sent = await sendMessage(ctx, { conversationId, text: args.text });
  await sendMessage(ctx, { conversationId, text: qrs.map((d) => paymentDetailLine(d, settings.language)).join('\n'), photoIds });
  return { ...sent, channel: route.channel, qr: 'sent' };
};
