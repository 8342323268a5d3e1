import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Message from 'whatsapp-web.js/src/structures/Message';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { createWhatsAppAdapter, type WaClient, type WaMessage } from '../../../electron/core/channels/whatsapp';
import { findBrowser } from '../../../electron/core/channels/browser';
import { writeSettings } from '../../../electron/core/settings/repo';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';
import { makePhotoBase64 } from '../../helpers/photos';
import { waitFor } from '../../helpers/waitFor';

const SELF = '51987654321';

/** Raw message data as WhatsApp Web's store holds it (what whatsapp-web.js reads through puppeteer). */
const raw = (o: { id: string; from: string; to: string; fromMe?: boolean; body?: string; type?: string; t: number; notifyName?: string; directPath?: string; caption?: string }) => ({
  id: { fromMe: o.fromMe ?? false, remote: o.fromMe ? o.to : o.from, id: o.id, _serialized: `${o.fromMe ? 'true' : 'false'}_${o.fromMe ? o.to : o.from}_${o.id}` },
  body: o.body ?? '',
  type: o.type ?? 'chat',
  t: o.t,
  notifyName: o.notifyName ?? '',
  from: o.from,
  to: o.to,
  self: o.fromMe ? 'out' : 'in',
  ack: 1,
  isNewMsg: true,
  star: false,
  isForwarded: false,
  hasReaction: false,
  broadcast: false,
  mentionedJidList: [],
  groupMentions: [],
  links: [],
  ...(o.directPath ? { directPath: o.directPath, mimetype: 'image/jpeg', caption: o.caption ?? '' } : {}),
});

/**
 * Stands in for whatsapp-web.js's Client: instead of driving WhatsApp Web in a browser it emits the
 * events the library emits, with real Message objects built from raw data. Its pupPage answers the
 * one browser call Message.downloadMedia makes.
 */
const createFakeClient = () => {
  const emitter = new EventEmitter();
  const sent: { chatId: string; content: unknown }[] = [];
  let photo = '';
  const contacts = new Map<string, { number: string; pushname: string }>();
  const client = Object.assign(emitter, {
    info: { wid: { user: SELF } },
    pupPage: { evaluate: async () => ({ data: photo, mimetype: 'image/jpeg', filename: 'foto.jpg', filesize: 10 }) },
    getContactById: async (id: string) => contacts.get(id) ?? { number: '', pushname: '' },
    initialize: async () => {
      emitter.emit('qr', '2@abcDEF123,xyz,456=');
    },
    destroy: async () => undefined,
    logout: async () => undefined,
    sendMessage: async (chatId: string, content: unknown) => {
      sent.push({ chatId, content });
      return new Message(client, raw({ id: `OUT${sent.length}`, from: `${SELF}@c.us`, to: chatId, fromMe: true, body: String(content), t: 1_763_740_000 + sent.length }));
    },
    getChatById: async () => ({ fetchMessages: async () => [] }),
    // Test controls: what the phone and WhatsApp's servers would do.
    link: () => emitter.emit('ready'),
    receive: (data: ReturnType<typeof raw>) => {
      const message: WaMessage = new Message(client, data);
      emitter.emit('message', message);
      emitter.emit('message_create', message);
    },
    setPhoto: (base64: string) => (photo = base64),
    addContact: (id: string, number: string, pushname: string) => contacts.set(id, { number, pushname }),
    sent,
  });
  return client;
};

describe('WhatsApp through whatsapp-web.js (a fake client emitting real Message objects)', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core;
  let api: ApiClient;
  let fake: ReturnType<typeof createFakeClient>;
  beforeEach(async () => {
    tmp = makeTempDir();
    fake = createFakeClient();
    core = createCore({
      dataDir: tmp.dir,
      channelAdapters: { whatsapp: createWhatsAppAdapter({ createClient: (): WaClient => fake }) },
    });
    api = coreClient(core);
    // A launcher named like Chrome stands in for the browser, picked as in the desktop's file dialog: the fake client never starts it.
    const chrome = path.join(tmp.dir, 'chrome');
    fs.writeFileSync(chrome, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    expect(core.chooseBrowser(chrome)).toMatchObject({ ok: true });
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  it('shows the QR to scan, then is ready with the linked number', async () => {
    await api.call('channels.connect', { kind: 'whatsapp' });
    const asking = await waitFor(async () => (await api.call('channels.list', {})).items.find((c) => c.kind === 'whatsapp' && c.prompt));
    expect(asking.status).toBe('needs_auth');
    expect(asking.prompt?.kind).toBe('qr');
    expect(asking.prompt?.data).toMatch(/^data:image\/png;base64,/);
    fake.link();
    expect((await api.call('channels.list', {})).items.find((c) => c.kind === 'whatsapp')).toMatchObject({ status: 'ready', account: `+${SELF}`, prompt: null });
  });

  it('takes live messages (phone and @lid chats, photos), ignores groups and Status, and ingests each once', async () => {
    await api.call('channels.connect', { kind: 'whatsapp' });
    fake.link();
    fake.setPhoto(await makePhotoBase64('#8e24aa'));
    fake.addContact('204885592711234@lid', '51944556677', 'Valeria');
    fake.receive(raw({ id: 'A1', from: '51933221100@c.us', to: `${SELF}@c.us`, body: 'buenas, cuanto esta el serum? 🍊', t: 1_763_740_000, notifyName: 'Patty Salazar' }));
    fake.receive(raw({ id: 'A2', from: '51933221100@c.us', to: `${SELF}@c.us`, type: 'image', t: 1_763_740_010, notifyName: 'Patty Salazar', directPath: '/v/t62/abc', caption: 'este mismo' }));
    fake.receive(raw({ id: 'B1', from: '204885592711234@lid', to: `${SELF}@c.us`, body: 'hola soy valeria 🙋‍♀️', t: 1_763_740_020, notifyName: '' }));
    fake.receive(raw({ id: 'G1', from: '120363025555555555@g.us', to: `${SELF}@c.us`, body: 'grupo de la familia', t: 1_763_740_030 }));
    fake.receive(raw({ id: 'S1', from: 'status@broadcast', to: `${SELF}@c.us`, body: 'estado', t: 1_763_740_040 }));
    fake.receive(raw({ id: 'A1', from: '51933221100@c.us', to: `${SELF}@c.us`, body: 'buenas, cuanto esta el serum? 🍊', t: 1_763_740_000, notifyName: 'Patty Salazar' }));

    const items = await waitFor(async () => {
      const list = (await api.call('inbox.listConversations', {})).items;
      return list.length === 2 && list;
    });
    // The photo's message may still be on its way (sharp loads on first use); then nothing more comes.
    await waitFor(async () => core.db.prepare('SELECT count(*) FROM messages').pluck().get() === 3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(core.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(3);
    const patty = await api.call('inbox.getConversation', { id: items.find((c) => c.title === 'Patty Salazar')?.id ?? 0 });
    expect(patty.messages.map((m) => m.text)).toEqual(['buenas, cuanto esta el serum? 🍊', 'este mismo']);
    expect(patty.messages[1]?.photos).toHaveLength(1);
    const customers = await api.call('customers.list', {});
    expect(customers.items.map((c) => [c.name, c.phone]).sort()).toEqual([
      ['Patty Salazar', '+51933221100'],
      ['Valeria', '+51944556677'],
    ]);
  });

  it('replies to the chat the customer used, and records the echo only once', async () => {
    await api.call('channels.connect', { kind: 'whatsapp' });
    fake.link();
    fake.receive(raw({ id: 'A1', from: '51933221100@c.us', to: `${SELF}@c.us`, body: 'hola', t: 1_763_740_000, notifyName: 'Patty' }));
    const conversation = await waitFor(async () => (await api.call('inbox.listConversations', {})).items[0]);
    const sent = await api.call('inbox.sendMessage', { conversationId: conversation.id, text: 'Hola Patty 😊' });
    expect(fake.sent).toEqual([{ chatId: '51933221100@c.us', content: 'Hola Patty 😊' }]);
    // whatsapp-web.js also emits message_create for what we sent.
    const echo = new Message(fake, raw({ id: 'OUT1', from: `${SELF}@c.us`, to: '51933221100@c.us', fromMe: true, body: 'Hola Patty 😊', t: 1_763_740_001 }));
    fake.emit('message_create', echo);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const opened = await api.call('inbox.getConversation', { id: conversation.id });
    expect(opened.messages.filter((m) => m.direction === 'out').map((m) => m.id)).toEqual([sent.messageId]);
  });

  it('goes offline and reconnects on its own after a drop; a logout asks to link again', async () => {
    core.close();
    fake = createFakeClient();
    let starts = 0;
    core = createCore({
      dataDir: tmp.dir,
      channelAdapters: { whatsapp: createWhatsAppAdapter({ createClient: () => ((starts += 1), fake), reconnectDelaysMs: [10] }) },
    });
    api = coreClient(core);
    await api.call('channels.connect', { kind: 'whatsapp' });
    fake.link();
    fake.emit('disconnected', 'NAVIGATION');
    expect((await api.call('channels.list', {})).items.find((c) => c.kind === 'whatsapp')?.status).toBe('offline');
    await waitFor(() => starts === 2);
    fake.link();
    expect((await api.call('channels.list', {})).items.find((c) => c.kind === 'whatsapp')?.status).toBe('ready');
    fake.emit('disconnected', 'LOGOUT');
    expect((await api.call('channels.list', {})).items.find((c) => c.kind === 'whatsapp')?.status).toBe('needs_auth');
  });

  it('posts a promotion image to WhatsApp Status', async () => {
    await api.call('channels.connect', { kind: 'whatsapp' });
    fake.link();
    const image = Buffer.from(await makePhotoBase64('#c2185b', 200), 'base64');
    const posted = await core.channels.publish('whatsapp', { kind: 'status', text: '2x1 en labiales 💄', image });
    expect(posted.externalId).toMatch(/^true_status@broadcast_OUT1$/);
    const [sent] = fake.sent;
    expect(sent?.chatId).toBe('status@broadcast');
    expect(sent?.content).toMatchObject({ mimetype: 'image/jpeg', data: image.toString('base64') });
  });

  it('explains when no browser is found instead of downloading one', async () => {
    writeSettings(core.db, { browserPath: '/nowhere/chrome' });
    await expect(api.call('channels.connect', { kind: 'whatsapp' })).rejects.toMatchObject({ code: 'browser_not_found' });
    expect(findBrowser('', 'win32', { PROGRAMFILES: 'C:\\nowhere' })).toEqual({ isFound: false, tried: expect.arrayContaining(['C:\\nowhere\\Google\\Chrome\\Application\\chrome.exe']) });
    // A pairing number is read with the shop's country first: "12" is refused before any browser is looked for.
    await expect(api.call('channels.connect', { kind: 'whatsapp', method: 'phone', phone: '12' })).rejects.toMatchObject({ code: 'invalid_input', field: 'phone' });
    await expect(api.call('channels.connect', { kind: 'whatsapp', method: 'phone', phone: '987 654 321' })).rejects.toMatchObject({ code: 'browser_not_found' });
  });
});
