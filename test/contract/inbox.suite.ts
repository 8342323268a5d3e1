import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness, type TransportName } from './setup';

export const inboxContractSuite = (transport: TransportName): void => {
  describe(`inbox (${transport})`, () => {
    let h: Harness;
    beforeEach(async () => {
      h = await openHarness(transport);
    });
    afterEach(async () => h.close());

    const message = (id: string, text: string, sentAt: number) => ({
      channel: 'whatsapp' as const,
      conversationExternalId: '51987111222@c.us',
      messageExternalId: id,
      direction: 'in' as const,
      author: 'Lucía',
      senderExternalId: '51987111222',
      text,
      sentAt,
    });

    it('ingests a message once, however often it arrives, and files it under one customer', async () => {
      const first = await h.client.call('inbox.ingestMessage', message('wamid.1', 'hola! me separas 2 labiales?', 1_000));
      const again = await h.client.call('inbox.ingestMessage', message('wamid.1', 'hola! me separas 2 labiales?', 1_000));
      expect(first.isNew).toBe(true);
      expect(again).toEqual({ ...first, isNew: false });
      await h.client.call('inbox.ingestMessage', message('wamid.2', 'para el sábado 🙏', 2_000));
      const { items } = await h.client.call('inbox.listConversations', {});
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ customerName: 'Lucía', unreadCount: 2, lastMessageText: 'para el sábado 🙏' });
      const conversation = await h.client.call('inbox.getConversation', { id: items[0]?.id ?? 0 });
      expect(conversation.messages.map((m) => m.text)).toEqual(['hola! me separas 2 labiales?', 'para el sábado 🙏']);
      expect((await h.client.call('inbox.markRead', { id: conversation.id })).unreadCount).toBe(0);
    });

    it('shows every order and conversation of a customer in one place, with lifetime value', async () => {
      const { conversationId } = await h.client.call('inbox.ingestMessage', message('wamid.9', 'quiero 1 labial', 3_000));
      const customerId = (await h.client.call('inbox.getConversation', { id: conversationId })).customerId ?? 0;
      const product = await h.client.call('catalog.createProduct', { name: 'Labial', variants: [{ sku: 'L', price: 2500, initialStock: 9 }] });
      const variantId = product.variants[0]?.id ?? 0;
      await h.client.call('orders.create', { channel: 'whatsapp', customer: { id: customerId }, items: [{ variantId, quantity: 2 }] });
      const cancelled = await h.client.call('orders.create', { channel: 'instagram', customer: { id: customerId }, items: [{ variantId, quantity: 1 }] });
      await h.client.call('orders.cancel', { id: cancelled.id });
      const profile = await h.client.call('customers.get', { id: customerId });
      expect(profile).toMatchObject({ name: 'Lucía', phone: '+51987111222', orders: 1, lifetimeValue: 5000 });
      expect(profile.identities).toEqual([{ channel: 'whatsapp', externalId: '51987111222', displayName: 'Lucía' }]);
      expect(profile.orderHistory.map((o) => o.status)).toEqual(['cancelled', 'new']);
      expect(profile.conversations.map((c) => c.id)).toEqual([conversationId]);
      expect((await h.client.call('customers.list', { query: 'lucia' })).items.map((c) => c.id)).toEqual([customerId]);
    });

    it('suggests that Miguel on Instagram and on WhatsApp is one person, links them on request and can unlink', async () => {
      const ig = await h.client.call('inbox.ingestMessage', { channel: 'instagram', conversationExternalId: 'ig-thread-1', messageExternalId: 'ig1', direction: 'in', author: 'Miguel Ángel Torres', senderExternalId: 'miguel.torres.pe', text: 'hola, el perfume?', sentAt: 1_000 });
      const wa = await h.client.call('inbox.ingestMessage', { channel: 'whatsapp', conversationExternalId: '51945333444@c.us', messageExternalId: 'wa1', direction: 'in', author: 'miguel torres', senderExternalId: '51945333444', text: 'soy Miguel el de Instagram', sentAt: 2_000 });
      const igCustomer = (await h.client.call('inbox.getConversation', { id: ig.conversationId })).customerId ?? 0;
      const waCustomer = (await h.client.call('inbox.getConversation', { id: wa.conversationId })).customerId ?? 0;
      const { items } = await h.client.call('customers.suggestMatches', {});
      expect(items).toContainEqual({ customerId: igCustomer, otherId: waCustomer, customerName: 'Miguel Ángel Torres', otherName: 'miguel torres', reason: 'similar_name' });

      const linked = await h.client.call('customers.link', { id: igCustomer, otherId: waCustomer });
      expect(linked.identities.map((i) => i.channel).sort()).toEqual(['instagram', 'whatsapp']);
      expect(linked.phone).toBe('+51945333444');
      const timeline = await h.client.call('inbox.getConversation', { id: ig.conversationId });
      expect(timeline.messages.map((m) => m.channel)).toEqual(['instagram', 'whatsapp']);
      expect(await h.client.request('customers.get', { id: waCustomer })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect((await h.client.call('customers.suggestMatches', {})).items).toEqual([]);

      const split = await h.client.call('customers.unlink', { id: igCustomer, channel: 'whatsapp', externalId: '51945333444' });
      expect(split.identities.map((i) => i.channel)).toEqual(['instagram']);
      expect((await h.client.call('inbox.getConversation', { id: ig.conversationId })).messages).toHaveLength(1);
      expect(await h.client.request('customers.link', { id: igCustomer, otherId: igCustomer })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'otherId' } });
    });

    it('ingests messages that arrive together in one call, each as if alone, and refuses the batch whole when one is malformed', async () => {
      const { items } = await h.client.call('inbox.ingestMessages', { messages: [message('b.1', 'hola', 1_000), message('b.2', 'el labial rojo?', 2_000), message('b.1', 'hola', 1_000)] });
      expect(items.map((item) => item.isNew)).toEqual([true, true, false]);
      expect(items[2]).toEqual({ ...items[0], isNew: false });
      const { items: conversations } = await h.client.call('inbox.listConversations', {});
      expect(conversations).toHaveLength(1);
      expect(conversations[0]).toMatchObject({ customerName: 'Lucía', unreadCount: 2, lastMessageText: 'el labial rojo?' });
      const refused = await h.client.request('inbox.ingestMessages', { messages: [message('b.3', 'uno', 3_000), { ...message('b.4', 'dos', 4_000), messageExternalId: '' }] });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'messages.1.messageExternalId' } });
      expect((await h.client.call('inbox.getConversation', { id: conversations[0]?.id ?? 0 })).messages.map((m) => m.text)).toEqual(['hola', 'el labial rojo?']);
    });

    it('refuses malformed messages', async () => {
      expect(await h.client.request('inbox.ingestMessage', { ...message('', 'x', 1), messageExternalId: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'messageExternalId' } });
      expect(await h.client.request('inbox.ingestMessage', { ...message('a', 'x', 1), channel: 'telegram' as 'whatsapp' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'channel' } });
      expect(await h.client.request('inbox.getConversation', { id: 5 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });
  });
};
