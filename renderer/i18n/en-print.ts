import type { esPrint } from './es-print';

/** English texts of price tags, the stall sheet and scheduled posts; merged into en.ts. */
export const enPrint: Record<keyof typeof esPrint, string> = {
  'print.tags': "Price tags",
  'print.tagsHelp': "Tick the products and the size of the tags. Each tag shows the price, the active promotion and a QR code to order on WhatsApp.",
  'print.tagsSheet': "Tag size",
  'print.tagsSmall': "Small: 3 × 8 per sheet",
  'print.tagsMedium': "Medium: 2 × 6 per sheet",
  'print.tagsLarge': "Large: 2 × 4 per sheet",
  'print.tagsPaper': "Paper",
  'print.tagsMake_one': "Print {count} tag",
  'print.tagsMake_other': "Print {count} tags",
  'print.tagsNone': "Tick at least one product.",
  'print.tagsAll': "All",
  'print.noWhatsapp': "Your WhatsApp number is missing: the stall sheet and the tags carry a QR code for customers to write to you.",
  'print.goSettings': "Set it in Settings",
  'broadcast.scheduleAt': "Schedule the post (optional)",
  'broadcast.scheduleFacebook': "Facebook: from 10 minutes to 75 days from now.",
  'broadcast.scheduleInstagram': "Instagram: Chasqui posts it at that time. Chasqui must be open at that time (if it is closed, it goes out as soon as you open it).",
  'broadcast.sendScheduled': "Schedule broadcast",
  'broadcast.scheduleNow': "Empty: posted now. The WhatsApp Status and messages go now.",
};
