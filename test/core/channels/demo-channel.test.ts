import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { createDemoAdapter } from '../../../electron/core/channels/demo';
import type { ApiClient } from '../../../shared/api/client';
import type { AppEvent } from '../../../shared/api/contract';
import { ChasquiError } from '../../../shared/api/errors';
import { makeTempDir } from '../../helpers/tmp';
import { waitFor } from '../../helpers/waitFor';

const HOUR = 3_600_000;

describe('channels with the demo channel', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core;
  let api: ApiClient;
  let now = Date.UTC(2026, 10, 21, 15);
  const events: AppEvent[] = [];
  const open = () => {
    core = createCore({
      dataDir: tmp.dir,
      clock: () => now,
      channelAdapters: { demo: createDemoAdapter({ firstDelayMs: 5, intervalMs: 15, answerDelayMs: 5 }) },
    });
    core.events.subscribe((event) => events.push(event));
    api = coreClient(core);
  };
  beforeEach(() => {
    tmp = makeTempDir();
    events.length = 0;
    now = Date.UTC(2026, 10, 21, 15);
    open();
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  it('lists every channel, not connected, with where secrets are kept', async () => {
    const list = await api.call('channels.list', {});
    expect(list.items.map((c) => [c.kind, c.status])).toEqual([
      ['whatsapp', 'not_connected'],
      ['instagram', 'not_connected'],
      ['facebook', 'not_connected'],
      ['demo', 'not_connected'],
    ]);
    expect(list).toMatchObject({ secretStorage: 'local_key', isSecretStorageSecure: false });
  });

  it('delivers customers into the inbox, replies go out and the customer answers', async () => {
    const state = await api.call('channels.connect', { kind: 'demo' });
    expect(state.status).toBe('ready');
    expect(events.some((e) => e.type === 'channels.status' && e.payload.status === 'ready')).toBe(true);

    const conversations = await waitFor(async () => {
      const { items } = await api.call('inbox.listConversations', {});
      return items.length >= 5 && items;
    }, 5000, 'the demo script');
    expect(new Set(conversations.map((c) => c.channel))).toEqual(new Set(['whatsapp', 'instagram', 'facebook']));

    const patty = conversations.find((c) => c.title === 'Patty Salazar');
    expect(patty?.unreadCount).toBe(1);
    const opened = await api.call('inbox.getConversation', { id: patty?.id ?? 0 });
    expect(opened.replyTargets[0]).toMatchObject({ channel: 'whatsapp', via: 'demo', windowClosesAt: null });

    const sent = await api.call('inbox.sendMessage', { conversationId: opened.id, text: 'Hola Patty! Está S/ 59 🍊' });
    const answered = await waitFor(async () => {
      const c = await api.call('inbox.getConversation', { id: opened.id });
      return c.messages.length === 3 && c;
    }, 3000, 'the answer');
    expect(answered.messages.map((m) => [m.direction, m.text])).toEqual([
      ['in', 'buenas, cuanto esta el serum de vitamina c? 🍊'],
      ['out', 'Hola Patty! Está S/ 59 🍊'],
      ['in', 'ok dame uno entonces, para mañana porfa'],
    ]);
    expect(answered.messages[1]?.id).toBe(sent.messageId);
  });

  it('keeps its place across a restart instead of repeating customers', async () => {
    await api.call('channels.connect', { kind: 'demo' });
    await waitFor(async () => (await api.call('inbox.listConversations', {})).items.length >= 5, 5000);
    const before = core.db.prepare('SELECT count(*) FROM messages').pluck().get();
    core.close();
    open();
    expect((await api.call('channels.list', {})).items.find((c) => c.kind === 'demo')?.status).toBe('ready');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(core.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(before);
  });

  it('refuses to reply through a channel that is not connected, and after the 24-hour window', async () => {
    await api.call('channels.connect', { kind: 'demo' });
    const instagram = await waitFor(async () => (await api.call('inbox.listConversations', { channel: 'instagram' })).items[0], 3000);
    await api.call('channels.disconnect', { kind: 'demo' });
    await expect(api.call('inbox.sendMessage', { conversationId: instagram.id, text: 'hola' })).rejects.toMatchObject({ code: 'channel_not_ready' });

    await api.call('channels.connect', { kind: 'demo' });
    now += 25 * HOUR;
    const error = await api.call('inbox.sendMessage', { conversationId: instagram.id, text: 'hola' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChasquiError);
    expect(error).toMatchObject({ code: 'reply_window_closed' });
    const opened = await api.call('inbox.getConversation', { id: instagram.id });
    expect(opened.replyTargets[0]?.windowClosesAt).toBeLessThan(now);
    expect(opened.messages.filter((m) => m.direction === 'out')).toEqual([]);
  });

  it('keeps sessions encrypted outside the database, and wipes them on request', async () => {
    await api.call('channels.connect', { kind: 'demo' });
    await waitFor(() => fs.existsSync(path.join(tmp.dir, 'channels', 'demo', 'session.enc')), 3000);
    const stored = fs.readFileSync(path.join(tmp.dir, 'channels', 'demo', 'session.enc'));
    expect(stored.toString('utf8')).not.toContain('next');
    expect(fs.statSync(path.join(tmp.dir, 'channels', 'local.key')).mode & 0o077).toBe(0);
    await api.call('channels.disconnect', { kind: 'demo', isWipe: true });
    expect(fs.existsSync(path.join(tmp.dir, 'channels', 'demo'))).toBe(false);
  });

  it('writes to a customer on their live chat, such as an order confirmation', async () => {
    await api.call('channels.connect', { kind: 'demo' });
    const patty = await waitFor(async () => (await api.call('inbox.listConversations', {})).items.find((c) => c.title === 'Patty Salazar'), 3000);
    const customerId = patty.customerId ?? 0;
    const sent = await api.call('inbox.sendToCustomer', { customerId, channel: 'whatsapp', text: 'Tu pedido P-0001 está confirmado ✅' });
    expect(sent).toMatchObject({ conversationId: patty.id, channel: 'whatsapp' });
    await expect(api.call('inbox.sendToCustomer', { customerId, channel: 'facebook', text: 'hola' })).rejects.toMatchObject({ code: 'channel_not_ready' });
    await expect(api.call('inbox.sendToCustomer', { customerId: 9999, text: 'hola' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('validates what it is given', async () => {
    await expect(api.call('channels.connect', { kind: 'telegram' } as never)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(api.call('channels.answerPrompt', { kind: 'instagram', answer: '123456' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(api.call('inbox.sendMessage', { conversationId: 999, text: 'hola' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(api.call('inbox.sendMessage', { conversationId: 1, text: '   ' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
