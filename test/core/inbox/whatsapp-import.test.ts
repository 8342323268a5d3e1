import { zipSync, strToU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { parseWhatsAppExport } from '../../../electron/core/inbox/importers/whatsappText';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';

const lima = { locale: 'es-PE', timeZone: 'America/Lima' };
const at = (iso: string) => Date.parse(iso);

const layouts: [string, string, { author: string; text: string; sentAt: number }][] = [
  ['Android, Spanish, 24 h', '04/03/26, 09:30 - Lucía: hola! me separas 2 labiales?', { author: 'Lucía', text: 'hola! me separas 2 labiales?', sentAt: at('2026-03-04T09:30:00-05:00') }],
  ['Android, Spanish, 12 h', '4/3/26, 9:30\u202fp.\u00a0m. - Lucía: ya te yapeé 👍', { author: 'Lucía', text: 'ya te yapeé 👍', sentAt: at('2026-03-04T21:30:00-05:00') }],
  ['iOS, Spanish, seconds', '[04/03/26, 21:30:15] Karina Cosméticos: Listo, separado 💄', { author: 'Karina Cosméticos', text: 'Listo, separado 💄', sentAt: at('2026-03-04T21:30:15-05:00') }],
  ['iOS, English, 12 h', '[4/3/26, 9:30:15 PM] Lucía: thanks!', { author: 'Lucía', text: 'thanks!', sentAt: at('2026-03-04T21:30:15-05:00') }],
  ['Android, Portuguese, 4-digit year', '04/03/2026 09:30 - Lucía: obrigada', { author: 'Lucía', text: 'obrigada', sentAt: at('2026-03-04T09:30:00-05:00') }],
  ['a day over 12 forces day-first', '25/03/26, 10:00 - Lucía: hola', { author: 'Lucía', text: 'hola', sentAt: at('2026-03-25T10:00:00-05:00') }],
];

describe('WhatsApp "Export chat" layouts', () => {
  it.each(layouts)('%s', (_label, line, expected) => {
    const chat = parseWhatsAppExport(line, lima);
    expect(chat.messages[0]).toMatchObject(expected);
  });

  it('reads month-first dates for a US shop', () => {
    const chat = parseWhatsAppExport('3/4/26, 9:30 PM - Lucy: hi', { locale: 'en-US', timeZone: 'America/New_York' });
    expect(new Date(chat.messages[0]?.sentAt ?? 0).toISOString()).toBe('2026-03-05T02:30:00.000Z');
  });

  it('joins continuation lines, drops system notices and notes attachments', () => {
    const chat = parseWhatsAppExport(
      [
        '04/03/26, 09:00 - Los mensajes y las llamadas están cifrados de extremo a extremo.',
        '04/03/26, 09:30 - Lucía: quiero:',
        '- 2 labiales',
        '- 1 rímel',
        '04/03/26, 09:31 - Lucía: <Multimedia omitido>',
        '04/03/26, 09:32 - Lucía: IMG-20260304-WA0001.jpg (archivo adjunto)',
      ].join('\n'),
      lima,
    );
    expect(chat.messages.map((m) => m.text)).toEqual(['quiero:\n- 2 labiales\n- 1 rímel', '<Multimedia omitido>', 'IMG-20260304-WA0001.jpg (archivo adjunto)']);
    expect(chat.messages.map((m) => m.hasAttachment)).toEqual([false, true, true]);
  });
});

describe('importing a chat export', () => {
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

  const chat = ['04/03/26, 09:30 - Lucía: hola! me separas 2 labiales rojo pasión?', '04/03/26, 09:35 - Karina: claro!', '04/03/26, 09:36 - Lucía: gracias 😘', '04/03/26, 09:36 - Lucía: gracias 😘'].join('\n');
  const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

  it('previews, then imports once: a second import adds nothing', async () => {
    const preview = await api.call('inbox.importChatExport', { fileName: 'Chat de WhatsApp con Lucía.txt', dataBase64: b64(chat), mode: 'preview' });
    expect(preview).toMatchObject({ isCommitted: false, title: 'Lucía', authors: ['Lucía', 'Karina'], messages: 4 });
    expect((await api.call('inbox.listConversations', {})).items).toHaveLength(0);
    const needsSeller = await api.request('inbox.importChatExport', { fileName: 'x.txt', dataBase64: b64(chat) });
    expect(needsSeller).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'sellerName' } });

    const first = await api.call('inbox.importChatExport', { fileName: 'Chat de WhatsApp con Lucía.txt', dataBase64: b64(chat), sellerName: 'Karina' });
    expect(first).toMatchObject({ isCommitted: true, messages: 4, customers: 1, duplicates: 0 });
    const again = await api.call('inbox.importChatExport', { fileName: 'Chat de WhatsApp con Lucía.txt', dataBase64: b64(chat), sellerName: 'Karina' });
    expect(again).toMatchObject({ messages: 0, customers: 0, duplicates: 4 });
    const [conversation] = (await api.call('inbox.listConversations', {})).items;
    const full = await api.call('inbox.getConversation', { id: conversation?.id ?? 0 });
    expect(full.customerName).toBe('Lucía');
    expect(full.messages.map((m) => m.direction)).toEqual(['in', 'out', 'in', 'in']);
  });

  it('reads a .zip with attachments, and what it can of a damaged one', async () => {
    const zip = zipSync({ '_chat.txt': strToU8(chat), 'IMG-0001.jpg': new Uint8Array([1, 2, 3]) });
    const result = await api.call('inbox.importChatExport', { fileName: 'WhatsApp Chat - Lucía.zip', dataBase64: b64(zip), sellerName: 'Karina' });
    expect(result).toMatchObject({ messages: 4, attachments: 1, skipped: 0 });
    const damaged = zip.slice(0, zip.length - 40);
    const partial = await api.call('inbox.importChatExport', { fileName: 'otro.zip', dataBase64: b64(damaged), sellerName: 'Karina', mode: 'preview' });
    expect(partial.messages).toBe(4);
  });

  it('refuses a file that is no chat export and adds nothing', async () => {
    const result = await api.request('inbox.importChatExport', { fileName: 'lista.txt', dataBase64: b64('labiales\nrímel\nesmaltes'), sellerName: 'Karina' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'path' } });
    expect(await api.request('inbox.importChatExport', { path: '/no/such/file.txt', sellerName: 'Karina' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'path' } });
    expect((await api.call('inbox.listConversations', {})).items).toHaveLength(0);
  });
});
