import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import type { ApiClient } from '../../../shared/api/client';
import type { Principal } from '../../../electron/core/lan/principal';
import { makeTempDir } from '../../helpers/tmp';

describe('handoffs: a note for a person on the customer’s chats, and who answers a conversation', () => {
  const tmp = makeTempDir();
  const now = Date.UTC(2026, 2, 7, 15);
  let core: Core;
  let api: ApiClient;
  let lucia: Principal;
  let luciaId = 0;
  let karinaId = 0;
  let instagram = 0;
  let whatsapp = 0;

  beforeAll(async () => {
    core = createCore({ dataDir: tmp.dir, clock: () => now });
    api = coreClient(core);
    luciaId = (await api.call('team.add', { name: 'Lucía', role: 'seller' })).id;
    karinaId = (await api.call('team.add', { name: 'Karina', role: 'owner' })).id;
    lucia = { kind: 'device', deviceId: 1, role: 'seller', personId: luciaId };
    instagram = (await api.call('inbox.ingestMessage', { channel: 'instagram', conversationExternalId: 'ig-1', messageExternalId: 'ig1', direction: 'in', author: 'Miguel Ángel Torres', senderExternalId: 'miguel.torres.pe', text: 'quiero 2 labiales, te escribo al wsp', sentAt: now - 60_000 })).conversationId;
    whatsapp = (await api.call('inbox.ingestMessage', { channel: 'whatsapp', conversationExternalId: '51945333444@c.us', messageExternalId: 'wa1', direction: 'in', author: 'miguel torres', senderExternalId: '51945333444', text: 'hola soy Miguel', sentAt: now })).conversationId;
    const ig = await api.call('inbox.getConversation', { id: instagram });
    const wa = await api.call('inbox.getConversation', { id: whatsapp });
    await api.call('customers.link', { id: ig.customerId ?? 0, otherId: wa.customerId ?? 0 });
  });
  afterAll(() => {
    core.close();
    tmp.cleanup();
  });

  it('puts Lucía’s note in Karina’s list and on Miguel’s chats on every channel, with Lucía’s name, until it is done', async () => {
    const added = await core.dispatch('team.addHandoff', { conversationId: instagram, toPersonId: karinaId, text: 'Miguel quiere 2 labiales, cierra por WhatsApp' }, { principal: lucia });
    expect(added.ok).toBe(true);
    const mine = await api.call('team.handoffs', { isMine: true });
    expect(mine.items).toMatchObject([{ text: 'Miguel quiere 2 labiales, cierra por WhatsApp', toName: 'Karina', fromName: 'Lucía', customerName: 'Miguel Ángel Torres', isDone: false }]);
    // The same customer on WhatsApp sees it too: one timeline per customer.
    expect((await api.call('team.handoffs', { conversationId: whatsapp })).items).toHaveLength(1);
    const luciaList = await core.dispatch('team.handoffs', { isMine: true }, { principal: lucia });
    expect(luciaList).toMatchObject({ ok: true, value: { items: [] } });
    await api.call('team.finishHandoff', { id: mine.items[0]?.id ?? 0 });
    expect((await api.call('team.handoffs', { isMine: true })).items).toEqual([]);
    expect((await api.call('team.handoffs', { conversationId: whatsapp })).items).toEqual([]);
  });

  it('leaves a note for Lucía in her own list only', async () => {
    await api.call('team.addHandoff', { conversationId: whatsapp, toPersonId: luciaId, text: 'Confírmale la dirección a Miguel' });
    // Not in the owner's list: it is Lucía's.
    expect((await api.call('team.handoffs', { isMine: true })).items).toEqual([]);
    const hers = await core.dispatch('team.handoffs', { isMine: true }, { principal: lucia });
    expect(hers).toMatchObject({ ok: true, value: { items: [{ text: 'Confírmale la dirección a Miguel', fromName: null }] } });
  });

  it('assigns a conversation to a person and shows it in the chat list; null gives it back', async () => {
    await api.call('team.assignConversation', { conversationId: whatsapp, personId: luciaId });
    const listed = (await api.call('inbox.listConversations', {})).items.find((c) => c.id === whatsapp);
    expect(listed?.assignedTo).toEqual({ id: luciaId, name: 'Lucía' });
    await api.call('team.assignConversation', { conversationId: whatsapp, personId: null });
    expect((await api.call('inbox.listConversations', {})).items.find((c) => c.id === whatsapp)?.assignedTo).toBeNull();
  });

  it('refuses notes for nobody known, on no chat, or too long, and saves nothing', async () => {
    expect(await core.dispatch('team.addHandoff', { conversationId: whatsapp, toPersonId: 999, text: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.dispatch('team.addHandoff', { conversationId: 999, toPersonId: null, text: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'conversationId' } });
    expect(await core.dispatch('team.addHandoff', { conversationId: whatsapp, toPersonId: null, text: 'x'.repeat(501) })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'text' } });
    expect(await core.dispatch('team.addHandoff', { conversationId: whatsapp, toPersonId: null, text: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await api.call('team.handoffs', { conversationId: whatsapp })).items).toHaveLength(1);
  });
});
