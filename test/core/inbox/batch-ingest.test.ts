import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import type { AdapterFactory } from '../../../electron/core/channels/adapter';
import { coreClient } from '../../../electron/core/client';
import type { AppEvent } from '../../../shared/api/contract';
import { INGEST_BATCH_MAX } from '../../../shared/api/methods/inbox';
import { makeTempDir } from '../../helpers/tmp';

const NOW = Date.UTC(2026, 10, 21, 15);
const clock = () => NOW;

/** A day of chats: new and known customers, three channels, the seller's echoes, redeliveries, BAJA and ALTA. */
const dayOfMessages = (count: number) =>
  Array.from({ length: count }, (_, i) => {
    const n = i % 13 === 12 ? i - 1 : i; // a redelivery of the message before
    const channel = (['whatsapp', 'instagram', 'facebook'] as const)[n % 3] ?? 'whatsapp';
    const person = n % 37;
    const sender = channel === 'whatsapp' ? `5198${String(1_000_000 + person).slice(1)}` : `user${person}`;
    const isEcho = n % 11 === 5;
    const texts = ['hola, tienes el labial rojo?', 'BAJA', 'me separas 2 xfa', 'ALTA', 'ya te yapee 😊', 'STOP'];
    return {
      channel,
      via: n % 4 === 0 ? undefined : ('demo' as const),
      conversationExternalId: channel === 'whatsapp' ? `${sender}@c.us` : `t-${sender}`,
      messageExternalId: `m-${n}`,
      direction: isEcho ? ('out' as const) : ('in' as const),
      author: isEcho ? 'Tienda' : `Clienta ${person}`,
      senderExternalId: isEcho ? '' : sender,
      text: texts[n % texts.length] ?? '',
      sentAt: NOW - 60_000 + n,
    };
  });

/** Every table of the ledger, row by row, in a fixed order (some tables have no rowid). */
const dump = (core: Core): Record<string, unknown[]> => {
  const tables = core.db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
  const rowsOf = (table: string) => core.db.prepare(`SELECT * FROM "${table}"`).all().map((row) => JSON.stringify(row)).sort();
  return Object.fromEntries(tables.map((table) => [table, rowsOf(table)]));
};

describe('ingest in batches', () => {
  const opened: { core: Core; cleanup: () => void }[] = [];
  const open = (adapters = {}) => {
    const tmp = makeTempDir();
    const core = createCore({ dataDir: tmp.dir, clock, isOutboxTimerEnabled: false, channelAdapters: adapters });
    opened.push({ core, cleanup: tmp.cleanup });
    return core;
  };
  afterEach(() => {
    for (const { core, cleanup } of opened.splice(0)) {
      core.close();
      cleanup();
    }
  });

  it('leaves exactly the same ledger as the same messages one by one, and says the same of each', async () => {
    const messages = dayOfMessages(700);
    const single = open();
    const batched = open();
    const one = coreClient(single);
    const many = coreClient(batched);
    await one.call('channels.connect', { kind: 'demo' });
    await many.call('channels.connect', { kind: 'demo' });
    const singleResults = [];
    for (const message of messages) singleResults.push(await one.call('inbox.ingestMessage', message));
    const batchResults = [];
    for (let start = 0; start < messages.length; start += INGEST_BATCH_MAX) {
      batchResults.push(...(await many.call('inbox.ingestMessages', { messages: messages.slice(start, start + INGEST_BATCH_MAX) })).items);
    }
    expect(batchResults).toEqual(singleResults);
    const [a, b] = [dump(single), dump(batched)];
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const table of Object.keys(a)) expect(b[table], table).toEqual(a[table]);
    // The rules did run: customers, the seller's echo, redeliveries, BAJA with its one confirmation on a live chat.
    expect(a.customers?.length).toBe(37 * 3);
    expect(batchResults.filter((r) => !r.isNew).length).toBeGreaterThan(40);
    expect(a.outbox?.length).toBeGreaterThan(0);
    expect(batched.db.prepare("SELECT count(*) FROM customers WHERE promo_consent = 'opted_out'").pluck().get()).toBeGreaterThan(0);
  });

  it('refuses more than the batch limit and an empty batch, saving nothing', async () => {
    const core = open();
    const api = coreClient(core);
    const tooMany = await core.dispatch('inbox.ingestMessages', { messages: dayOfMessages(INGEST_BATCH_MAX + 1) });
    expect(tooMany.ok ? '' : tooMany.error.code).toBe('invalid_input');
    const empty = await core.dispatch('inbox.ingestMessages', { messages: [] });
    expect(empty.ok ? '' : empty.error.code).toBe('invalid_input');
    expect((await api.call('inbox.listConversations', {})).items).toEqual([]);
  });

  it('a failure in the middle of a batch leaves nothing half-written and tells no one', async () => {
    const core = open();
    const api = coreClient(core);
    await api.call('inbox.ingestMessages', { messages: dayOfMessages(20) });
    const before = dump(core);
    const events: AppEvent[] = [];
    core.events.subscribe((event) => events.push(event));
    // The 300th insert fails inside SQLite, as a full disk or an I/O error would.
    core.db.exec("CREATE TEMP TRIGGER boom BEFORE INSERT ON messages WHEN NEW.external_id = 'm-320' BEGIN SELECT RAISE(ABORT, 'boom'); END");
    const result = await core.dispatch('inbox.ingestMessages', { messages: dayOfMessages(INGEST_BATCH_MAX).slice(20) });
    expect(result.ok).toBe(false);
    expect(dump(core)).toEqual(before);
    expect(events).toEqual([]);
  });

  it('tells listeners of every new message once the batch is saved, and opts out who wrote BAJA', async () => {
    const core = open();
    const api = coreClient(core);
    const events: AppEvent[] = [];
    core.events.subscribe((event) => events.push(event));
    const messages = dayOfMessages(60);
    const { items } = await api.call('inbox.ingestMessages', { messages });
    const newOnes = items.filter((item) => item.isNew);
    expect(events.filter((e) => e.type === 'inbox.message').map((e) => e.payload)).toEqual(newOnes.map(({ conversationId, messageId }) => ({ conversationId, messageId })));
    // Person 1 wrote BAJA last (message 1 on WhatsApp, then 'ALTA' and 'STOP' on other channels as other people).
    const lastWords = new Map<string, string>();
    for (const m of messages) if (m.direction === 'in' && m.channel === 'whatsapp') lastWords.set(m.senderExternalId, m.text);
    for (const [sender, text] of lastWords) {
      const customerId = core.db.prepare<[string], number>("SELECT customer_id FROM customer_identities WHERE channel = 'whatsapp' AND external_id = ?").pluck().get(sender);
      const consent = core.db.prepare<[number], string>('SELECT promo_consent FROM customers WHERE id = ?').pluck().get(customerId ?? 0);
      if (text === 'BAJA' || text === 'STOP') expect(consent, `${sender} wrote ${text}`).toBe('opted_out');
      if (text === 'ALTA') expect(consent, `${sender} wrote ${text}`).toBe('opted_in');
    }
  });

  it('a burst from a channel goes in as batches; a message the API refuses does not keep the others out', async () => {
    let deliver: ((n: number) => Promise<{ isNew: boolean }[]>) | undefined;
    const burst: AdapterFactory = (hooks) => {
      deliver = (n) =>
        Promise.all(
          Array.from({ length: n }, (_, i) =>
            hooks.onMessage({ channel: 'whatsapp', conversationExternalId: `51977${String(100_000 + (i % 40)).slice(1)}@c.us`, messageExternalId: `burst-${i}`, direction: 'in', author: `Clienta ${i % 40}`, senderExternalId: `51977${String(100_000 + (i % 40)).slice(1)}`, text: i === 7 ? 'x'.repeat(20_001) : `hola ${i}`, sentAt: NOW - 1000 + i }),
          ),
        );
      return {
        connect: async () => hooks.onStatus({ status: 'ready', account: 'burst' }),
        answerPrompt: async () => undefined,
        disconnect: async () => undefined,
        sendDirect: async () => ({ externalId: 'x', sentAt: NOW }),
      };
    };
    const core = open({ demo: burst });
    const api = coreClient(core);
    await api.call('channels.connect', { kind: 'demo' });
    const wal = path.join(core.dataDir, 'chasqui.db-wal');
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const results = await (deliver ?? (() => Promise.resolve([])))(600);
    expect(results.filter((r) => r.isNew).length).toBe(599);
    expect(results[7]).toEqual({ isNew: false });
    expect(core.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(599);
    // One transaction per message writes at least a page each to the log (599 or more); two batches and the refused one write a few dozen.
    const pageSize = Number(core.db.pragma('page_size', { simple: true }));
    expect(fs.statSync(wal).size / pageSize).toBeLessThan(150);
  });
  it('a long chat import goes in batch by batch; after a failure, importing the file again completes it without duplicates', async () => {
    const core = open();
    const api = coreClient(core);
    const lines = Array.from({ length: 1_203 }, (_, i) => `04/03/26, ${String(8 + Math.floor(i / 60) % 12).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} - ${i % 3 === 0 ? 'Karina' : 'Lucía'}: mensaje ${i}`);
    const file = { fileName: 'Chat de WhatsApp con Lucía.txt', dataBase64: Buffer.from(lines.join('\n')).toString('base64'), sellerName: 'Karina' };
    // The second batch fails inside SQLite in its middle: the first batch stays, whole; nothing of the second does.
    core.db.exec("CREATE TEMP TRIGGER boom BEFORE INSERT ON messages WHEN NEW.text = 'mensaje 600' BEGIN SELECT RAISE(ABORT, 'boom'); END");
    const failed = await core.dispatch('inbox.importChatExport', file);
    expect(failed.ok).toBe(false);
    expect(core.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(INGEST_BATCH_MAX);
    expect(core.db.prepare('SELECT sum(unread_count) FROM conversations').pluck().get()).toBe(0);
    core.db.exec('DROP TRIGGER boom');
    const again = await api.call('inbox.importChatExport', file);
    expect(again).toMatchObject({ isCommitted: true, messages: 1_203 - INGEST_BATCH_MAX, duplicates: INGEST_BATCH_MAX, customers: 0 });
    expect(core.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(1_203);
    const once = await api.call('inbox.importChatExport', file);
    expect(once).toMatchObject({ messages: 0, duplicates: 1_203 });
  });
});
