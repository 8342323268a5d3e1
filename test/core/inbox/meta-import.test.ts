import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { repairMojibake } from '../../../electron/core/inbox/importers/metaJson';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';

/** How Meta writes "¿tienes el sérum? 😍": each UTF-8 byte as one Latin-1 character. */
const mangle = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

const thread = (title: string, who: string, lines: [string, string, number][]) =>
  JSON.stringify({
    title: mangle(title),
    participants: [{ name: mangle(who) }, { name: 'Karina Cosméticos' }],
    messages: lines.map(([sender, content, ts]) => ({ sender_name: mangle(sender), timestamp_ms: ts, content: mangle(content) })).reverse(),
  });

describe('Instagram and Facebook "Download your information" imports', () => {
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

  it('repairs the mojibake and leaves correct text alone', () => {
    expect(repairMojibake(mangle('¿tienes el sérum? 😍 Ñuñoa'))).toBe('¿tienes el sérum? 😍 Ñuñoa');
    expect(repairMojibake('ya está bien')).toBe('ya está bien');
  });

  it('imports every thread of an Instagram zip once, oldest message first', async () => {
    const zip = zipSync({
      'your_instagram_activity/messages/inbox/valeria_123/message_1.json': strToU8(thread('Valeria Ríos', 'Valeria Ríos', [['Valeria Ríos', '¿tienes el sérum? 😍', 1000], ['Karina Cosméticos', 'Sí, a S/ 59', 2000]])),
      'your_instagram_activity/messages/inbox/miguel_456/message_1.json': strToU8(thread('Miguel Ángel', 'Miguel Ángel', [['Miguel Ángel', 'me separas el perfume?', 3000]])),
      'your_instagram_activity/media/photo.jpg': new Uint8Array([1, 2]),
    });
    const args = { channel: 'instagram' as const, fileName: 'instagram-karina.zip', dataBase64: Buffer.from(zip).toString('base64'), sellerName: 'Karina Cosméticos' };
    expect(await api.call('inbox.importChatExport', args)).toMatchObject({ conversations: 2, messages: 3, customers: 2, duplicates: 0 });
    expect(await api.call('inbox.importChatExport', args)).toMatchObject({ messages: 0, customers: 0, duplicates: 3 });
    const { items } = await api.call('inbox.listConversations', { channel: 'instagram' });
    const valeria = await api.call('inbox.getConversation', { id: items.find((c) => c.customerName === 'Valeria Ríos')?.id ?? 0 });
    expect(valeria.messages.map((m) => [m.direction, m.text])).toEqual([['in', '¿tienes el sérum? 😍'], ['out', 'Sí, a S/ 59']]);
  });

  it('refuses JSON that is not a message export', async () => {
    const result = await api.request('inbox.importChatExport', { channel: 'facebook', fileName: 'x.json', dataBase64: Buffer.from('{"hola": 1}').toString('base64'), sellerName: 'Karina' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'path' } });
  });
});
