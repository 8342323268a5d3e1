import { useEffect } from 'react';
import type { Conversation } from '../../../shared/domain/inbox';
import { api } from '../../api';

/**
 * A chat with a customer's photo on screen may well hold a payment screenshot: the receipt reader
 * (tesseract, seconds to load) starts now, so "Es un pago" finds it ready.
 */
export const useReceiptReaderWarmUp = (conversation: Conversation | null): void => {
  const hasCustomerPhoto = conversation !== null && conversation.customerId !== null && conversation.messages.some((m) => m.direction === 'in' && m.photos.length > 0);
  useEffect(() => {
    if (hasCustomerPhoto) void api.call('payments.prepareReader', {}).catch(() => undefined);
  }, [conversation?.id, hasCustomerPhoto]);
};
