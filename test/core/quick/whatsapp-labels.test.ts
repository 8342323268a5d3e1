import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Chat from 'whatsapp-web.js/src/structures/Chat';
import Label from 'whatsapp-web.js/src/structures/Label';
import Message from 'whatsapp-web.js/src/structures/Message';
import { MessageMedia } from 'whatsapp-web.js';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { createWhatsAppAdapter, type WaClient } from '../../../electron/core/channels/whatsapp';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';
import { makePhotoBase64 } from '../../helpers/photos';
import { waitFor } from '../../helpers/waitFor';

const SELF = '51987654321';
const PATTY = '51933221100@c.us';

/**
 * Stands in for whatsapp-web.js's Client at its edge (what it would read from WhatsApp Web in the
 * browser): the library's own Label and Chat structures are built on it, so Label.getChats,
 * Chat.getLabels and Chat.changeLabels run the library's code.
 */
const createFakeBusinessClient = () => {
  const emitter = new EventEmitter();
  const sent: { chatId: string; content: unknown; options: unknown }[] = [];
  const phoneLabels = [
    { id: '1', name: 'Nuevo cliente', hexColor: '#FF9485' },
    { id: '5', name: 'Pedido listo', hexColor: '#64C4FF' },
    { id: '9', name: 'Personal', hexColor: '#A62C71' },
  ];
  const labelsOfChat = new Map<string, string[]>([[PATTY, ['5', '9']]]);
  const changes: { labelIds: string[]; chatIds: string[] }[] = [];
  const client = Object.assign(emitter, {
    info: { wid: { user: SELF } },
    initialize: async () => undefined,
    destroy: async () => undefined,
    logout: async () => undefined,
    sendMessage: async (chatId: string, content: unknown, options?: unknown) => {
      sent.push({ chatId, content, options });
      return new Message(client, {
        id: { fromMe: true, remote: chatId, id: `OUT${sent.length}`, _serialized: `true_${chatId}_OUT${sent.length}` },
        body: '',
        type: 'image',
        t: 1_763_740_000 + sent.length,
        from: `${SELF}@c.us`,
        to: chatId,
      });
    },
    getChatById: async (id: string) => new Chat(client, { id: { _serialized: id }, formattedTitle: 'Patty', isGroup: false }),
    getLabels: async () => phoneLabels.map((data) => new Label(client, data)),
    getChatsByLabelId: async (labelId: string) =>
      [...labelsOfChat.entries()].filter(([, ids]) => ids.includes(labelId)).map(([id]) => new Chat(client, { id: { _serialized: id }, isGroup: false })),
    getChatLabels: async (chatId: string) => phoneLabels.filter((l) => labelsOfChat.get(chatId)?.includes(l.id)).map((data) => new Label(client, data)),
    addOrRemoveLabels: async (labelIds: string[], chatIds: string[]) => {
      changes.push({ labelIds, chatIds });
      for (const chatId of chatIds) labelsOfChat.set(chatId, labelIds.map(String));
    },
    link: () => emitter.emit('ready'),
    sent,
    changes,
    labelsOfChat,
    phoneLabels,
  });
  return client;
};

describe('WhatsApp Business labels and photos through whatsapp-web.js', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core;
  let api: ApiClient;
  let fake: ReturnType<typeof createFakeBusinessClient>;

  beforeEach(async () => {
    tmp = makeTempDir();
    fake = createFakeBusinessClient();
    core = createCore({ dataDir: tmp.dir, clock: () => 1_763_740_100_000, isOutboxTimerEnabled: false, labelSyncEveryMs: 50, channelAdapters: { whatsapp: createWhatsAppAdapter({ createClient: (): WaClient => fake }) } });
    api = coreClient(core);
    const chrome = path.join(tmp.dir, 'chrome');
    fs.writeFileSync(chrome, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    expect(core.chooseBrowser(chrome)).toMatchObject({ ok: true });
    await api.call('channels.connect', { kind: 'whatsapp' });
    fake.link();
    await waitFor(async () => (await api.call('channels.list', {})).items.find((c) => c.kind === 'whatsapp' && c.status === 'ready'));
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  const pattyWrites = () =>
    api.call('inbox.ingestMessage', {
      channel: 'whatsapp',
      conversationExternalId: PATTY,
      messageExternalId: 'wamid.P1',
      direction: 'in',
      author: 'Patty Salazar',
      senderExternalId: '51933221100',
      text: 'hola',
      sentAt: 1_763_740_000_000,
      via: 'whatsapp',
    });

  it('offers the phone labels, imports them with their chats, and writes changes back keeping her other labels', async () => {
    const { conversationId } = await pattyWrites();
    const offered = await api.call('labels.phoneLabels', {});
    expect(offered.items).toEqual([
      { waLabelId: '1', name: 'Nuevo cliente', color: '#ff9485', chats: 0, labelId: expect.any(Number) },
      { waLabelId: '5', name: 'Pedido listo', color: '#64c4ff', chats: 1, labelId: null },
      { waLabelId: '9', name: 'Personal', color: '#a62c71', chats: 1, labelId: null },
    ]);

    // "Nuevo cliente" matches her starter label "nuevo cliente": it becomes its mirror, not a copy.
    expect(await api.call('labels.importPhone', { waLabelIds: ['1', '5'] })).toEqual({ imported: 1, assigned: 1 });
    const labels = (await api.call('labels.list', {})).items;
    const listo = labels.find((l) => l.name === 'Pedido listo');
    const nuevo = labels.find((l) => l.name === 'nuevo cliente');
    expect([listo?.waLabelId, nuevo?.waLabelId]).toEqual(['5', '1']);
    expect((await api.call('inbox.listConversations', { labelId: listo?.id })).items.map((c) => c.id)).toEqual([conversationId]);

    const set = await api.call('labels.set', { target: 'conversation', id: conversationId, labelIds: [nuevo?.id ?? 0] });
    expect(set.phone).toBe('synced');
    // "Personal" is not one of hers in Chasqui: it stays on the phone.
    expect(fake.changes.at(-1)).toEqual({ labelIds: ['9', '1'], chatIds: [PATTY] });
    expect(fake.labelsOfChat.get(PATTY)).toEqual(['9', '1']);
  });

  it('sends a product card as a real MessageMedia with the text as its caption', async () => {
    const { conversationId } = await pattyWrites();
    const photo = await api.call('media.upload', { fileName: 'serum.jpg', dataBase64: await makePhotoBase64('#ff9800') });
    const product = await api.call('catalog.createProduct', { name: 'Sérum de naranja', variants: [{ sku: 'SER-NAR', price: 3500 }], photoIds: [photo.id] });
    await api.call('quickReplies.sendProduct', { productId: product.id, conversationId });
    const [out] = fake.sent;
    expect(out?.chatId).toBe(PATTY);
    expect(out?.content).toBeInstanceOf(MessageMedia);
    expect(out?.content).toMatchObject({ mimetype: 'image/jpeg', filename: `${photo.id}.jpg` });
    expect(out?.options).toEqual({ caption: expect.stringMatching(/^Sérum de naranja\nS\/\s?35\.00$/) });
  });

  it('greets a first-time customer with the catalog PDF sent as a WhatsApp document', async () => {
    await api.call('catalog.createProduct', { name: 'Sérum de naranja', variants: [{ sku: 'SER-NAR', price: 3500, initialStock: 2 }] });
    await api.call('autoReplies.save', { ...(await api.call('autoReplies.get', {})), isGreetingEnabled: true, isCatalogPdfSent: true });
    await pattyWrites();
    await core.outbox.runDue();
    const [out] = fake.sent;
    expect(out?.chatId).toBe(PATTY);
    const media = out?.content;
    if (!(media instanceof MessageMedia)) throw new Error('the greeting went without its document');
    expect(media).toMatchObject({ mimetype: 'application/pdf', filename: expect.stringMatching(/^catalogo-.*\.pdf$/) });
    expect(Buffer.from(media.data, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(out?.options).toEqual({ sendMediaAsDocument: true, caption: expect.stringMatching(/^¡Hola Patty! Bienvenida/) });
  });

  it('brings label changes made on the phone in by itself, for the labels she imported only', async () => {
    const { conversationId } = await pattyWrites();
    await api.call('labels.importPhone', { waLabelIds: ['1', '5'] });
    const events: number[][] = [];
    core.events.subscribe((event) => (event.type === 'labels.changed' ? events.push(event.payload.conversationIds) : undefined));
    const names = async () => {
      const all = (await api.call('labels.list', {})).items;
      const on = (await api.call('labels.assigned', { target: 'conversation', ids: [conversationId] })).items[0]?.labelIds ?? [];
      return all.filter((l) => on.includes(l.id)).map((l) => l.name);
    };
    expect(await names()).toEqual(['Pedido listo']);
    // Her own label in Chasqui, with no phone twin, stays whatever the phone says.
    const labels = (await api.call('labels.list', {})).items;
    const [mine, listo] = ['mayorista', 'Pedido listo'].map((name) => labels.find((l) => l.name === name)?.id ?? 0);
    await api.call('labels.set', { target: 'conversation', id: conversationId, labelIds: [mine ?? 0, listo ?? 0] });

    // On the phone: "Pedido listo" off Patty, "Nuevo cliente" on. No event comes from whatsapp-web.js; the periodic read finds it.
    fake.labelsOfChat.set(PATTY, ['1', '9']);
    await waitFor(async () => ((await names()).includes('nuevo cliente') ? true : undefined));
    expect(await names()).toEqual(['mayorista', 'nuevo cliente']);
    expect(events.flat()).toContain(conversationId);

    // Deleted on the phone: Chasqui keeps the label (and where it is), no longer tied to the phone.
    fake.phoneLabels.splice(0, 1);
    await waitFor(async () => ((await api.call('labels.list', {})).items.find((l) => l.name === 'nuevo cliente')?.waLabelId === null ? true : undefined));
    expect(await names()).toEqual(['mayorista', 'nuevo cliente']);
  });
});
