import fs from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { inferDateOrder, parseWhatsAppExport } from '../../../electron/core/inbox/importers/whatsappText';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const peru = { locale: 'es-PE', timeZone: 'America/Lima' };
/** The first message of every fixture was written on 10 June 2020 at 18:02 in Lima. */
const june10 = Date.parse('2020-06-10T18:02:00-05:00');

const cases: [string, 'dmy' | 'mdy' | 'ymd', string, number][] = [
  ['android-en-us-12h-mdy.txt', 'mdy', '2020-06-13T09:15:00-05:00', 0],
  ['android-es-12h-mdy-4digit.txt', 'mdy', '2020-06-25T09:15:00-05:00', 0],
  ['ios-en-us-12h-mdy.txt', 'mdy', '2020-06-13T09:15:00-05:00', 11_000],
  ['android-es-24h-dmy.txt', 'dmy', '2020-10-13T09:15:00-05:00', 0],
  ['ios-es-24h-dmy-4digit.txt', 'dmy', '2020-10-13T09:15:00-05:00', 11_000],
  ['ios-24h-ymd.txt', 'ymd', '2020-06-13T09:15:00-05:00', 11_000],
];

describe('the date order of a WhatsApp export is read from the file', () => {
  it.each(cases)('%s is %s', (file, order, last, seconds) => {
    const chat = parseWhatsAppExport(fixture(file), peru);
    expect(chat.dateOrder).toEqual({ order, source: 'file' });
    expect(chat.skipped).toBe(0);
    const first = chat.messages[0]?.sentAt ?? 0;
    // Day-first fixtures mean 6 October; the others 10 June.
    expect(first).toBe(order === 'dmy' ? Date.parse('2020-10-06T18:02:00-05:00') + seconds : june10 + seconds);
    expect(chat.messages.at(-1)?.sentAt).toBe(Date.parse(last));
  });

  it('a month-first file is month-first even in a Peruvian shop: "6/10/20" is 10 June', () => {
    const chat = parseWhatsAppExport(fixture('android-en-us-12h-mdy.txt'), peru);
    expect(new Date(chat.messages[0]?.sentAt ?? 0).toISOString()).toBe('2020-06-10T23:02:00.000Z');
  });

  it("uses the shop's locale only when no date tells", () => {
    expect(parseWhatsAppExport(fixture('android-untold.txt'), peru).dateOrder).toEqual({ order: 'dmy', source: 'locale' });
    const us = parseWhatsAppExport(fixture('android-untold.txt'), { locale: 'en-US', timeZone: 'America/Lima' });
    expect(us.dateOrder).toEqual({ order: 'mdy', source: 'locale' });
    expect(us.messages[0]?.sentAt).toBe(june10);
  });

  it('the seller can flip the order', () => {
    const chat = parseWhatsAppExport(fixture('android-untold.txt'), { ...peru, dateOrder: 'mdy' });
    expect(chat.dateOrder).toEqual({ order: 'mdy', source: 'chosen' });
    expect(chat.messages[0]?.sentAt).toBe(june10);
  });

  it('weighs every date: most telling dates win, a file that never tells says nothing', () => {
    expect(inferDateOrder([['6', '10'], ['6', '13'], ['6', '14'], ['25', '6']])).toBe('mdy');
    expect(inferDateOrder([['06', '10'], ['11', '12']])).toBeNull();
    expect(inferDateOrder([['2020', '06']])).toBe('ymd');
  });
});

describe('importing with a date order', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core;
  let api: ApiClient;
  beforeEach(() => {
    tmp = makeTempDir();
    core = createCore({ dataDir: tmp.dir });
    api = coreClient(core);
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });
  const b64 = (text: string) => Buffer.from(text).toString('base64');

  it('the preview says the order it used and counts each participant apart; the switch flips it', async () => {
    const args = { fileName: 'Chat de WhatsApp con Andrea.txt', dataBase64: b64(fixture('android-untold.txt')), mode: 'preview' as const };
    const preview = await api.call('inbox.importChatExport', args);
    expect(preview.dateOrder).toEqual({ order: 'dmy', source: 'locale' });
    expect(preview.messagesByAuthor).toEqual([{ author: 'Andrea', messages: 1 }, { author: 'Karina', messages: 1 }]);
    const flipped = await api.call('inbox.importChatExport', { ...args, dateOrder: 'mdy' });
    expect(flipped.dateOrder).toEqual({ order: 'mdy', source: 'chosen' });
    await api.call('inbox.importChatExport', { ...args, mode: 'commit', sellerName: 'Karina', dateOrder: 'mdy' });
    const [conversation] = (await api.call('inbox.listConversations', {})).items;
    expect(conversation?.lastMessageAt).toBe(Date.parse('2020-06-10T18:05:00-05:00'));
  });

  it('refuses an unknown order', async () => {
    const result = await core.dispatch('inbox.importChatExport', { fileName: 'x.txt', dataBase64: b64(fixture('android-untold.txt')), mode: 'preview', dateOrder: 'dym' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'dateOrder' } });
  });

  it('an Instagram or Facebook file Chasqui cannot read is refused in words about that file', async () => {
    for (const channel of ['instagram', 'facebook'] as const) {
      const result = await api.request('inbox.importChatExport', { channel, fileName: 'message_1.json', dataBase64: b64('{"participants": [], "messages": "nope"}'), mode: 'preview' });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'path', details: { reason: 'no_readable_messages', channel } } });
      if (!result.ok) expect(result.error.message).toContain(channel === 'instagram' ? 'Instagram' : 'Facebook');
      if (!result.ok) expect(result.error.message).not.toContain('WhatsApp');
    }
    // The HTML "Download your information" has no message_N.json at all: the same words.
    const html = zipSync({ 'your_instagram_activity/messages/inbox/valeria_1/message_1.html': strToU8('<html>hola</html>') });
    const refused = await api.request('inbox.importChatExport', { channel: 'instagram', fileName: 'instagram.zip', dataBase64: Buffer.from(html).toString('base64'), mode: 'preview' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'path', details: { reason: 'no_readable_messages', channel: 'instagram' } } });
  });
});
