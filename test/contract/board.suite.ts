import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lipstick } from './catalog.suite';
import { openHarness, type Harness, type TransportName } from './setup';

/** The sales board, Pendientes and "avísame cuando llegue": the same answers in-process and over HTTP. */
export const boardContractSuite = (transport: TransportName): void => {
  describe(`board, follow-ups and waiting lists (${transport})`, () => {
    let h: Harness;
    let rojo = 0;
    let nude = 0;
    beforeEach(async () => {
      h = await openHarness(transport);
      const product = await h.client.call('catalog.createProduct', lipstick());
      rojo = product.variants[0]?.id ?? 0;
      nude = product.variants[1]?.id ?? 0;
    });
    afterEach(async () => h.close());

    const stockOf = async (variantId: number) => (await h.client.call('catalog.listProducts', {})).items.flatMap((p) => p.variants).find((v) => v.id === variantId)?.stock;
    const newOrder = () => h.client.call('orders.create', { channel: 'whatsapp', customer: { name: 'Lucía Pérez', phone: '987111222' }, items: [{ variantId: rojo, quantity: 2 }] });

    it('a card moves forward through the order\'s own rules: stock on confirm, payment for "pagado", never back', async () => {
      const order = await newOrder();
      let board = await h.client.call('board.list', {});
      expect(board.cards).toEqual([expect.objectContaining({ id: order.id, column: 'new', customerName: 'Lucía Pérez', total: 5000, balanceDue: 5000 })]);
      expect(board.counts).toMatchObject({ new: 1, to_pay: 0 });

      const confirmed = await h.client.call('board.move', { id: order.id, column: 'to_pay' });
      expect(confirmed.status).toBe('confirmed');
      expect(await stockOf(rojo)).toBe(8);

      expect(await h.client.request('board.move', { id: order.id, column: 'paid' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'payment' } });
      const paid = await h.client.call('board.move', { id: order.id, column: 'paid', payment: { method: 'Efectivo' } });
      expect(paid).toMatchObject({ status: 'confirmed', balanceDue: 0, paymentState: 'paid' });
      expect(paid.payments.map((p) => p.amount)).toEqual([5000]);
      board = await h.client.call('board.list', {});
      expect(board.cards[0]?.column).toBe('paid');

      expect(await h.client.request('board.move', { id: order.id, column: 'new' })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'column' } });
      expect(await h.client.request('board.move', { id: order.id, column: 'to_pay' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
      const delivered = await h.client.call('board.move', { id: order.id, column: 'delivered' });
      expect(delivered.status).toBe('delivered');
      expect(delivered.events.filter((e) => e.type === 'status').map((e) => e.status)).toEqual(['confirmed', 'prepared', 'delivered']);
      expect(await h.client.request('board.move', { id: 999, column: 'paid' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await h.client.request('board.move', { id: order.id, column: 'shipped' as 'paid' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'column' } });
    });

    it('each column comes a page at a time in the board order, with every column counted', async () => {
      const days = ['2026-03-09', null, '2026-03-07', '2026-03-08', null];
      const ids: number[] = [];
      for (const [i, deliveryDate] of days.entries()) {
        const order = await h.client.call('orders.create', { channel: 'whatsapp', customer: { name: `Clienta ${i}`, phone: '' }, items: [{ variantId: rojo, quantity: 1 }], deliveryDate });
        ids.push(order.id);
      }
      await h.client.call('board.move', { id: ids[4] ?? 0, column: 'to_pay' });
      const first = await h.client.call('board.list', { limit: 2 });
      expect(first.counts).toEqual({ new: 4, to_pay: 1, paid: 0, packed: 0, on_the_way: 0, delivered: 0 });
      expect(first.cards.map((c) => [c.column, c.id])).toEqual([['new', ids[2]], ['new', ids[3]], ['to_pay', ids[4]]]);
      const rest = await h.client.call('board.list', { column: 'new', limit: 2, offset: 2 });
      // By delivery day, orders without one last (oldest first).
      expect(rest.cards.map((c) => c.id)).toEqual([ids[0], ids[1]]);
      expect(rest.counts.new).toBe(4);
      expect((await h.client.call('board.list', { column: 'new', offset: 4 })).cards).toEqual([]);
      expect(await h.client.request('board.list', { column: 'archived' } as never)).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'column' } });
      expect(await h.client.request('board.list', { limit: 5000 })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'limit' } });
    });

    it('"entregado" waits for the payment when she asks for it, and a refused drop changes nothing', async () => {
      await h.client.call('settings.update', { isPaymentRequiredBeforeDelivery: true });
      const order = await newOrder();
      const refusal = await h.client.request('board.move', { id: order.id, column: 'delivered' });
      expect(refusal).toMatchObject({ ok: false, error: { code: 'conflict', details: { reason: 'unpaid', balanceDue: 5000 } } });
      // The confirm and the packing before the refused step were undone with it.
      expect((await h.client.call('orders.get', { id: order.id })).status).toBe('new');
      expect(await stockOf(rojo)).toBe(10);
      // The status buttons obey the same setting.
      await h.client.call('orders.setStatus', { id: order.id, status: 'confirmed' });
      await h.client.call('orders.setStatus', { id: order.id, status: 'prepared' });
      expect(await h.client.request('orders.setStatus', { id: order.id, status: 'delivered' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
      await h.client.call('orders.addPayment', { id: order.id, amount: 5000, method: 'Efectivo' });
      expect((await h.client.call('board.move', { id: order.id, column: 'delivered' })).status).toBe('delivered');
    });

    it('an unpaid order is a follow-up until it is paid; done and snooze are kept', async () => {
      await h.client.call('settings.update', { followUpUnpaidHours: 0 });
      const order = await newOrder();
      expect((await h.client.call('followUps.list', {})).items.filter((f) => f.kind === 'unpaid')).toEqual([]);
      await h.client.call('orders.setStatus', { id: order.id, status: 'confirmed' });
      const [first] = (await h.client.call('followUps.list', {})).items.filter((f) => f.kind === 'unpaid');
      expect(first).toMatchObject({ orderId: order.id, orderNumber: order.number, amount: 5000, customerName: 'Lucía Pérez' });
      expect(first?.message).toContain('¡Hola Lucía!');
      expect(first?.message).toContain(order.number);

      const snoozed = await h.client.call('followUps.snooze', { key: first?.key ?? '', hours: 2 });
      expect(snoozed.key).toBe(first?.key);
      expect((await h.client.call('followUps.list', {})).items.some((f) => f.key === first?.key)).toBe(false);
      await h.client.call('followUps.done', { key: first?.key ?? '' });
      expect((await h.client.call('followUps.list', {})).items.some((f) => f.kind === 'unpaid')).toBe(false);

      // A part payment is news: the reminder comes back under a new key; the full payment ends it.
      await h.client.call('orders.addPayment', { id: order.id, amount: 1000, method: 'Efectivo' });
      const again = (await h.client.call('followUps.list', {})).items.find((f) => f.kind === 'unpaid');
      expect(again).toMatchObject({ amount: 4000 });
      expect(again?.key).not.toBe(first?.key);
      await h.client.call('orders.addPayment', { id: order.id, amount: 4000, method: 'Efectivo' });
      expect((await h.client.call('followUps.list', {})).items.some((f) => f.kind === 'unpaid')).toBe(false);

      expect(await h.client.request('followUps.done', { key: 'drop table' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'key' } });
      expect(await h.client.request('followUps.snooze', { key: 'unpaid:1:2', hours: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'hours' } });
    });

    it('follow-ups come a page at a time, of one kind or all, with the count of every kind', async () => {
      await h.client.call('settings.update', { followUpUnpaidHours: 0 });
      for (let i = 0; i < 7; i += 1) {
        const order = await h.client.call('orders.create', { channel: 'whatsapp', customer: { name: `Clienta ${i}`, phone: `98711122${i}` }, items: [{ variantId: rojo, quantity: 1 }] });
        await h.client.call('orders.setStatus', { id: order.id, status: 'confirmed' });
      }
      const first = await h.client.call('followUps.list', { limit: 3 });
      expect(first.items).toHaveLength(3);
      expect(first.total).toBe(7);
      expect(first.counts).toEqual({ unpaid: 7, asked: 0, reservation: 0, no_address: 0, balance: 0, restock: 0 });
      const rest = await h.client.call('followUps.list', { kind: 'unpaid', limit: 5, offset: 3 });
      expect(rest.items).toHaveLength(4);
      expect(new Set([...first.items, ...rest.items].map((f) => f.key)).size).toBe(7);
      expect((await h.client.call('followUps.list', { kind: 'balance' })).items).toEqual([]);
      expect((await h.client.call('followUps.list', {})).items).toHaveLength(7);

      expect(await h.client.request('followUps.list', { kind: 'todo' } as never)).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'kind' } });
      expect(await h.client.request('followUps.list', { limit: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'limit' } });
    });

    it('a customer waiting for a product is offered when stock arrives, and told only on a chat she started', async () => {
      await h.client.call('stock.adjust', { variantId: nude, delta: -2, reason: 'adjustment' });
      const { conversationId } = await h.client.call('inbox.ingestMessage', {
        channel: 'whatsapp', conversationExternalId: '51987111222@c.us', messageExternalId: 'w1', direction: 'in', author: 'Lucía', senderExternalId: '51987111222', text: '¿tienes el nude canela?', sentAt: 1_000, via: 'demo',
      });
      const entry = await h.client.call('waitlist.add', { variantId: nude, conversationId });
      expect(entry).toMatchObject({ variantId: nude, customerName: 'Lucía', productName: 'Labial mate Rojo Pasión Nude Canela', stock: 0, hasOwnChat: true, notifiedAt: null });
      expect((await h.client.call('waitlist.add', { variantId: nude, conversationId })).id).toBe(entry.id);
      expect((await h.client.call('followUps.list', {})).items.some((f) => f.kind === 'restock')).toBe(false);

      await h.client.call('stock.adjust', { variantId: nude, delta: 5, reason: 'receive' });
      const restock = (await h.client.call('followUps.list', {})).items.find((f) => f.kind === 'restock');
      expect(restock).toMatchObject({ variantId: nude, count: 1, canSend: true });

      const sent = await h.client.call('waitlist.notify', { variantId: nude, text: '¡Hola {cliente}! ¡Llegó {producto} que querías!' });
      expect(sent).toEqual({ queued: 1, skipped: 0 });
      expect((await h.client.call('waitlist.list', { variantId: nude })).items).toEqual([]);
      expect((await h.client.call('waitlist.list', { variantId: nude, isWaitingOnly: false })).items[0]?.notifiedAt).toEqual(expect.any(Number));
      expect((await h.client.call('followUps.list', {})).items.some((f) => f.kind === 'restock')).toBe(false);
      expect(await h.client.request('waitlist.notify', { variantId: nude, text: 'otra vez' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });

    it('someone the shop wrote to first is listed but never sent the notice', async () => {
      const { conversationId } = await h.client.call('inbox.ingestMessage', {
        channel: 'whatsapp', conversationExternalId: '51900000001@c.us', messageExternalId: 'o1', direction: 'out', author: 'Tienda', senderExternalId: '', text: 'Hola, ¿te interesa?', sentAt: 1_000, via: 'demo',
      });
      await h.client.call('inbox.ingestMessage', {
        channel: 'whatsapp', conversationExternalId: '51900000001@c.us', messageExternalId: 'o2', direction: 'in', author: 'Rosa', senderExternalId: '51900000001', text: 'sí', sentAt: 2_000, via: 'demo',
      });
      const entry = await h.client.call('waitlist.add', { variantId: rojo, conversationId });
      expect(entry.hasOwnChat).toBe(false);
      expect(await h.client.call('waitlist.notify', { variantId: rojo, text: 'Llegó {producto}' })).toEqual({ queued: 0, skipped: 1 });
      await h.client.call('waitlist.remove', { id: entry.id });
      expect((await h.client.call('waitlist.list', {})).items).toEqual([]);
      expect(await h.client.request('waitlist.remove', { id: entry.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await h.client.request('waitlist.add', { variantId: rojo })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await h.client.request('waitlist.add', { variantId: 999, customerId: 1 })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'variantId' } });
    });
  });
};
