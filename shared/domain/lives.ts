import { plainWords } from './chatText';

/** Selling during Instagram and Facebook lives: the product on air, claims, reservations, a waitlist. */

export const liveChannels = ['instagram', 'facebook', 'other'] as const;
export type LiveChannel = (typeof liveChannels)[number];

export const claimChannels = ['instagram', 'facebook', 'whatsapp', 'other'] as const;
export type ClaimChannel = (typeof claimChannels)[number];

export type ClaimStatus = 'reserved' | 'waitlist' | 'paid' | 'expired' | 'cancelled';

export interface LiveItem {
  id: number;
  variantId: number;
  productId: number;
  name: string;
  sku: string;
  photoUrl: string | null;
  livePrice: number;
  /** What is left to sell now: stock minus every unit reserved. */
  available: number;
  reserved: number;
  waitlist: number;
}

export interface Claim {
  id: number;
  liveId: number;
  itemId: number;
  itemName: string;
  customerId: number;
  customerName: string;
  channel: ClaimChannel;
  handle: string;
  comment: string;
  quantity: number;
  status: ClaimStatus;
  /** Reserved claims must be paid by then. */
  expiresAt: number | null;
  orderId: number | null;
  createdAt: number;
}

export interface Live {
  id: number;
  title: string;
  channel: LiveChannel;
  status: 'live' | 'ended';
  onAirItemId: number | null;
  holdHours: number;
  /** True once the stream was found on the network and its comments are being read. */
  isReadingComments: boolean;
  items: LiveItem[];
  startedAt: number;
  endedAt: number | null;
  messagesQueuedAt: number | null;
}

export interface LiveSummary {
  liveId: number;
  claims: number;
  reserved: number;
  converted: number;
  expired: number;
  waitlisted: number;
  revenue: number;
  perProduct: { itemId: number; name: string; claims: number; converted: number; expired: number; revenue: number }[];
}

const numberWords: Record<string, number> = { un: 1, una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, par: 2 };

const claimPatterns = [
  /^(yo|yoo+|yo yo|yo porfa|yo xfa|yo plis|yo please)$/,
  /^(mio|mia|mioo+|miooo|es mio|es mia|para mi)\b/,
  /\b(lo|la|los|las) quiero\b/,
  /\bquiero (\d{1,2}|un|una|uno|dos|tres|cuatro|cinco|seis|un par)\b/,
  /^quiero\b(?!.*\?)/,
  /\b(separa|separame|separamelo|separamela|me separas|separen|apartame|apartamelo|reservame)\b/,
  /\bme lo llevo\b|\bme la llevo\b|\bme los llevo\b/,
  /^(yo quiero|yo lo quiero|yo la quiero)\b/,
];
const notClaims = [/\bno (lo |la )?quiero\b/, /\bya no\b/, /\bcuanto\b/, /\bprecio\b/, /\bhay\b.*\?/, /\btienes?\b/];

/**
 * Whether a live comment claims the product on air, and how many: "lo quiero", "mío", "yo",
 * "sepárame 2", "quiero dos", "me lo llevo". Questions ("¿cuánto cuesta?") and "ya no lo quiero" are not claims.
 */
export const parseClaim = (comment: string): { isClaim: boolean; quantity: number } => {
  const text = plainWords(comment);
  if (!text || text.length > 120) return { isClaim: false, quantity: 0 };
  if (notClaims.some((pattern) => pattern.test(text)) || comment.includes('?')) return { isClaim: false, quantity: 0 };
  if (!claimPatterns.some((pattern) => pattern.test(text))) return { isClaim: false, quantity: 0 };
  const digits = /\b(\d{1,2})\b/.exec(text)?.[1];
  const word = /\b(un par|un|una|uno|dos|tres|cuatro|cinco|seis)\b/.exec(text)?.[1];
  const quantity = digits ? Number(digits) : word ? (word === 'un par' ? 2 : (numberWords[word] ?? 1)) : 1;
  return { isClaim: true, quantity: Math.min(Math.max(quantity, 1), 20) };
};
