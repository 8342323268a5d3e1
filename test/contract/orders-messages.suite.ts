import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodArgs } from '../../shared/api/contract';
import { lipstick } from './catalog.suite';
import { openHarness, type Harness, type TransportName } from './setup';

/** orders.draftFromMessages: one draft from an order a customer spread over several messages. */
export const ordersMessagesContractSuite = (transport: TransportName): void => {
  describe(`orders from several messages (${transport})`, () => {
    let h: Harness;
    let redId = 0;
    const start = Date.UTC(2026, 2, 4, 15, 0);
    const say = async (customer: string, n: number, direction: 'in' | 'out', text: string, minutes: number) => {
      const message: MethodArgs<'inbox.ingestMessage'> = {
        channel: 'whatsapp',
        conversationExternalId: customer,
        messageExternalId: `${customer}-${n}`,
        direction,
        author: direction === 'in' ? customer : 'Karina',
        senderExternalId: direction === 'in' ? customer : '',
        text,
        sentAt: start + minutes * 60_000,
      };
      return h.client.call('inbox.ingestMessage', message);
    };

    beforeEach(async () => {
      h = await openHarness(transport);
      redId = (await h.client.call('catalog.createProduct', lipstick())).variants[0]?.id ?? 0;
      await h.client.call('catalog.createProduct', {
        name: 'Máscara de pestañas',
        category: 'Ojos',
        tags: ['rímel'],
        variants: [{ name: 'Negro', sku: 'RIM-NEG', price: 3200, initialStock: 5 }],
      });
    });
    afterEach(async () => h.close());

    it('reads only the customer’s messages, oldest first, into one draft the seller can save', async () => {
      const first = await say('51911111111', 1, 'in', 'holaa quiero el labial mate 💄', 0);
      const reply = await say('51911111111', 2, 'out', 'Hola! tengo rojo pasion y nude canela, cual quieres? tambien hay rimel', 1);
      const second = await say('51911111111', 3, 'in', 'el nude xfa', 2);
      const third = await say('51911111111', 4, 'in', 'dame 2 para el sabado', 3);
      // Handed over in any order, the seller's own reply among them: it is not read.
      const draft = await h.client.call('orders.draftFromMessages', {
        conversationId: first.conversationId,
        messageIds: [third.messageId, reply.messageId, first.messageId, second.messageId],
      });
      expect(draft.items.map((i) => [i.sku, i.quantity])).toEqual([['LAB-MAT-NUD', 2]]);
      // Wednesday 4 March 2026: the coming Saturday.
      expect(draft.deliveryDate).toBe('2026-03-07');
      expect(draft.messageIds).toEqual([first.messageId, second.messageId, third.messageId]);
      expect(draft.sourceText).toBe('holaa quiero el labial mate 💄\nel nude xfa\ndame 2 para el sabado');

      const order = await h.client.call('orders.create', {
        channel: 'whatsapp',
        items: draft.items.map((i) => ({ variantId: i.variantId, quantity: i.quantity })),
        deliveryDate: draft.deliveryDate,
        sourceText: draft.sourceText,
      });
      expect(order.items.map((i) => [i.sku, i.quantity])).toEqual([['LAB-MAT-NUD', 2]]);
    });

    it('"Últimos mensajes del cliente": without ids, her messages since her last order', async () => {
      // Before the order, saved at the harness clock's 14:30.
      const old = await say('51922222222', 1, 'in', 'quiero 3 rimel', -60);
      const conversation = await h.client.call('inbox.getConversation', { id: old.conversationId });
      await h.client.call('orders.create', { channel: 'whatsapp', customer: { id: conversation.customerId ?? 0 }, items: [{ variantId: redId, quantity: 1 }] });
      // The next day: after the order was saved.
      const later = Date.UTC(2026, 2, 5, 12) - start;
      const a = await say('51922222222', 2, 'in', 'hola de nuevo, me separas el labial rojo pasion', later / 60_000);
      await say('51922222222', 3, 'out', 'claro!', later / 60_000 + 1);
      const b = await say('51922222222', 4, 'in', 'mejor 2', later / 60_000 + 2);
      const draft = await h.client.call('orders.draftFromMessages', { conversationId: old.conversationId });
      expect(draft.messageIds).toEqual([a.messageId, b.messageId]);
      expect(draft.items.map((i) => [i.sku, i.quantity])).toEqual([['LAB-MAT-ROJ', 2]]);
    });

    it('refuses a message of another conversation with a stable code, and bad input field by field', async () => {
      const mine = await say('51933333333', 1, 'in', 'quiero el rimel', 0);
      const theirs = await say('51944444444', 1, 'in', 'dame 2 labiales', 1);
      const refused = await h.client.request('orders.draftFromMessages', { conversationId: mine.conversationId, messageIds: [mine.messageId, theirs.messageId] });
      expect(refused).toMatchObject({ ok: false, error: { code: 'message_not_in_conversation', field: 'messageIds.1', details: { messageId: theirs.messageId } } });
      expect(await h.client.request('orders.draftFromMessages', { conversationId: mine.conversationId, messageIds: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'messageIds' } });
      const tooMany = Array.from({ length: 31 }, (_, i) => i + 1);
      expect(await h.client.request('orders.draftFromMessages', { conversationId: mine.conversationId, messageIds: tooMany })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'messageIds' } });
      expect(await h.client.request('orders.draftFromMessages', { conversationId: mine.conversationId, messageIds: [999_999] })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'messageIds.0' } });
      expect(await h.client.request('orders.draftFromMessages', { conversationId: 999_999, messageIds: [mine.messageId] })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'conversationId' } });
    });
  });
};
