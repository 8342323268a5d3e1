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

const at = Date.UTC(2026, 2, 4, 14, 0);

/** A customer on a live chat (the demo channel) with a confirmed order of two lipsticks (50.00) to pay. */
const owingCustomer = async (client: ApiClient, phone = '51987111222', name = 'Lucía Quispe') => {
  const { conversationId } = await client.call('inbox.ingestMessage', {
    channel: 'whatsapp', conversationExternalId: `demo:whatsapp:${phone}`, messageExternalId: `in-${phone}`, direction: 'in', author: name, senderExternalId: phone, text: 'ya te pago', sentAt: at, via: 'demo',
  });
  const customerId = (await client.call('inbox.getConversation', { id: conversationId })).customerId ?? 0;
  const product = await client.call('catalog.createProduct', lipstick({ variants: [{ name: 'Rojo', sku: `LAB-${phone}`, price: 2500, initialStock: 10 }] }));
  const order = await client.call('orders.create', { channel: 'whatsapp', customer: { id: customerId }, items: [{ variantId: product.variants[0]?.id ?? 0, quantity: 2 }] });
  await client.call('orders.setStatus', { id: order.id, status: 'confirmed' });
  return { conversationId, customerId, orderId: order.id };
};

/**
 * payments.*: receipts (recorded from a small photo; OCR itself is left to the core tests, it is
 * slow), Por cobrar and its reminders, payment details in a chat and the nota de venta.
 */
export const paymentsContractSuite = (transport: TransportName): void => {
  describe(`payments (${transport})`, () => {
    let h: Harness;
    beforeEach(async () => {
      h = await openHarness(transport);
      await h.client.call('channels.connect', { kind: 'demo' });
    });
    afterEach(async () => h.close());

    it('records a payment from a screenshot, lists it and marks it verified', async () => {
      const { orderId } = await owingCustomer(h.client);
      const photo = await h.client.call('media.upload', { fileName: 'comprobante.jpg', dataBase64: await makePhotoBase64('#742284') });
      const order = await h.client.call('payments.recordReceipt', { orderId, mediaId: photo.id, amount: 3000, method: 'Yape/Plin', operationNumber: '03451297', payerName: 'Lucia Quispe', date: '2026-03-04', time: '09:15', app: 'yape' });
      expect(order).toMatchObject({ id: orderId, paid: 3000, balanceDue: 2000 });
      const { items } = await h.client.call('payments.listReceipts', { orderId });
      expect(items).toEqual([expect.objectContaining({ orderId, mediaId: photo.id, amount: 3000, operationNumber: '03451297', payerName: 'Lucia Quispe', isVerified: false })]);
      const verified = await h.client.call('payments.verify', { paymentId: items[0]?.paymentId ?? 0, isVerified: true });
      expect(verified.isVerified).toBe(true);
      expect((await h.client.call('payments.listReceipts', { isVerified: false })).items).toEqual([]);
    });

    it('refuses bad receipts with stable codes and changes nothing', async () => {
      const { orderId } = await owingCustomer(h.client);
      const photo = await h.client.call('media.upload', { fileName: 'comprobante.jpg', dataBase64: await makePhotoBase64('#742284') });
      const good = { orderId, mediaId: photo.id, amount: 1000, method: 'Yape/Plin' };
      expect(await errorOf(() => h.client.call('payments.recordReceipt', { ...good, amount: 0 }))).toMatchObject({ code: 'invalid_input', field: 'amount' });
      expect(await errorOf(() => h.client.call('payments.recordReceipt', { ...good, mediaId: '../../etc/passwd' }))).toMatchObject({ code: 'invalid_input', field: 'mediaId' });
      expect(await errorOf(() => h.client.call('payments.recordReceipt', { ...good, date: '04/03/2026' }))).toMatchObject({ code: 'invalid_input', field: 'date' });
      expect(await errorOf(() => h.client.call('payments.recordReceipt', { ...good, time: '25:00' }))).toMatchObject({ code: 'invalid_input', field: 'time' });
      expect(await errorOf(() => h.client.call('payments.recordReceipt', { ...good, isVerified: true } as never))).toMatchObject({ code: 'invalid_input' });
      expect(await errorOf(() => h.client.call('payments.recordReceipt', { ...good, mediaId: 'a'.repeat(32) }))).toMatchObject({ code: 'not_found', field: 'mediaId' });
      expect((await errorOf(() => h.client.call('payments.recordReceipt', { ...good, orderId: 999 }))).code).toBe('not_found');
      // More than is owed is refused by the ledger, as orders.addPayment refuses it.
      expect((await errorOf(() => h.client.call('payments.recordReceipt', { ...good, amount: 9900 }))).code).toBe('invalid_input');
      // Reading a photo that is not there fails before any OCR starts.
      expect(await errorOf(() => h.client.call('payments.readReceipt', { mediaId: 'b'.repeat(32) }))).toMatchObject({ code: 'not_found', field: 'mediaId' });
      expect(await errorOf(() => h.client.call('payments.readReceipt', { mediaId: 'nope' }))).toMatchObject({ code: 'invalid_input', field: 'mediaId' });
      expect(await errorOf(() => h.client.call('payments.verify', { paymentId: 999, isVerified: true }))).toMatchObject({ code: 'not_found', field: 'paymentId' });
      expect((await h.client.call('payments.listReceipts', {})).items).toEqual([]);
      expect((await h.client.call('orders.get', { id: orderId })).paid).toBe(0);
    });

    it('lists who owes a page at a time, most owed first, with how many owe and how much in all', async () => {
      const ana = await owingCustomer(h.client, '51987000001', 'Ana');
      const beto = await owingCustomer(h.client, '51987000002', 'Beto');
      const carla = await owingCustomer(h.client, '51987000003', 'Carla');
      await h.client.call('orders.addPayment', { id: beto.orderId, amount: 1000, method: 'Efectivo' });
      const first = await h.client.call('payments.receivables', { limit: 2 });
      expect(first.items.map((i) => [i.customerName, i.balanceDue])).toEqual([['Ana', 5000], ['Carla', 5000]]);
      expect([first.total, first.totalDue]).toEqual([3, 14_000]);
      const rest = await h.client.call('payments.receivables', { limit: 2, offset: 2 });
      expect(rest.items.map((i) => [i.customerId, i.balanceDue, i.orders.length])).toEqual([[beto.customerId, 4000, 1]]);
      expect(new Set([...first.items, ...rest.items].map((i) => i.customerId))).toEqual(new Set([ana.customerId, beto.customerId, carla.customerId]));
      expect(await errorOf(() => h.client.call('payments.receivables', { limit: 0 }))).toMatchObject({ code: 'invalid_input', field: 'limit' });
    });

    it('lists who owes and sends one reminder a day through her chat', async () => {
      const { customerId, conversationId } = await owingCustomer(h.client);
      const { items } = await h.client.call('payments.receivables', {});
      expect(items).toEqual([expect.objectContaining({ customerId, customerName: 'Lucía Quispe', balanceDue: 5000, lastReminderAt: null })]);
      const sent = await h.client.call('payments.sendReminder', { customerId, text: 'Hola Lucía, queda S/ 50.00' });
      const last = (await h.client.call('inbox.getConversation', { id: conversationId })).messages.at(-1);
      expect(last).toMatchObject({ id: sent.messageId, direction: 'out', text: 'Hola Lucía, queda S/ 50.00' });
      expect((await h.client.call('payments.receivables', {})).items[0]?.lastReminderAt).toBe(sent.sentAt);
      expect((await errorOf(() => h.client.call('payments.sendReminder', { customerId, text: 'otra vez' }))).code).toBe('conflict');
      expect(await errorOf(() => h.client.call('payments.sendReminder', { customerId, text: ' ' }))).toMatchObject({ code: 'invalid_input', field: 'text' });
      expect((await errorOf(() => h.client.call('payments.sendReminder', { customerId: 999, text: 'hola' }))).code).toBe('not_found');
    });

    it('queues reminders to several customers, skips who cannot get one, and reports the batch', async () => {
      const lucia = await owingCustomer(h.client);
      const ana = await owingCustomer(h.client, '51911222333', 'Ana Flores');
      await h.client.call('payments.sendReminder', { customerId: ana.customerId, text: 'Hola Ana' });
      const plan = await h.client.call('payments.planReminders', { customerIds: [lucia.customerId, ana.customerId] });
      expect(plan).toEqual({
        recipients: [{ customerId: lucia.customerId, name: 'Lucía Quispe', channel: 'whatsapp', balanceDue: 5000 }],
        skipped: [{ customerId: ana.customerId, name: 'Ana Flores', reason: 'reminded_today' }],
      });
      const queued = await h.client.call('payments.queueReminders', { customerIds: [lucia.customerId, ana.customerId], template: '{cliente}: debes {saldo}' });
      expect(queued.batchId).toMatch(/^[a-f0-9]{12}$/);
      expect(queued.recipients).toHaveLength(1);
      expect(await h.client.call('payments.reminderBatch', { batchId: queued.batchId })).toMatchObject({ total: 1, pending: 1, sent: 0 });
      await h.core.outbox.runDue();
      expect(await h.client.call('payments.reminderBatch', { batchId: queued.batchId })).toMatchObject({ total: 1, pending: 0, sent: 1, nextSendAt: null });
      expect((await h.client.call('inbox.getConversation', { id: lucia.conversationId })).messages.at(-1)?.text).toMatch(/^Lucía: debes S\/\s?50\.00$/);

      expect((await errorOf(() => h.client.call('payments.queueReminders', { customerIds: [lucia.customerId, ana.customerId] }))).code).toBe('conflict');
      expect(await errorOf(() => h.client.call('payments.planReminders', { customerIds: [] }))).toMatchObject({ code: 'invalid_input', field: 'customerIds' });
      expect(await errorOf(() => h.client.call('payments.queueReminders', { customerIds: [lucia.customerId, lucia.customerId] }))).toMatchObject({ code: 'invalid_input', field: 'customerIds' });
      expect(await errorOf(() => h.client.call('payments.queueReminders', { customerIds: [lucia.customerId], template: '' }))).toMatchObject({ code: 'invalid_input', field: 'template' });
      expect(await errorOf(() => h.client.call('payments.planReminders', { customerIds: [999] }))).toMatchObject({ code: 'not_found', field: 'customerIds.0' });
      expect(await errorOf(() => h.client.call('payments.reminderBatch', { batchId: 'ZZ' }))).toMatchObject({ code: 'invalid_input', field: 'batchId' });
      expect(await errorOf(() => h.client.call('payments.reminderBatch', { batchId: 'abcdef123456' }))).toMatchObject({ code: 'not_found', field: 'batchId' });
    });

    it('sends her payment details with her QR as a picture', async () => {
      const { conversationId, customerId } = await owingCustomer(h.client);
      const qr = await h.client.call('media.upload', { fileName: 'qr.png', dataBase64: await makePhotoBase64('#742284') });
      await h.client.call('settings.update', { paymentDetails: [{ kind: 'yape', label: 'Yape', number: '987 654 321', holder: 'Karina Paredes', qrMediaId: qr.id }] });
      const sent = await h.client.call('payments.sendDetails', { conversationId, text: 'Puedes pagar por:\n• Yape 987 654 321' });
      expect(sent).toEqual({ messageId: sent.messageId, conversationId, channel: 'whatsapp', qr: 'sent' });
      const last = (await h.client.call('inbox.getConversation', { id: conversationId })).messages.at(-1);
      expect(last).toMatchObject({ id: sent.messageId, text: 'Puedes pagar por:\n• Yape 987 654 321' });
      expect(last?.photos.map((p) => p.id)).toEqual([qr.id]);
      expect((await h.client.call('payments.sendDetails', { customerId, channel: 'whatsapp', text: 'Tu pedido' })).qr).toBe('sent');

      expect(await errorOf(() => h.client.call('payments.sendDetails', { text: 'hola' }))).toMatchObject({ code: 'invalid_input', field: 'customerId' });
      expect(await errorOf(() => h.client.call('payments.sendDetails', { conversationId, text: '' }))).toMatchObject({ code: 'invalid_input', field: 'text' });
      expect(await errorOf(() => h.client.call('payments.sendDetails', { conversationId, channel: 'telegram', text: 'x' } as never))).toMatchObject({ code: 'invalid_input', field: 'channel' });
      expect(await errorOf(() => h.client.call('payments.sendDetails', { conversationId: 999, text: 'x' }))).toMatchObject({ code: 'not_found', field: 'conversationId' });
      expect(await errorOf(() => h.client.call('payments.sendDetails', { customerId: 999, text: 'x' }))).toMatchObject({ code: 'not_found', field: 'customerId' });
      await h.client.call('channels.disconnect', { kind: 'demo' });
      expect((await errorOf(() => h.client.call('payments.sendDetails', { conversationId, text: 'x' }))).code).toBe('channel_not_ready');
    });

    it('makes the numbered nota de venta of an order, and refuses an unknown order', async () => {
      const { orderId } = await owingCustomer(h.client);
      const note = await h.client.call('payments.salesNote', { orderId });
      expect(note.number).toBe('NV-000001');
      expect(note.path).toMatch(/\.pdf$/);
      expect((await h.client.call('payments.salesNote', { orderId, format: 'pdf' })).number).toBe('NV-000001');
      expect((await errorOf(() => h.client.call('payments.salesNote', { orderId: 999 }))).code).toBe('not_found');
      expect(await errorOf(() => h.client.call('payments.salesNote', { orderId, format: 'docx' } as never))).toMatchObject({ code: 'invalid_input', field: 'format' });
    });
  });
};
