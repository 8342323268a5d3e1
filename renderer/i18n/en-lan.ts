import type { esLan } from './es-lan';

/** English texts of Settings › Delivery phone; merged into en.ts. */
export const enLan: Record<keyof typeof esLan, string> = {
  'lan.phone': 'Phone',
  'lan.lastUse': 'Last used',
  'lan.state': 'Access',
  'lan.neverUsed': 'Not used yet',
  'lan.expiresOn': 'until {date}; each use renews it',
  'lan.expired': 'expired: not used for 30 days',
  'lan.expiryHelp': 'A phone not used for 30 days loses access; to use it again, connect it with a new code.',
};
