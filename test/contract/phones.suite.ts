import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lipstick } from './catalog.suite';
import { openHarness, type Harness, type TransportName } from './setup';

/** Every method that stores a phone reads it with the shop's country, keeps E.164, and refuses what is not a number. */
export const phonesContractSuite = (transport: TransportName): void => {
  describe(`phone numbers (${transport})`, () => {
    let h: Harness;
    let variantId = 0;
    beforeEach(async () => {
      h = await openHarness(transport);
      await h.client.call('settings.update', { locale: 'es-PE' });
      variantId = (await h.client.call('catalog.createProduct', lipstick())).variants[0]?.id ?? 0;
    });
    afterEach(async () => h.close());

    const refusal = (field: string, phone: string) => ({
      ok: false,
      error: { code: 'invalid_input', field, details: { reason: 'invalid_phone', phone, country: 'PE' } },
    });

    it('settings.update: the shop\'s WhatsApp number and couriers\' phones', async () => {
      const saved = await h.client.call('settings.update', { whatsappNumber: '987 654 321', couriers: [{ name: 'Diego', phone: '0051 912-345-678' }, { name: 'Tío', phone: '' }] });
      expect(saved.whatsappNumber).toBe('51987654321');
      expect(saved.couriers).toEqual([{ name: 'Diego', phone: '+51912345678' }, { name: 'Tío', phone: '' }]);
      expect(await h.client.request('settings.update', { shopName: 'Otra', whatsappNumber: '912 345 67' })).toMatchObject(refusal('whatsappNumber', '912 345 67'));
      expect(await h.client.request('settings.update', { couriers: [{ name: 'Diego', phone: '12345' }] })).toMatchObject(refusal('couriers.0.phone', '12345'));
      const after = await h.client.call('settings.get', {});
      expect(after).toMatchObject({ shopName: saved.shopName, whatsappNumber: '51987654321', couriers: saved.couriers });
      // The link of the promotion texts (and of the printed sheet's QR) is built from the normalised number.
      const promo = await h.client.call('promotions.create', { title: 'Promo', kind: 'percent', percentOff: 10, items: [{ variantId }] });
      expect(promo.texts.whatsapp).toContain('https://wa.me/51987654321?text=');
    });

    it('settings.update: the number is read with the country being saved with it (the welcome)', async () => {
      const saved = await h.client.call('settings.update', { locale: 'es-MX', whatsappNumber: '55 1234 5678' });
      expect(saved.whatsappNumber).toBe('525512345678');
      expect(await h.client.request('settings.update', { locale: 'es-PE', whatsappNumber: '55 1234 5678' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'whatsappNumber' } });
      expect((await h.client.call('settings.get', {})).locale).toBe('es-MX');
    });

    it('orders.create and orders.update: a new customer\'s phone', async () => {
      const order = await h.client.call('orders.create', { channel: 'whatsapp', customer: { name: 'Lucía', phone: '987-111-222' }, items: [{ variantId, quantity: 1 }] });
      expect(order.customer?.phone).toBe('+51987111222');
      expect(await h.client.request('orders.create', { channel: 'whatsapp', customer: { name: 'Rosa', phone: '912 345 67' }, items: [{ variantId, quantity: 1 }] })).toMatchObject(
        refusal('customer.phone', '912 345 67'),
      );
      expect(await h.client.request('orders.update', { id: order.id, customer: { name: 'Rosa', phone: '5191234567' } })).toMatchObject(refusal('customer.phone', '5191234567'));
      expect((await h.client.call('orders.list', {})).total).toBe(1);
      expect((await h.client.call('orders.get', { id: order.id })).customer?.name).toBe('Lucía');
    });

    it('customers.update: the phone on her page', async () => {
      const order = await h.client.call('orders.create', { channel: 'whatsapp', customer: { name: 'Lucía', phone: '' }, items: [{ variantId, quantity: 1 }] });
      const id = order.customer?.id ?? 0;
      expect((await h.client.call('customers.update', { id, phone: '+51 945 333 444' })).phone).toBe('+51945333444');
      expect(await h.client.request('customers.update', { id, name: 'Lucía F.', phone: '945 333 44' })).toMatchObject(refusal('phone', '945 333 44'));
      expect(await h.client.call('customers.get', { id })).toMatchObject({ name: 'Lucía', phone: '+51945333444' });
    });

    it('deliveries.assign: the delivery contact', async () => {
      const order = await h.client.call('orders.create', { channel: 'whatsapp', customer: { name: 'Lucía', phone: '' }, items: [{ variantId, quantity: 1 }], deliveryDate: '2026-03-07' });
      expect((await h.client.call('deliveries.assign', { orderId: order.id, contactPhone: '987 222 333' })).phone).toBe('+51987222333');
      expect(await h.client.request('deliveries.assign', { orderId: order.id, address: 'Av. Sol 1', contactPhone: '912 345 67' })).toMatchObject(refusal('contactPhone', '912 345 67'));
      expect(await h.client.call('deliveries.getStop', { orderId: order.id })).toMatchObject({ address: '', phone: '+51987222333' });
      // What Repartos and the brother's phone page build their tel: and wa.me links from (a promised order).
      await h.client.call('orders.setStatus', { id: order.id, status: 'confirmed' });
      expect((await h.client.call('deliveries.listForDay', { date: '2026-03-07' })).stops).toMatchObject([{ orderId: order.id, phone: '+51987222333' }]);
      // The brother reads it the way people say it here.
      expect((await h.client.call('deliveries.routeSheet', { date: '2026-03-07' })).whatsappText).toContain('📞 987 222 333');
    });

    it('channels.connect: the number WhatsApp pairs with by code', async () => {
      expect(await h.client.request('channels.connect', { kind: 'whatsapp', method: 'phone', phone: '912 345 67' })).toMatchObject(refusal('phone', '912 345 67'));
    });

    it('live.addClaim: a WhatsApp number typed by hand is the same customer WhatsApp brings in', async () => {
      const live = await h.client.call('live.start', { title: 'Live', channel: 'instagram', items: [{ variantId, livePrice: 2000 }] });
      await h.client.call('live.setOnAir', { liveId: live.id, itemId: live.items[0]?.id ?? 0 });
      const claim = await h.client.call('live.addClaim', { liveId: live.id, channel: 'whatsapp', handle: '987 222 333' });
      expect(await h.client.request('live.addClaim', { liveId: live.id, channel: 'whatsapp', handle: '912 345 67' })).toMatchObject(refusal('handle', '912 345 67'));
      const { conversationId } = await h.client.call('inbox.ingestMessage', {
        channel: 'whatsapp', conversationExternalId: '51987222333@c.us', messageExternalId: 'w1', direction: 'in', author: 'Carmen', senderExternalId: '51987222333', text: 'hola', sentAt: 1_000,
      });
      const customerId = (await h.client.call('inbox.getConversation', { id: conversationId })).customerId;
      expect(customerId).toBe(claim.customerId);
      expect((await h.client.call('customers.get', { id: customerId ?? 0 })).phone).toBe('+51987222333');
      expect((await h.client.call('live.claims', { liveId: live.id })).items).toHaveLength(1);
    });
  });
};
