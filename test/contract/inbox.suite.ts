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

    it('refuses malformed messages', async () => {
      expect(await h.client.request('inbox.ingestMessage', { ...message('', 'x', 1), messageExternalId: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'messageExternalId' } });
      expect(await h.client.request('inbox.ingestMessage', { ...message('a', 'x', 1), channel: 'telegram' as 'whatsapp' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'channel' } });
      expect(await h.client.request('inbox.getConversation', { id: 5 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });
  });
};
