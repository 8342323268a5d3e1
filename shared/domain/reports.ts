/** An order counts for a day's conversation when it comes at most this many days after the customer's last message that day. */
export const CONVERSION_DAYS = 7;
