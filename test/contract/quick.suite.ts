import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import { ChasquiError } from '../../shared/api/errors';
import { makePhotoBase64 } from '../helpers/photos';
import { lipstick } from './catalog.suite';
import { openHarness, type Harness, type TransportName } from './setup';

const errorOf = async (run: () => Promise<unknown>): Promise<ChasquiError> => {
  try {
    await run();
  } catch (error) {
    if (error instanceof ChasquiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
};

/** A customer writing in on a live chat (through the demo channel), so replies can go back. */
const customerWrites = (client: ApiClient, text: string, sentAt: number, who = { id: 'demo:whatsapp:51987111222', phone: '51987111222', name: 'Lucía Quispe' }) =>
  client.call('inbox.ingestMessage', {
    channel: 'whatsapp',
    conversationExternalId: who.id,
    messageExternalId: `in-${sentAt}`,
    direction: 'in',
    author: who.name,
    senderExternalId: who.phone,
    text,
    sentAt,
    via: 'demo',
  });

export const quickContractSuite = (transport: TransportName): void => {
  describe(`quick replies, labels and automatic answers (${transport})`, () => {
    let h: Harness;
    beforeEach(async () => {
      h = await openHarness(transport);
    });
    afterEach(async () => h.close());

    it('starts with the ready-made Spanish replies and labels, all editable', async () => {
      const { items } = await h.client.call('quickReplies.list', {});
      expect(items.map((r) => r.name)).toEqual(['envios', 'feria', 'gracias', 'pagar', 'precios']);
      const labels = await h.client.call('labels.list', {});
      expect(labels.items.map((l) => l.name).sort()).toEqual(['enviar hoy', 'mayorista', 'nuevo cliente', 'pagado', 'por pagar']);

      const pagar = items.find((r) => r.name === 'pagar');
      const edited = await h.client.call('quickReplies.save', { id: pagar?.id, name: 'pagar', text: 'Yape al 987 654 321, total {total del pedido}' });
      expect(edited.text).toBe('Yape al 987 654 321, total {total del pedido}');
      await h.client.call('quickReplies.delete', { id: edited.id });
      expect((await h.client.call('quickReplies.list', {})).items).toHaveLength(4);
    });

    it('refuses bad quick replies with a clear error and keeps what was saved', async () => {
      expect((await errorOf(() => h.client.call('quickReplies.save', { name: '/pagar', text: 'x' }))).code).toBe('invalid_input');
      expect((await errorOf(() => h.client.call('quickReplies.save', { name: 'Precios', text: 'otra' }))).code).toBe('conflict');
      const missing = await errorOf(() => h.client.call('quickReplies.save', { name: 'foto', text: 'mira', photoIds: ['a'.repeat(32)] }));
      expect(missing).toMatchObject({ code: 'not_found', field: 'photoIds' });
      expect((await h.client.call('quickReplies.list', {})).items).toHaveLength(5);
    });

    it('fills the fields from the customer and her open order, and sends the reply with its photo', async () => {
      await h.client.call('channels.connect', { kind: 'demo' });
      const product = await h.client.call('catalog.createProduct', lipstick());
      const { conversationId } = await customerWrites(h.client, 'hola, cuánto está el labial?', Date.UTC(2026, 2, 4, 14, 30));
      const conversation = await h.client.call('inbox.getConversation', { id: conversationId });
      const customerId = conversation.customerId ?? 0;
      const photo = await h.client.call('media.upload', { fileName: 'qr.jpg', dataBase64: await makePhotoBase64('#00838f') });
      const reply = await h.client.call('quickReplies.save', { name: 'saldo', text: 'Hola {cliente}, tu {producto} ({precio}): total {total del pedido}, falta {saldo}', photoIds: [photo.id] });

      const before = await h.client.call('quickReplies.preview', { id: reply.id, conversationId });
      expect(before.missing.sort()).toEqual(['precio', 'producto', 'saldo', 'total del pedido']);
      expect((await errorOf(() => h.client.call('quickReplies.send', { id: reply.id, conversationId }))).code).toBe('invalid_input');

      const order = await h.client.call('orders.create', { channel: 'whatsapp', customer: { id: customerId }, items: [{ variantId: product.variants[0]?.id ?? 0, quantity: 2 }] });
      await h.client.call('orders.addPayment', { id: order.id, amount: 1000, method: 'Yape/Plin' });
      const preview = await h.client.call('quickReplies.preview', { id: reply.id, conversationId });
      expect(preview.missing).toEqual([]);
      expect(preview.text).toMatch(/^Hola Lucía, tu Labial mate Rojo Pasión \(S\/\s?25\.00\): total S\/\s?50\.00, falta S\/\s?40\.00$/);
      expect(preview.photos.map((p) => p.id)).toEqual([photo.id]);

      const sent = await h.client.call('quickReplies.send', { id: reply.id, conversationId });
      const timeline = await h.client.call('inbox.getConversation', { id: conversationId });
      const last = timeline.messages.at(-1);
      expect(last).toMatchObject({ id: sent.messageId, direction: 'out', text: preview.text });
      expect(last?.photos.map((p) => p.id)).toEqual([photo.id]);
    });

    it('makes a product card with the promotion price and sends it in one call', async () => {
      await h.client.call('channels.connect', { kind: 'demo' });
      const photo = await h.client.call('media.upload', { fileName: 'labial.jpg', dataBase64: await makePhotoBase64('#c2185b') });
      const product = await h.client.call('catalog.createProduct', lipstick({ photoIds: [photo.id] }));
      expect((await h.client.call('quickReplies.productCard', { productId: product.id })).text).toMatch(/^Labial mate Rojo Pasión\nS\/\s?25\.00$/);
      await h.client.call('promotions.create', { title: 'Rojo a 19.90', kind: 'price', startsOn: '2026-03-01', endsOn: '2026-03-31', items: [{ variantId: product.variants[0]?.id ?? 0, promoPrice: 1990 }] });
      const card = await h.client.call('quickReplies.productCard', { productId: product.id });
      expect(card.text).toMatch(/^Labial mate Rojo Pasión\nS\/\s?19\.90 \(antes S\/\s?25\.00\) 🔥$/);
      expect(card.photos.map((p) => p.id)).toEqual([photo.id]);
      const { conversationId } = await customerWrites(h.client, 'tienes labiales?', Date.UTC(2026, 2, 4, 14, 30));
      const sent = await h.client.call('quickReplies.sendProduct', { productId: product.id, conversationId });
      const last = (await h.client.call('inbox.getConversation', { id: conversationId })).messages.at(-1);
      expect(last).toMatchObject({ id: sent.messageId, text: expect.stringContaining('Labial mate Rojo Pasión') });
      expect(last?.photos.map((p) => p.id)).toEqual([photo.id]);
      expect((await errorOf(() => h.client.call('quickReplies.productCard', { productId: 999 }))).code).toBe('not_found');
    });

    it('puts her labels on chats and orders and filters both by them', async () => {
      const product = await h.client.call('catalog.createProduct', lipstick());
      const lucia = await customerWrites(h.client, 'hola', 1_000);
      const ana = await customerWrites(h.client, 'buenas', 2_000, { id: 'demo:whatsapp:51911222333', phone: '51911222333', name: 'Ana' });
      const mayorista = await h.client.call('labels.save', { name: 'Mayorista VIP', color: '#AD1457' });
      expect(mayorista.color).toBe('#ad1457');
      const porPagar = (await h.client.call('labels.list', {})).items.find((l) => l.name === 'por pagar');

      const set = await h.client.call('labels.set', { target: 'conversation', id: ana.conversationId, labelIds: [mayorista.id] });
      expect(set).toEqual({ labelIds: [mayorista.id], phone: 'skipped' });
      const filtered = await h.client.call('inbox.listConversations', { labelId: mayorista.id });
      expect(filtered.items.map((c) => c.id)).toEqual([ana.conversationId]);
      expect((await h.client.call('inbox.listConversations', {})).items).toHaveLength(2);

      const order = await h.client.call('orders.create', { channel: 'whatsapp', items: [{ variantId: product.variants[0]?.id ?? 0, quantity: 1 }] });
      await h.client.call('orders.create', { channel: 'stall', items: [{ variantId: product.variants[0]?.id ?? 0, quantity: 1 }] });
      await h.client.call('labels.set', { target: 'order', id: order.id, labelIds: [porPagar?.id ?? 0, mayorista.id] });
      const orders = await h.client.call('orders.list', { labelId: porPagar?.id });
      expect(orders.items.map((o) => o.id)).toEqual([order.id]);
      expect((await h.client.call('labels.assigned', { target: 'conversation', ids: [lucia.conversationId, ana.conversationId] })).items).toEqual([
        { id: lucia.conversationId, labelIds: [] },
        { id: ana.conversationId, labelIds: [mayorista.id] },
      ]);

      expect((await errorOf(() => h.client.call('labels.save', { name: 'rojo', color: 'red' }))).code).toBe('invalid_input');
      expect((await errorOf(() => h.client.call('labels.save', { name: 'PAGADO', color: '#2e7d32' }))).code).toBe('conflict');
      expect((await errorOf(() => h.client.call('labels.set', { target: 'order', id: order.id, labelIds: [9999] }))).code).toBe('not_found');
      expect((await h.client.call('labels.assigned', { target: 'order', ids: [order.id] })).items[0]?.labelIds).toHaveLength(2);

      await h.client.call('labels.delete', { id: mayorista.id });
      expect((await h.client.call('inbox.listConversations', { labelId: mayorista.id })).items).toEqual([]);
      expect((await h.client.call('labels.assigned', { target: 'order', ids: [order.id] })).items[0]?.labelIds).toEqual([porPagar?.id]);
    });

    it('keeps automatic answers off until she turns them on, and checks what she saves', async () => {
      const auto = await h.client.call('autoReplies.get', {});
      expect(auto).toMatchObject({ isAwayEnabled: false, isGreetingEnabled: false, opensAt: '09:00', isCatalogPdfSent: false });
      const saved = await h.client.call('autoReplies.save', { ...auto, isAwayEnabled: true, closesAt: '18:30', sellingDays: [2, 4, 6], isCatalogPdfSent: true });
      expect(saved).toMatchObject({ isAwayEnabled: true, closesAt: '18:30', sellingDays: [2, 4, 6], isCatalogPdfSent: true });
      expect((await errorOf(() => h.client.call('autoReplies.save', { ...auto, isCatalogPdfSent: 'yes' as unknown as boolean }))).field).toBe('isCatalogPdfSent');
      expect((await errorOf(() => h.client.call('autoReplies.save', { ...auto, opensAt: '25:00' }))).field).toBe('opensAt');
      expect((await errorOf(() => h.client.call('autoReplies.save', { ...auto, catalogLink: 'javascript:alert(1)' }))).code).toBe('invalid_input');
      expect(await h.client.call('autoReplies.get', {})).toEqual(saved);
    });

    it('counts her messages that got no reply, per channel and month', async () => {
      await h.client.call('channels.connect', { kind: 'demo' });
      const { conversationId } = await customerWrites(h.client, 'hola', Date.UTC(2026, 2, 4, 14, 0));
      await h.client.call('inbox.sendMessage', { conversationId, text: '¡Hola! ¿En qué te ayudo?' });
      await h.client.call('inbox.sendMessage', { conversationId, text: '¿Sigues ahí?' });
      const counts = await h.client.call('autoReplies.unanswered', {});
      expect(counts).toMatchObject({ month: '2026-03', items: [{ channel: 'whatsapp', month: '2026-03', count: 2 }] });
      await customerWrites(h.client, 'sí, perdón', Date.UTC(2026, 2, 4, 16, 0));
      expect((await h.client.call('autoReplies.unanswered', {})).items).toEqual([]);
      expect((await h.client.call('autoReplies.unanswered', { month: '2026-02' })).items).toEqual([]);
      expect((await errorOf(() => h.client.call('autoReplies.unanswered', { month: '2026-13' }))).code).toBe('invalid_input');
    });
  });
};
