import type { esChats } from './es-chats';

/** English texts of Chats and its import; merged into en.ts. */
export const enChats: Record<keyof typeof esChats, string> = {
  'chatImport.customerMessages_one': "{count} message from {name}",
  'chatImport.customerMessages_other': "{count} messages from {name}",
  'chatImport.customerMessagesMany': "{count, plural, one {# message} other {# messages}} from your customers in {conversations, plural, one {# conversation} other {# conversations}}",
  'chatImport.yours_one': "{count} from you",
  'chatImport.yours_other': "{count} from you",
  'chatImport.period': "From {from} to {to}",
  'chatImport.order.dmy': "day/month/year",
  'chatImport.order.mdy': "month/day/year",
  'chatImport.order.ymd': "year/month/day",
  'chatImport.orderFrom.file': "Dates read as {order}, as the file says.",
  'chatImport.orderFrom.locale': "Dates read as {order}: the file does not make it clear, so we used your shop's format.",
  'chatImport.orderFrom.chosen': "Dates read as {order}, as you chose.",
  'chatImport.flip': "Read as {order}",
  'chatImport.unreadable.whatsapp': "This file is not a WhatsApp chat export. In WhatsApp open the chat › More › Export chat, then choose the .txt or .zip here.",
  'chatImport.unreadable.instagram': "This Instagram file has no messages Chasqui can read. Download your Instagram information as JSON (not HTML) and choose the .zip or a message_1.json here.",
  'chatImport.unreadable.facebook': "This Facebook file has no messages Chasqui can read. Download your Facebook information as JSON (not HTML) and choose the .zip or a message_1.json here.",
  'chats.more': "More actions",
  'chats.yesterday': "yesterday",
  'chats.loadingOlder': "Loading earlier messages…",
  'chats.start': "Start of the conversation",
};
