/** English texts of Chats' "one order from several messages"; merged into en.ts. */
export const enMultidraft = {
  'multidraft.select': 'Choose messages',
  'multidraft.selectHelp': 'Tick the customer’s messages that make one order (Shift + click ticks all those in between).',
  'multidraft.latest': 'Customer’s latest messages',
  'multidraft.latestHelp': 'Reads what the customer wrote since their last order (up to 20 messages) into one order.',
  'multidraft.pick': 'Choose this message',
  'multidraft.selected_one': '{count} message chosen',
  'multidraft.selected_other': '{count} messages chosen',
  'multidraft.createOrder': 'Create one order from them',
  'multidraft.cancel': 'Cancel',
  'multidraft.tooMany': 'Choose up to {max} messages for one order.',
  'multidraft.noneLatest': 'No new messages from this customer since their last order.',
  'multidraft.notInConversation': 'One of the chosen messages is from another conversation. Choose only this customer’s messages.',
};
