import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fail } from '../../../../shared/api/errors';
import { INGEST_BATCH_MAX, ingestMessageArgs, type ImportChatResult } from '../../../../shared/api/methods/inbox';
import { countryOfLocale, toE164 } from '../../../../shared/domain/phones';
import type { CoreContext } from '../../context';
import { readSettings } from '../../settings/repo';
import * as repo from '../repo';
import { parseMetaThread } from './metaJson';
import type { DateOrder, DateOrderUsed } from '../../../../shared/domain/inbox';
import { parseWhatsAppExport, type ParsedChat } from './whatsappText';
import { isZip, readZip, type ZipLimits } from './zip';

export interface ImportArgs {
  channel: 'whatsapp' | 'instagram' | 'facebook';
  path?: string;
  fileName: string;
  dataBase64?: string;
  sellerName?: string;
  mode: 'preview' | 'commit';
  dateOrder?: DateOrder;
}

export type ImportResult = ImportChatResult;

const MAX_BYTES = 200 * 1024 * 1024;
const META_MESSAGES = /message_\d+\.json$/i;
/** Years of chat are a few MB of text; a bomb is gigabytes of nothing. */
const CHAT_ZIP_LIMITS: ZipLimits = { maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 128 * 1024 * 1024, maxRatio: 100 };

const readInput = (args: ImportArgs): { bytes: Uint8Array; name: string } => {
  if (args.path) {
    if (!path.isAbsolute(args.path) || !fs.existsSync(args.path) || !fs.statSync(args.path).isFile()) {
      fail('invalid_input', `path: ${args.path} is not a file`, { field: 'path' });
    }
    if (fs.statSync(args.path).size > MAX_BYTES) fail('invalid_input', 'path: the file is larger than 200 MB', { field: 'path' });
    return { bytes: fs.readFileSync(args.path), name: path.basename(args.path) };
  }
  if (!args.dataBase64) return fail('invalid_input', 'path: give a file path or the file itself', { field: 'path' });
  return { bytes: Buffer.from(args.dataBase64, 'base64'), name: args.fileName };
};

/** "WhatsApp Chat with Lucía.txt", "Chat de WhatsApp con Lucía.zip", "Conversa do WhatsApp com Lucía" → "Lucía". */
const titleFromName = (name: string): string =>
  name
    .replace(/\.(txt|zip)$/i, '')
    .replace(/^(whatsapp chat with|chat de whatsapp con|conversa do whatsapp com)\s+/i, '')
    .replace(/^_chat$/, '')
    .trim();

interface Thread {
  title: string;
  chat: ParsedChat;
}

/** Meta exports: every messages/inbox/<thread>/message_N.json in a zip, or one such file. */
const metaThreads = (files: Map<string, Uint8Array>): Thread[] => {
  const byFolder = new Map<string, Thread>();
  for (const [file, data] of files) {
    if (!META_MESSAGES.test(file)) continue;
    const thread = parseMetaThread(new TextDecoder().decode(data));
    if (!thread) continue;
    const folder = path.posix.dirname(file);
    const current = byFolder.get(folder) ?? { title: thread.title, chat: { messages: [], authors: [], skipped: 0 } };
    current.chat.messages.push(...thread.messages);
    current.chat.authors = [...new Set([...current.chat.authors, ...thread.participants, ...thread.messages.map((m) => m.author)])];
    byFolder.set(folder, current);
  }
  return [...byFolder.values()];
};

const readThreads = (args: ImportArgs, settings: { locale: string; timeZone: string }): { threads: Thread[]; attachments: number; skipped: number; dateOrder: DateOrderUsed | null } => {
  const { bytes, name } = readInput(args);
  let files = new Map<string, Uint8Array>([[name, bytes]]);
  let skipped = 0;
  let entries = 0;
  if (isZip(bytes)) {
    // Only the chat text is unpacked (WhatsApp: the first .txt; Meta: the message_N.json files); photos are only counted.
    let isTextPicked = false;
    const isWanted = (file: string): boolean => {
      if (args.channel !== 'whatsapp') return META_MESSAGES.test(file);
      if (isTextPicked || !/\.txt$/i.test(file)) return false;
      isTextPicked = true;
      return true;
    };
    const zip = readZip(bytes, isWanted, CHAT_ZIP_LIMITS);
    files = zip.files;
    skipped = zip.skipped;
    entries = zip.names.filter((file) => !file.endsWith('/')).length;
  }
  if (args.channel !== 'whatsapp') return { threads: metaThreads(files), attachments: 0, skipped, dateOrder: null };
  const chatFile = [...files.keys()].find((file) => /\.txt$/i.test(file)) ?? (isZip(bytes) ? undefined : name);
  if (!chatFile) return fail('invalid_input', 'path: the zip holds no WhatsApp chat (.txt)', { field: 'path' });
  const chat = parseWhatsAppExport(new TextDecoder('utf-8', { fatal: false }).decode(files.get(chatFile)), { ...settings, dateOrder: args.dateOrder });
  return { threads: [{ title: titleFromName(name), chat }], attachments: isZip(bytes) ? Math.max(entries - 1, 0) : 0, skipped, dateOrder: chat.dateOrder ?? null };
};

export const importChatExport = async (ctx: CoreContext, args: ImportArgs): Promise<ImportResult> => {
  const settings = readSettings(ctx.db);
  const { threads: allThreads, attachments: files, skipped: zipSkipped, dateOrder } = readThreads(args, settings);
  // A thread with no message Chasqui can read (a call log, a new export format) is left out, not an error for the rest.
  const threads = allThreads.filter((t) => t.chat.messages.length > 0);
  if (threads.length === 0) {
    // The words name the file the seller chose; `reason` lets the screen say it in her language.
    const what = args.channel === 'whatsapp' ? 'is not a WhatsApp chat export' : `from ${args.channel === 'instagram' ? 'Instagram' : 'Facebook'} has no messages Chasqui can read (choose the JSON "Download your information" zip, not the HTML one)`;
    fail('invalid_input', `path: this file ${what}`, { field: 'path', details: { reason: 'no_readable_messages', channel: args.channel } });
  }
  const byAuthor = new Map<string, number>();
  for (const message of threads.flatMap((t) => t.chat.messages)) byAuthor.set(message.author, (byAuthor.get(message.author) ?? 0) + 1);
  const messagesByAuthor = [...byAuthor].map(([author, messages]) => ({ author, messages }));
  const times = threads.flatMap((t) => t.chat.messages.map((m) => m.sentAt));
  // The first and last day let the seller see at a glance whether the dates were read the right way round.
  const [firstAt, lastAt] = [times.reduce((a, b) => Math.min(a, b)), times.reduce((a, b) => Math.max(a, b))];
  const totals = { isCommitted: args.mode === 'commit', title: '', authors: [] as string[], conversations: 0, messages: 0, messagesByAuthor, customers: 0, duplicates: 0, attachments: files, skipped: zipSkipped, dateOrder, firstAt, lastAt };
  // Every thread is checked before anything is written: a refused file saves nothing.
  const plans = threads.map((thread) => planThread(ctx, args, thread));
  for (const run of plans) {
    const result = await run();
    totals.title ||= result.title;
    totals.authors = [...new Set([...totals.authors, ...result.authors])];
    totals.conversations += 1;
    totals.messages += result.messages;
    totals.customers += result.customers;
    totals.duplicates += result.duplicates;
    totals.attachments += result.attachments;
    totals.skipped += result.skipped;
  }
  return totals;
};

/**
 * Each message must pass what inbox.ingestMessage accepts (text up to 20,000 characters, author up to
 * 200, a real time): a file cannot bring in what the API refuses. The others are counted as skipped.
 */
const isAcceptedByApi = (channel: ImportArgs['channel'], title: string, message: ParsedChat['messages'][number]): boolean =>
  ingestMessageArgs.safeParse({
    channel,
    conversationExternalId: `export:${title}`,
    messageExternalId: 'export:0000000000000000000000000000000000000000',
    direction: 'in',
    author: message.author,
    text: message.text,
    sentAt: message.sentAt,
  }).success;

type ThreadResult = Omit<ImportResult, 'messagesByAuthor' | 'dateOrder' | 'firstAt' | 'lastAt'>;

/** Checks a thread (throws what the seller must fix) and returns what imports it. */
const planThread = (ctx: CoreContext, args: ImportArgs, thread: Thread): (() => Promise<ThreadResult>) => {
  const title0 = thread.title.slice(0, 150);
  const accepted = thread.chat.messages.filter((message) => isAcceptedByApi(args.channel, title0 || 'x', message));
  const chat: ParsedChat = { ...thread.chat, messages: accepted, skipped: thread.chat.skipped + thread.chat.messages.length - accepted.length };
  const name = title0;
  if (chat.messages.length === 0) fail('invalid_input', 'path: this file is not a WhatsApp chat export', { field: 'path' });
  const seller = args.sellerName?.trim();
  if (seller && !chat.authors.includes(seller)) fail('invalid_input', `sellerName: "${seller}" does not write in this chat`, { field: 'sellerName' });
  const others = chat.authors.filter((a) => a !== seller);
  const title = (name || others[0] || args.channel).slice(0, 150);
  const attachments = chat.messages.filter((m) => m.hasAttachment).length;
  const base = { title, authors: chat.authors, conversations: 1, attachments, skipped: chat.skipped };
  if (args.mode === 'preview') return async () => ({ ...base, isCommitted: false, messages: chat.messages.length, customers: others.length, duplicates: 0 });
  if (!seller && chat.authors.length > 1) fail('invalid_input', 'sellerName: say which participant is you', { field: 'sellerName' });
  return () => commitThread(ctx, args, { chat, seller, others, title, base });
};

const commitThread = async (
  ctx: CoreContext,
  args: ImportArgs,
  { chat, seller, others, title, base }: { chat: ParsedChat; seller: string | undefined; others: string[]; title: string; base: Omit<ThreadResult, 'isCommitted' | 'messages' | 'customers' | 'duplicates'> },
): Promise<ThreadResult> => {

  let [messages, duplicates, customers] = [0, 0, 0];
  const seen = new Map<string, number>();
  const customerIds = new Map<string, number>();
  const conversationId = ctx.db.transaction(() => {
    for (const author of others) {
      const externalId = `export:${author}`;
      let customerId = repo.customerOfIdentity(ctx.db, args.channel, externalId);
      if (customerId === undefined) {
        // A WhatsApp export names people not in the phone's contacts by their number: keep it as their
        // phone, or join the one customer whose card has it, as a live message from that number would.
        const phone = args.channel === 'whatsapp' ? toE164(author, countryOfLocale(readSettings(ctx.db).locale)) ?? '' : '';
        const joined = repo.customerForNewIdentity(ctx.db, { channel: args.channel, externalId, name: author }, phone, ctx.now());
        customerId = joined.id;
        if (joined.isNew) customers += 1;
      }
      customerIds.set(author, customerId);
    }
    return repo.upsertConversation(ctx.db, args.channel, `export:${title}`, title, customerIds.get(others[0] ?? '') ?? null);
  })();
  // Years of chat go in as transactions of INGEST_BATCH_MAX messages, the event loop free between
  // them: the app keeps answering during a long import. A batch is all or nothing; importing the
  // same file again after a failure adds only what is missing (each message's id comes from its content).
  const insertBatch = ctx.db.transaction((batch: ParsedChat['messages']) => {
    for (const message of batch) {
      // The same line twice in one file is two messages; the same file twice adds nothing.
      const key = `${title}|${message.sentAt}|${message.author}|${message.text}`;
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      const externalId = `export:${crypto.createHash('sha1').update(`${key}|${occurrence}`).digest('hex')}`;
      const id = repo.insertMessage(ctx.db, {
        conversationId,
        channel: args.channel,
        externalId,
        direction: message.author === seller ? 'out' : 'in',
        author: message.author,
        text: message.text,
        sentAt: message.sentAt,
      });
      if (id === null) duplicates += 1;
      else messages += 1;
    }
    // Imported history is old news: it should not light up the inbox as unread.
    repo.markRead(ctx.db, conversationId);
  });
  for (let start = 0; start < chat.messages.length; start += INGEST_BATCH_MAX) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    insertBatch(chat.messages.slice(start, start + INGEST_BATCH_MAX));
  }
  if (messages > 0) ctx.emit('inbox.message', { conversationId, messageId: 0 });
  return { ...base, isCommitted: true, messages, customers, duplicates };
};
