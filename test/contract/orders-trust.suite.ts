import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '../../shared/domain/catalog';
import { lipstick } from './catalog.suite';
import { openHarness, type Harness, type TransportName } from './setup';

/** What the seller can trust in Pedidos: what is owed, what was paid, what a draft can really take. */
export const ordersTrustContractSuite = (transport: TransportName): void => {
  describe(`orders the seller can trust (${transport})`, () => {
    let h: Harness;
    let product: Product;
    const red = () => product.variants[0]?.id ?? 0;
    const nude = () => product.variants[1]?.id ?? 0;

    beforeEach(async () => {
      h = await openHarness(transport);
      product = await h.client.call('catalog.createProduct', lipstick());
    });
    afterEach(async () => h.close());

    it('a cancelled order owes nothing and is never listed as unpaid or partly paid; its reason is in the history', async () => {
      const unpaid = await h.client.call('orders.create', { channel: 'whatsapp', customer: { name: 'Ana' }, items: [{ variantId: red(), quantity: 1 }] });
      const partly = await h.client.call('orders.create', { channel: 'whatsapp', customer: { name: 'Ana' }, items: [{ variantId: red(), quantity: 2 }] });
      await h.client.call('orders.addPayment', { id: partly.id, amount: 1000, method: 'Efectivo' });
      const cancelled = await h.client.call('orders.cancel', { id: unpaid.id, reason: 'La clienta ya no lo quiere' });
      const cancelledPartly = await h.client.call('orders.cancel', { id: partly.id, reason: 'Sin stock' });
      expect(cancelled.balanceDue).toBe(0);
      expect(cancelledPartly.balanceDue).toBe(0);
      expect(cancelled.events.at(-1)).toMatchObject({ type: 'status', status: 'cancelled', note: 'La clienta ya no lo quiere' });
      expect((await h.client.call('orders.list', { paymentState: 'unpaid' })).items).toEqual([]);
      expect((await h.client.call('orders.list', { paymentState: 'partial' })).items).toEqual([]);
      const listed = await h.client.call('orders.list', {});
      expect(listed.items.map((o) => o.balanceDue)).toEqual([0, 0]);
      const customer = cancelled.customer?.id ?? 0;
      expect((await h.client.call('orders.list', { customerId: customer })).items.every((o) => o.balanceDue === 0)).toBe(true);
    });

    it('records an optional operation number with a payment and shows each payment amount in the history', async () => {
      const order = await h.client.call('orders.create', { channel: 'whatsapp', items: [{ variantId: red(), quantity: 2 }] });
      await h.client.call('orders.addPayment', { id: order.id, amount: 1500, method: 'Yape/Plin', operationNumber: ' 00123456 ' });
      const paid = await h.client.call('orders.addPayment', { id: order.id, amount: 500, method: 'Efectivo' });
      expect(paid.payments.map((p) => [p.amount, p.method, p.operationNumber])).toEqual([
        [1500, 'Yape/Plin', '00123456'],
        [500, 'Efectivo', ''],
      ]);
      const history = paid.events.filter((e) => e.type === 'payment').map((e) => [e.payment?.amount, e.payment?.operationNumber]);
      expect(history).toEqual([
        [1500, '00123456'],
        [500, ''],
      ]);
      for (const bad of ['12 34', '<script>', 'x'.repeat(31), 'N°123']) {
        const refused = await h.client.request('orders.addPayment', { id: order.id, amount: 100, method: 'Efectivo', operationNumber: bad });
        expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'operationNumber' } });
      }
      expect((await h.client.call('orders.get', { id: order.id })).paid).toBe(2000);
    });

    it('drafts tell the stock left and offer the same product in variants that have it; the zone named in the message comes with its fee', async () => {
      await h.client.call('settings.update', { deliveryZones: [{ name: 'Surco', fee: 800 }, { name: 'San Juan de Miraflores', fee: 1200 }, { name: 'Miraflores', fee: 1000 }] });
      const nudeOrder = await h.client.call('orders.create', { channel: 'stall', items: [{ variantId: nude(), quantity: 2 }] });
      await h.client.call('orders.setStatus', { id: nudeOrder.id, status: 'confirmed' });
      const draft = await h.client.call('orders.draftFromText', { text: 'hola me separas 1 labial nude canela? vivo en SÚRCO' });
      expect(draft.items).toMatchObject([{ variantId: nude(), stock: 0, alternatives: [{ variantId: red(), stock: 10, name: 'Labial mate Rojo Pasión – Rojo Pasión' }] }]);
      expect(draft.zone).toEqual({ name: 'Surco', fee: 800 });
      const longest = await h.client.call('orders.draftFromText', { text: 'un labial rojo pasion, soy de san juan de miraflores' });
      expect(longest.zone?.name).toBe('San Juan de Miraflores');
      expect((await h.client.call('orders.draftFromText', { text: 'un labial rojo pasion para surquillo' })).zone).toBeNull();
    });

    it('quotes an order before it is saved with the same bundle discount the saved order gets', async () => {
      await h.client.call('promotions.create', { title: '2x1 en rojo', kind: 'bundle', bundleQuantity: 2, bundlePayFor: 1, startsOn: '2026-03-01', endsOn: '2026-03-31', items: [{ variantId: red() }] });
      const args = { items: [{ variantId: red(), quantity: 2 }, { variantId: nude(), quantity: 1 }], deliveryFee: 800 };
      const quote = await h.client.call('orders.quote', args);
      expect(quote).toMatchObject({ subtotal: 7500, promoDiscount: 2500, discount: 2500, total: 5800 });
      expect(quote.items.map((i) => [i.variantId, i.stock])).toEqual([[red(), 10], [nude(), 2]]);
      const saved = await h.client.call('orders.create', { channel: 'whatsapp', ...args });
      expect([saved.subtotal, saved.discount, saved.total]).toEqual([quote.subtotal, quote.discount, quote.total]);
      expect(await h.client.request('orders.quote', { items: [{ variantId: 9999, quantity: 1 }] })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'items.0.variantId' } });
    });

    it('saves the address and zone typed in Nuevo pedido with the order, in one step', async () => {
      const order = await h.client.call('orders.create', {
        channel: 'whatsapp',
        customer: { name: 'Lucía', phone: '987 111 222' },
        items: [{ variantId: red(), quantity: 1 }],
        deliveryFee: 800,
        delivery: { address: 'Av. Primavera 1234', zone: 'Surco' },
      });
      expect(order.delivery).toEqual({ method: 'delivery', address: 'Av. Primavera 1234', reference: '', zone: 'Surco', timeWindow: '' });
      const stop = await h.client.call('deliveries.getStop', { orderId: order.id });
      expect(stop).toMatchObject({ address: 'Av. Primavera 1234', zone: 'Surco', phone: '+51987111222' });
      const tooLong = await h.client.request('orders.create', { channel: 'whatsapp', items: [{ variantId: red(), quantity: 1 }], delivery: { address: 'x'.repeat(301) } });
      expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'delivery.address' } });
      expect((await h.client.call('orders.list', {})).total).toBe(1);
    });
  });
};
