import type { esReports } from './es-reports';

/** English texts of Reportes; merged into en.ts. */
export const enReports: Record<keyof typeof esReports, string> = {
  'reports.conversionHelp': "Conversion: of the conversations where a customer wrote to you in these dates, how many ended in an order on that same channel (up to {days} days after their last message). For a live: of those who claimed something, how many bought it.",
  'reports.conversionCell': "{converted} of {conversations}",
  'reports.conversations': "Conversations",
  'reports.whereSold': "What sells where",
  'reports.whereSoldHelp': "Units of each product sold on each channel in these dates.",
  'reports.buyers': "Bought",
  'reports.newBuyers': "For the first time",
  'reports.returningBuyers': "Buy again",
  'reports.customersHelp': "Of the customers who bought in these dates: “for the first time” is their first order; “buy again” have two orders or more.",
  'reports.product': "Product",
};
