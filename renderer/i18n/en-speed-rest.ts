import type { esSpeedRest } from './es-speed-rest';

/** English texts of paged lists; merged into en.ts. */
export const enSpeedRest: Record<keyof typeof esSpeedRest, string> = {
  'speedRest.catalogCountCapped_one': 'More than {count} product',
  'speedRest.catalogCountCapped_other': 'More than {count} products',
  'speedRest.customersShown_one': '{shown} of {count} customer',
  'speedRest.customersShown_other': '{shown} of {count} customers',
  'speedRest.customersShownCapped_one': '{shown} of more than {count} customer',
  'speedRest.customersShownCapped_other': '{shown} of more than {count} customers',
  'speedRest.ordersCountCapped_one': 'More than {count} order',
  'speedRest.ordersCountCapped_other': 'More than {count} orders',
  'speedRest.ordersMore': 'Show more orders',
  'speedRest.customersMore': 'Load more customers',
  'speedRest.pickerSearch': 'Search products',
  'speedRest.pickerHint': '🔍 Search: name, shade or SKU',
  'speedRest.pickerMore': 'The first {shown} of {total}: type to search',
  'speedRest.pickerNone': 'No product with “{query}”',
  'speedRest.packingCount': '{count, plural, one {# product} other {# products}}',
  'speedRest.recipientsMore': 'Show more recipients',
  'speedRest.followUpsKinds': 'Show by kind',
  'speedRest.followUpsAll': 'All · {count}',
  'speedRest.followUpsMore': 'Show more',
  'speedRest.receivablesMore': 'Show more customers',
  'speedRest.packingShown': 'Showing {shown} of {total} products',
  'speedRest.packingAll': 'Show the whole list',
  'speedRest.conversionHelp': 'Conversion: each day a customer wrote to you on a channel counts as one conversation; it converted when they ordered on that same channel from their first message that day up to {days} days after their last. For a live: of those who claimed something, how many bought it.',
};
