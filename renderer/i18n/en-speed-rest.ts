import type { esSpeedRest } from './es-speed-rest';

/** English texts of paged lists; merged into en.ts. */
export const enSpeedRest: Record<keyof typeof esSpeedRest, string> = {
  'speedRest.catalogCountCapped_one': 'More than {count} product',
  'speedRest.catalogCountCapped_other': 'More than {count} products',
  'speedRest.customersShown_one': '{shown} of {count} customer',
  'speedRest.customersShown_other': '{shown} of {count} customers',
  'speedRest.customersShownCapped_one': '{shown} of more than {count} customer',
  'speedRest.customersShownCapped_other': '{shown} of more than {count} customers',
  'speedRest.customersMore': 'Load more customers',
};
