import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';

const HOUR = 3_600_000;
const start = Date.UTC(2026, 2, 4, 15, 0); // Wednesday 10:00 in Lima

describe('Pendientes follow the core clock, the ledger and the chats', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core;
  let api: ApiClient;
  let now = start;
  let variantId = 0;
  beforeEach(async () => {
    now = start;
    tmp = makeTempDir();
    core = createCore({ dataDir: tmp.dir, clock: () => now, isOutboxTimerEnabled: false });
    api = coreClient(core);
    variantId = (await api.call('catalog.createProduct', { name: 'Labial nude', variants: [{ sku: 'LAB-N', price: 2500, initialStock: 9 }] })).variants[0]?.id ?? 0;
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  let seq = 0;
  const customerWrites = (text: string) =>
    api.call('inbox.ingestMessage', {
      channel: 'whatsapp', conversationExternalId: '51987111222@c.us', messageExternalId: `m${(seq += 1)}`, direction: 'in', author: 'Lucía', senderExternalId: '51987111222', text, sentAt: now, via: 'demo',
    });
  const kinds = async () => (await api.call('followUps.list', {})).items.map((f) => f.kind);
  const customerId = async (conversationId: number) => (await api.call('inbox.getConversation', { id: conversationId })).customerId ?? 0;

  it('an unpaid order shows 24 h after confirming; the customer writing first puts it off', async () => {
    const { conversationId } = await customerWrites('me separas 1 labial nude');
    const order = await api.call('orders.create', { channel: 'whatsapp', customer: { id: await customerId(conversationId) }, items: [{ variantId, quantity: 1 }] });
    await api.call('orders.setStatus', { id: order.id, status: 'confirmed' });
    now += 23 * HOUR;
    expect(await kinds()).toEqual([]);
    now += 2 * HOUR;
    const [item] = (await api.call('followUps.list', {})).items;
    expect(item).toMatchObject({ kind: 'unpaid', orderId: order.id, amount: 2500, canSend: true });
    expect(item?.message).toContain('S/');
    await customerWrites('ya te pago en la tarde');
    expect(await kinds()).toEqual([]);
    now += 24 * HOUR + 1;
    expect(await kinds()).toEqual(['unpaid']);
  });

  it('a question about a price with no order a day later, gone once she orders', async () => {
    const { conversationId } = await customerWrites('¿a cuánto el labial nude?');
    now += 23 * HOUR;
    expect(await kinds()).toEqual([]);
    now += 2 * HOUR;
    const [item] = (await api.call('followUps.list', {})).items;
    expect(item).toMatchObject({ kind: 'asked', customerName: 'Lucía', productName: '¿a cuánto el labial nude?' });
    await api.call('orders.create', { channel: 'whatsapp', customer: { id: await customerId(conversationId) }, items: [{ variantId, quantity: 1 }] });
    expect(await kinds()).toEqual([]);
  });

  it('a question stays a week at most, and only her last message counts', async () => {
    await customerWrites('¿tienes el labial nude?');
    now += 25 * HOUR;
    expect(await kinds()).toEqual(['asked']);
    now += 6 * 24 * HOUR;
    expect(await kinds()).toEqual([]);
    await customerWrites('¿precio del rubor?');
    now += 25 * HOUR;
    expect(await kinds()).toEqual(['asked']);
    await customerWrites('ok gracias');
    now += 25 * HOUR;
    expect(await kinds()).toEqual([]);
  });

  it('tomorrow\'s orders without an address, and balances owed after delivery', async () => {
    const customer = { name: 'Rosa', phone: '987000111' };
    const noAddress = await api.call('orders.create', { channel: 'phone', customer, items: [{ variantId, quantity: 1 }], deliveryDate: '2026-03-05' });
    await api.call('orders.create', { channel: 'phone', customer, items: [{ variantId, quantity: 1 }], deliveryDate: '2026-03-05', delivery: { address: 'Av. Larco 123' } });
    await api.call('orders.create', { channel: 'phone', customer, items: [{ variantId, quantity: 1 }], deliveryDate: '2026-03-05', delivery: { method: 'pickup' } });
    await api.call('orders.create', { channel: 'phone', customer, items: [{ variantId, quantity: 1 }], deliveryDate: '2026-03-06' });
    const list = (await api.call('followUps.list', {})).items;
    expect(list.map((f) => [f.kind, f.orderId])).toEqual([['no_address', noAddress.id]]);
    expect(list[0]?.message).toContain('dirección');

    await api.call('settings.update', { followUpUnpaidHours: 300 });
    for (const status of ['confirmed', 'prepared', 'delivered'] as const) await api.call('orders.setStatus', { id: noAddress.id, status });
    await api.call('orders.addPayment', { id: noAddress.id, amount: 1000, method: 'Efectivo' });
    const balance = (await api.call('followUps.list', {})).items.find((f) => f.kind === 'balance');
    expect(balance).toMatchObject({ customerName: 'Rosa', amount: 1500, count: 1, since: start });
  });

  it('balances page like the rest: counted without the ones she marked, read a page at a time after the other kinds', async () => {
    const owes = async (name: string, phone: string, paid: number) => {
      const order = await api.call('orders.create', { channel: 'phone', customer: { name, phone }, items: [{ variantId, quantity: 1 }] });
      for (const status of ['confirmed', 'prepared', 'delivered'] as const) await api.call('orders.setStatus', { id: order.id, status });
      if (paid > 0) await api.call('orders.addPayment', { id: order.id, amount: paid, method: 'Efectivo' });
      return order;
    };
    const rosaOrder = await owes('Rosa', '987111001', 1000);
    await owes('Lucía', '987111002', 0);
    await owes('Marta', '987111003', 500);
    await customerWrites('cuánto está el labial nude?');
    now += 25 * HOUR;
    const all = await api.call('followUps.list', {});
    expect(all.counts).toMatchObject({ asked: 1, balance: 3 });
    expect(all.items.map((f) => f.kind)).toEqual(['asked', 'balance', 'balance', 'balance']);
    expect(all.items.filter((f) => f.kind === 'balance').map((f) => [f.customerName, f.amount])).toEqual([['Rosa', 1500], ['Lucía', 2500], ['Marta', 2000]]);
    expect(all.items.find((f) => f.kind === 'balance')?.message).toContain('15');

    // A page that starts in the chats and ends in the balances, and one that starts inside them.
    expect((await api.call('followUps.list', { limit: 2 })).items.map((f) => [f.kind, f.customerName])).toEqual([['asked', 'Lucía'], ['balance', 'Rosa']]);
    const later = await api.call('followUps.list', { offset: 2, limit: 2 });
    expect(later.items.map((f) => f.customerName)).toEqual(['Lucía', 'Marta']);
    expect(later.total).toBe(4);
    expect((await api.call('followUps.list', { kind: 'balance', offset: 1 })).items.map((f) => f.customerName)).toEqual(['Lucía', 'Marta']);

    // Done with Rosa's balance: gone from the count and the pages; she pays more, a new balance shows.
    const rosa = all.items.find((f) => f.customerName === 'Rosa')?.key ?? '';
    await api.call('followUps.done', { key: rosa });
    const after = await api.call('followUps.list', { kind: 'balance' });
    expect(after.counts.balance).toBe(2);
    expect(after.total).toBe(2);
    expect(after.items.map((f) => f.customerName)).toEqual(['Lucía', 'Marta']);
    const lucia = after.items[0]?.key ?? '';
    await api.call('followUps.snooze', { key: lucia, hours: 24 });
    expect((await api.call('followUps.list', { kind: 'balance' })).items.map((f) => f.customerName)).toEqual(['Marta']);
    now += 25 * HOUR;
    expect((await api.call('followUps.list', { kind: 'balance' })).items.map((f) => f.customerName)).toEqual(['Lucía', 'Marta']);
    await api.call('orders.addPayment', { id: rosaOrder.id, amount: 500, method: 'Efectivo' });
    const paidMore = await api.call('followUps.list', { kind: 'balance' });
    expect(paidMore.items.map((f) => [f.customerName, f.amount])).toEqual([['Rosa', 1000], ['Lucía', 2500], ['Marta', 2000]]);
    expect(paidMore.counts.balance).toBe(3);
  });

  it('a question she marked done or put off leaves the count and the page, and comes back when the time is up', async () => {
    await customerWrites('cuánto está el labial nude?');
    now += 25 * HOUR;
    const [question] = (await api.call('followUps.list', {})).items;
    expect(question).toMatchObject({ kind: 'asked', customerName: 'Lucía', productName: 'cuánto está el labial nude?' });
    await api.call('followUps.snooze', { key: question?.key ?? '', hours: 3 });
    const snoozed = await api.call('followUps.list', {});
    expect(snoozed.counts.asked).toBe(0);
    expect(snoozed.items).toEqual([]);
    now += 4 * HOUR;
    expect((await api.call('followUps.list', {})).counts.asked).toBe(1);
    await api.call('followUps.done', { key: question?.key ?? '' });
    expect((await api.call('followUps.list', { kind: 'asked' })).total).toBe(0);
    // A week after her message the question is no longer a reminder at all.
    now += 7 * 24 * HOUR;
    expect((await api.call('followUps.list', {})).counts.asked).toBe(0);
  });
});
