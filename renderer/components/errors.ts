import { ChasquiError } from '../../shared/api/errors';
import type { Translate } from '../i18n';
import { invalidPhoneMessage } from '../phone';

/** Field-level errors from the core's invalid_input (field "variants.0.sku") for the form to show in place. */
export interface FormError {
  field: string | null;
  message: string;
}

/** Codes whose message the seller should read in her own language, with the facts the core sent. */
export const localizedError = (error: unknown, t: Translate): string | null => {
  if (!(error instanceof ChasquiError)) return null;
  if (error.code === 'insufficient_stock') return t('error.insufficientStock', { count: Number(error.details?.available ?? 0) });
  if (error.code === 'conflict' && error.field?.endsWith('sku')) return t('error.skuTaken');
  if (error.code === 'invalid_input' && error.details?.reason === 'invalid_phone') {
    return invalidPhoneMessage(t, String(error.details.phone ?? ''), typeof error.details.country === 'string' ? error.details.country : undefined);
  }
  const channel = typeof error.details?.channel === 'string' ? error.details.channel : '';
  const channelName = channel === 'whatsapp' || channel === 'instagram' || channel === 'facebook' ? t(`channel.${channel}`) : channel;
  if (error.code === 'reply_window_closed') return t('error.replyWindowClosed', { channel: channelName });
  if (error.code === 'channel_not_ready') return t('error.channelNotReady');
  if (error.code === 'channel_blocked') return t('error.channelBlocked');
  if (error.code === 'channel_rate_limited') return t('error.channelRateLimited');
  if (error.code === 'channel_auth_failed') return t('error.channelAuthFailed');
  if (error.code === 'browser_not_found') return t('error.browserNotFound');
  if (error.code === 'message_not_in_conversation') return t('multidraft.notInConversation');
  return null;
};

export const toFormError = (error: unknown, t?: Translate): FormError => {
  const localized = t ? localizedError(error, t) : null;
  if (error instanceof ChasquiError) {
    const field = error.field ?? null;
    if (localized) return { field, message: localized };
    const message = field && error.message.startsWith(`${field}: `) ? error.message.slice(field.length + 2) : error.message;
    return { field, message };
  }
  return { field: null, message: error instanceof Error ? error.message : String(error) };
};
