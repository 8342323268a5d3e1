import { DateTime } from 'luxon';
import { plainWords } from './chatText';

/**
 * Where a promotion can go. Posts reach everyone without writing to anyone (safe); direct
 * messages go only to customers who opted in, one at a time, paced like a person would.
 */
export const broadcastTargets = ['whatsapp_status', 'whatsapp_direct', 'instagram_feed', 'instagram_story', 'facebook_post'] as const;
export type BroadcastTarget = (typeof broadcastTargets)[number];
export const isDirectTarget = (target: BroadcastTarget): boolean => target === 'whatsapp_direct';

export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'unknown', 'skipped'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const broadcastStatuses = ['draft', 'running', 'paused', 'done', 'cancelled'] as const;
export type BroadcastStatus = (typeof broadcastStatuses)[number];

export interface RecipientFilter {
  /** Only customers with every one of these tags. */
  tags: string[];
  /** Only customers who bought any of these products. */
  productIds: number[];
  /** Only customers whose last purchase was on or after this day (shop-local YYYY-MM-DD). */
  boughtSince: string | null;
  /** Include people who did not answer her last messages (left out by default). */
  includeUnanswered?: boolean;
}

export type Counts = Record<OutboxStatus, number>;

export interface ChannelProgress {
  target: BroadcastTarget;
  counts: Counts;
  remaining: number;
  /** When the next message goes out, or null when nothing is waiting. */
  nextSendAt: number | null;
  estimatedEndAt: number | null;
}

export interface Broadcast {
  id: number;
  promotionId: number;
  promotionTitle: string;
  status: BroadcastStatus;
  targets: BroadcastTarget[];
  filter: RecipientFilter;
  /** Facebook Page posts may be scheduled. */
  publishAt: number | null;
  /** Why it stopped on its own (a channel blocked, logged out, rate limited). */
  pauseReason: string;
  counts: Counts;
  progress: ChannelProgress[];
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

export interface BroadcastRecipient {
  id: number;
  target: BroadcastTarget;
  customerId: number | null;
  customerName: string;
  address: string;
  status: OutboxStatus;
  attempts: number;
  error: string;
  sentAt: number | null;
  updatedAt: number;
}

export const emptyCounts = (): Counts => ({ pending: 0, sending: 0, sent: 0, failed: 0, unknown: 0, skipped: 0 });

/** Pacing that keeps a personal number safe; every figure is set in Ajustes. */
export interface Pacing {
  minGapSeconds: number;
  maxGapSeconds: number;
  hourlyCap: number;
  dailyCap: number;
  /** "HH:mm" in the shop's time zone; equal start and end means no quiet hours. */
  quietStart: string;
  quietEnd: string;
  /** A number linked in the last 7 days sends at a quarter of the caps and double the gaps. */
  isSlowStartForNewNumber: boolean;
}

export const NEW_NUMBER_DAYS = 7;

export const effectivePacing = (pacing: Pacing, linkedAt: number | null, now: number): Pacing => {
  const isNew = pacing.isSlowStartForNewNumber && linkedAt !== null && now - linkedAt < NEW_NUMBER_DAYS * 86_400_000;
  if (!isNew) return pacing;
  return {
    ...pacing,
    minGapSeconds: pacing.minGapSeconds * 2,
    maxGapSeconds: pacing.maxGapSeconds * 2,
    hourlyCap: Math.max(1, Math.floor(pacing.hourlyCap / 4)),
    dailyCap: Math.max(1, Math.floor(pacing.dailyCap / 4)),
  };
};

const minutesOf = (hhmm: string): number => {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

/** The end of the quiet hours `at` falls in, or null when `at` is outside them. */
export const quietUntil = (at: number, pacing: Pick<Pacing, 'quietStart' | 'quietEnd'>, timeZone: string): number | null => {
  const start = minutesOf(pacing.quietStart);
  const end = minutesOf(pacing.quietEnd);
  if (start === end) return null;
  const local = DateTime.fromMillis(at, { zone: timeZone });
  const minute = local.hour * 60 + local.minute;
  const isQuiet = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!isQuiet) return null;
  const endToday = local.set({ hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 });
  const endAt = endToday.toMillis() > at ? endToday : endToday.plus({ days: 1 });
  return endAt.toMillis();
};

/**
 * The earliest moment the next direct message may go out: after the random gap since the last
 * one, under the hourly and daily caps (rolling), outside quiet hours. `sentTimes` are the send
 * times of this channel's messages in the last 24 hours.
 */
export const nextAllowedAt = (input: { now: number; gapUntil: number; sentTimes: number[]; pacing: Pacing; timeZone: string }): number => {
  const { pacing } = input;
  let at = Math.max(input.now, input.gapUntil);
  const sorted = [...input.sentTimes].sort((a, b) => a - b);
  for (let guard = 0; guard < 10; guard += 1) {
    const lastDay = sorted.filter((t) => t > at - 86_400_000);
    const lastHour = lastDay.filter((t) => t > at - 3_600_000);
    let next = at;
    // The cap frees a place when the oldest send in the window leaves it.
    if (lastDay.length >= pacing.dailyCap) next = Math.max(next, (lastDay[lastDay.length - pacing.dailyCap] ?? at) + 86_400_000 + 1);
    if (lastHour.length >= pacing.hourlyCap) next = Math.max(next, (lastHour[lastHour.length - pacing.hourlyCap] ?? at) + 3_600_000 + 1);
    next = quietUntil(next, pacing, input.timeZone) ?? next;
    if (next === at) return at;
    at = next;
  }
  return at;
};

/** A random gap in milliseconds between min and max seconds. `random` is Math.random in the app. */
export const randomGapMs = (pacing: Pick<Pacing, 'minGapSeconds' | 'maxGapSeconds'>, random: () => number): number =>
  Math.round((pacing.minGapSeconds + (pacing.maxGapSeconds - pacing.minGapSeconds) * random()) * 1000);

const optOutWhole = new Set(['baja', 'stop', 'alto', 'unsubscribe', 'darme de baja', 'dar de baja', 'de baja', 'cancelar suscripcion', 'no mas', 'no mas mensajes', 'no mas promos', 'no mas promociones', 'basta']);
const optOutPhrases = [
  /\bno (me )?(quiero|deseo) (recibir )?(mas )?(mensajes|promos?|promociones|publicidad|ofertas)\b/,
  /\bno me (manden|mandes|envien|envies|escriban|escribas) (mas )?(mensajes|promos?|promociones|publicidad|ofertas)?\b/,
  /\b(dame|darme|denme|quiero darme) de baja\b/,
  /\bsaquen?me de (la|su|tu) lista\b/,
  /\bya no (me )?(manden|mandes|envien|envies|quiero)\b.*\b(mensajes|promos?|promociones|publicidad|ofertas)\b/,
  /\bdeja de (mandarme|enviarme|escribirme)\b/,
];
const optInWhole = new Set(['alta', 'start', 'darme de alta', 'quiero promos', 'quiero promociones', 'si quiero promociones']);

/** "BAJA", "STOP", "no quiero más mensajes", "ya no me manden promos" and the like. */
const isOptOutPlain = (plain: string): boolean => plain.length > 0 && plain.length <= 160 && (optOutWhole.has(plain) || optOutPhrases.some((pattern) => pattern.test(plain)));

export const isOptOutMessage = (text: string): boolean => isOptOutPlain(plainWords(text));

/** "ALTA" or "START": the customer asks for promotions again. */
export const isOptInMessage = (text: string): boolean => optInWhole.has(plainWords(text));

/** What a message says about promotions, reading it once (every inbound message is asked). */
export const consentWordOf = (text: string): 'opt_in' | 'opt_out' | null => {
  const plain = plainWords(text);
  if (optInWhole.has(plain)) return 'opt_in';
  return isOptOutPlain(plain) ? 'opt_out' : null;
};
