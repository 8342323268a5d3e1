import { DateTime } from 'luxon';
import type { ParsedArgs } from '../../../shared/api/contract';
import { fillTemplate } from '../../../shared/domain/orderMessages';
import { defaultAutoReplies, type AutoReplySettings, type UnansweredCount } from '../../../shared/domain/quick';
import type { MessageChannel } from '../../../shared/domain/inbox';
import type { Language } from '../../../shared/domain/settings';
import { insertOutboxRow } from '../broadcast/repo';
import type { CoreContext } from '../context';
import { consentOf } from '../customers/consent';
import type { Db } from '../db/open';
import { readSettings } from '../settings/repo';

const KEY = 'autoReplies';
/** A message older than this (a backlog arriving after a reconnect) never gets an automatic answer. */
const FRESH_MS = 60 * 60 * 1000;
/** She wrote and they did not answer within two days, in the last thirty. */
export const UNANSWERED_AFTER_MS = 2 * 24 * 60 * 60 * 1000;
export const UNANSWERED_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/** Kept in the settings table under its own key, so the shop's settings type stays as it is. */
export const readAutoReplies = (db: Db): AutoReplySettings => {
  const fallback = defaultAutoReplies(readSettings(db).language);
  const raw = db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck().get(KEY);
  if (raw === undefined) return fallback;
  const stored: unknown = JSON.parse(raw);
  if (typeof stored !== 'object' || stored === null) return fallback;
  const merged: AutoReplySettings = { ...fallback };
  for (const key of Object.keys(fallback) as (keyof AutoReplySettings)[]) {
    const value: unknown = (stored as Record<string, unknown>)[key];
    if (typeof value === typeof fallback[key] && Array.isArray(value) === Array.isArray(fallback[key])) Object.assign(merged, { [key]: value });
  }
  return merged;
};

export const saveAutoReplies = (db: Db, settings: AutoReplySettings): AutoReplySettings => {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(settings));
  return readAutoReplies(db);
};

const dayNames: Record<Language, string[]> = {
  es: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

const listWords = (words: string[], language: Language): string =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${language === 'en' ? 'and' : 'y'} ${words.at(-1) ?? ''}`;

/** "lunes, martes y sábado de 09:00 a 19:00" */
export const hoursText = (auto: AutoReplySettings, language: Language): string => {
  const days = listWords([...auto.sellingDays].sort().map((d) => dayNames[language][d - 1] ?? ''), language);
  return language === 'en' ? `${days}, ${auto.opensAt} to ${auto.closesAt}` : `${days} de ${auto.opensAt} a ${auto.closesAt}`;
};

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export const isOpenAt = (auto: AutoReplySettings, at: DateTime): boolean => {
  if (!auto.sellingDays.includes(at.weekday)) return false;
  const minute = at.hour * 60 + at.minute;
  const opens = minutesOf(auto.opensAt);
  const closes = minutesOf(auto.closesAt);
  // Hours past midnight (18:00 to 02:00) wrap around.
  return opens <= closes ? minute >= opens && minute < closes : minute >= opens || minute < closes;
};

/** The next day she delivers, after today, written out ("martes 1 de diciembre"); '' when she set no days. */
export const nextDeliveryText = (deliveryDays: number[], today: DateTime, language: Language): string => {
  for (let ahead = 1; ahead <= 7; ahead += 1) {
    const day = today.plus({ days: ahead });
    if (deliveryDays.includes(day.weekday)) return day.setLocale(language).toFormat(language === 'en' ? 'cccc, LLLL d' : "cccc d 'de' LLLL");
  }
  return '';
};

/**
 * A customer's message just came in live: at most one automatic answer a day. A first-time customer
 * gets the greeting; outside her hours the away message. Never to groups (adapters hand in only
 * one-to-one chats), never to someone who opted out, never for an old backlog. It goes through the
 * outbox, committed with the message, so a crash neither loses nor repeats it.
 */
/**
 * With no catalog link saved, the clause that would carry it ("Aquí está nuestro catálogo: {catalogo}")
 * goes, back to the sentence's start or an emoji, so the customer never reads a sentence that stops
 * at a colon. A PDF sent with the greeting still arrives: the rest of the text is its caption.
 */
export const withoutEmptyCatalog = (template: string, catalogLink: string): string =>
  catalogLink.trim() !== '' ? template : template.replace(/[^\n.!?¡¿\p{Extended_Pictographic}]*\{catalogo\}[^\n]*/gu, '').replace(/[ \t]+$/gm, '').trim();

export const answerAutomatically = (
  ctx: CoreContext,
  message: ParsedArgs<'inbox.ingestMessage'> & { customerId: number; conversationId: number },
): void => {
  if (message.via === undefined || message.direction !== 'in' || ctx.now() - message.sentAt > FRESH_MS) return;
  if (/@g\.us$|@broadcast$|@newsletter$/.test(message.conversationExternalId)) return;
  const auto = readAutoReplies(ctx.db);
  if (!auto.isAwayEnabled && !auto.isGreetingEnabled) return;
  if (consentOf(ctx.db, message.customerId) === 'opted_out') return;
  const settings = readSettings(ctx.db);
  const now = DateTime.fromMillis(ctx.now(), { zone: settings.timeZone });
  const day = now.toISODate() ?? '';
  if (ctx.db.prepare('SELECT 1 FROM auto_reply_log WHERE customer_id = ? AND day = ?').get(message.customerId, day)) return;
  const inbound = Number(
    // Whether this is her first: two are enough to know, however many years of messages she has.
    ctx.db
      .prepare("SELECT count(*) FROM (SELECT 1 FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.customer_id = ? AND m.direction = 'in' LIMIT 2)")
      .pluck()
      .get(message.customerId),
  );
  const isFirstTime = inbound <= 1;
  const kind = auto.isGreetingEnabled && isFirstTime ? 'greeting' : auto.isAwayEnabled && !isOpenAt(auto, now) ? 'away' : null;
  if (kind === null) return;
  const name = ctx.db.prepare<[number], string>('SELECT name FROM customers WHERE id = ?').pluck().get(message.customerId) ?? '';
  const values = {
    cliente: name.trim().split(/\s+/)[0] ?? '',
    tienda: settings.shopName,
    horario: hoursText(auto, settings.language),
    entrega: nextDeliveryText(settings.deliveryDays, now, settings.language),
    catalogo: auto.catalogLink,
  };
  let text = fillTemplate(withoutEmptyCatalog(kind === 'greeting' ? auto.greetingText : auto.awayText, auto.catalogLink), values);
  // A greeting outside her hours says both: hello, and when she answers.
  if (kind === 'greeting' && auto.isAwayEnabled && !isOpenAt(auto, now)) text = `${text}\n\n${fillTemplate(auto.awayText, values)}`;
  ctx.db.prepare('INSERT INTO auto_reply_log (customer_id, day, kind, conversation_id, created_at) VALUES (?, ?, ?, ?, ?)').run(message.customerId, day, kind, message.conversationId, ctx.now());
  insertOutboxRow(
    ctx.db,
    { broadcastId: null, target: 'reply', via: message.via, customerId: message.customerId, conversationId: message.conversationId, address: message.conversationExternalId, text, key: `auto-${kind}-${message.customerId}-${day}`,
      attachment: kind === 'greeting' && auto.isCatalogPdfSent ? 'catalog_pdf' : null },
    ctx.now(),
  );
  ctx.outbox.wake();
};

/**
 * Her messages in this month that got no later answer in the same chat, per channel: in each chat
 * written in since the month began (conversations_recent: insertMessage, the one way messages come
 * in, keeps last_message_at at the newest), only her messages after the customer's last one
 * (last_in_at, migration 0040) are read. Reading every message of the month to look for a later
 * answer to each took 450 ms on the large bench shop.
 */
export const unansweredCounts = (db: Db, month: string, timeZone: string): UnansweredCount[] => {
  const start = DateTime.fromISO(`${month}-01`, { zone: timeZone }).startOf('month');
  const rows = db
    .prepare<{ start: number; end: number }, { channel: MessageChannel; n: number }>(
      // CROSS JOIN keeps the chats first: grouping by channel, SQLite would rather walk every message.
      `SELECT m.channel, count(*) AS n FROM conversations c CROSS JOIN messages m ON m.conversation_id = c.id
        WHERE c.last_message_at >= @start AND m.direction = 'out' AND m.sent_at < @end
          AND m.sent_at >= max(@start, c.last_in_at)
        GROUP BY m.channel ORDER BY m.channel`,
    )
    .all({ start: start.toMillis(), end: start.plus({ months: 1 }).toMillis() });
  return rows.map((r) => ({ channel: r.channel, month, count: r.n }));
};

/**
 * Customers who did not answer her: she wrote to them in the last 30 days and, two days on, they
 * have not written back on any of their chats. Promotional sends leave them out unless she asks to
 * include them. Read like the counts above: chats written in within the window, her messages after
 * the customer's last.
 */
export const unansweredCustomerIds = (db: Db, now: number): Set<number> =>
  new Set(
    db
      .prepare<{ from: number; to: number }, number>(
        `SELECT DISTINCT c.customer_id FROM conversations c
          WHERE c.last_message_at >= @from AND c.customer_id IS NOT NULL
            AND EXISTS (SELECT 1 FROM messages m
                         WHERE m.conversation_id = c.id AND m.direction = 'out' AND m.sent_at <= @to
                           AND m.sent_at >= max(@from, (SELECT max(cv.last_in_at) FROM conversations cv WHERE cv.customer_id = c.customer_id)))`,
      )
      .pluck()
      .all({ from: now - UNANSWERED_WINDOW_MS, to: now - UNANSWERED_AFTER_MS }),
  );

