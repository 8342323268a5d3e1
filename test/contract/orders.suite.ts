import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChasquiError } from '../../shared/api/errors';
import type { Product } from '../../shared/domain/catalog';
import { lipstick } from './catalog.suite';
import { openHarness, type Harness, type TransportName } from './setup';

export const ordersContractSuite = (transport: TransportName): void => {
  describe(`orders (${transport})`, () => {
    let h: Harness;
    let product: Product;
    const red = () => product.variants[0]?.id ?? 0;
    const nude = () => product.variants[1]?.id ?? 0;
    const stockOf = async (variantId: number) =>
      (await h.client.call('catalog.getProduct', { id: product.id })).variants.find((v) => v.id === variantId)?.stock;

    beforeEach(async () => {
      h = await openHarness(transport);
      product = await h.client.call('catalog.createProduct', lipstick());
    });
    afterEach(async () => h.close());

    it('creates a numbered order with a customer, snapshots prices and computes the total', async () => {
      const order = await h.client.call('orders.create', {
        channel: 'whatsapp',
        customer: { name: 'Miguel Rojas', phone: '987 654 321' },
        items: [{ variantId: red(), quantity: 2 }, { variantId: nude(), quantity: 1, unitPrice: 2000 }],
        discount: 500,
        deliveryFee: 800,
        deliveryDate: '2026-03-07',
      });
      expect(order).toMatchObject({
        number: 'P-0001',
        status: 'new',
        channel: 'whatsapp',
        customer: { name: 'Miguel Rojas', phone: '+51987654321' },
        subtotal: 7000,
        total: 7300,
        balanceDue: 7300,
        paymentState: 'unpaid',
        deliveryDate: '2026-03-07',
      });
      expect(order.items.map((i) => [i.sku, i.name, i.quantity, i.unitPrice, i.lineTotal])).toEqual([
        ['LAB-MAT-ROJ', 'Labial mate Rojo Pasión – Rojo Pasión', 2, 2500, 5000],
        ['LAB-MAT-NUD', 'Labial mate Rojo Pasión – Nude Canela', 1, 2000, 2000],
      ]);
      const again = await h.client.call('orders.create', { channel: 'instagram', customer: { name: 'Miguel', phone: '+51 987654321' }, items: [{ variantId: red(), quantity: 1 }] });
      expect(again.customer?.id).toBe(order.customer?.id);
      expect(again.number).toBe('P-0002');
    });

    it('takes stock on confirm, refuses an oversell naming what is left, returns stock on cancel', async () => {
      const order = await h.client.call('orders.create', { channel: 'stall', items: [{ variantId: red(), quantity: 4 }] });
      expect(await stockOf(red())).toBe(10);
      await h.client.call('orders.setStatus', { id: order.id, status: 'confirmed' });
      expect(await stockOf(red())).toBe(6);

      const big = await h.client.call('orders.create', { channel: 'facebook', items: [{ variantId: nude(), quantity: 3 }] });
      const refused = await h.client.request('orders.setStatus', { id: big.id, status: 'confirmed' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'insufficient_stock' } });
      expect(refused.ok ? '' : refused.error.message).toMatch(/Only 2 left of Labial mate Rojo Pasión – Nude Canela/);
      expect((await h.client.call('orders.get', { id: big.id })).status).toBe('new');

      const cancelled = await h.client.call('orders.cancel', { id: order.id, reason: 'Cliente no respondió' });
      expect(cancelled.status).toBe('cancelled');
      expect(await stockOf(red())).toBe(10);
      const history = await h.client.call('stock.history', { variantId: red() });
      expect(history.items.slice(0, 2).map((m) => [m.reason, m.delta, m.note])).toEqual([
        ['return', 4, 'Pedido P-0001'],
        ['sale', -4, 'Pedido P-0001'],
      ]);
      expect(cancelled.events.map((e) => e.status)).toEqual(['new', 'confirmed', 'cancelled']);
    });

    it('follows the status path and refuses jumps', async () => {
      const order = await h.client.call('orders.create', { channel: 'whatsapp', items: [{ variantId: red(), quantity: 1 }] });
      const jump = await h.client.request('orders.setStatus', { id: order.id, status: 'delivered' });
      expect(jump).toMatchObject({ ok: false, error: { code: 'conflict' } });
      for (const status of ['confirmed', 'prepared', 'on_the_way', 'delivered'] as const) {
        await h.client.call('orders.setStatus', { id: order.id, status });
      }
      const closed = await h.client.request('orders.cancel', { id: order.id });
      expect(closed).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(await stockOf(red())).toBe(9);
    });

    it('edits items until prepared, moving held stock by the difference', async () => {
      const order = await h.client.call('orders.create', { channel: 'whatsapp', items: [{ variantId: red(), quantity: 1 }] });
      await h.client.call('orders.setStatus', { id: order.id, status: 'confirmed' });
      const edited = await h.client.call('orders.update', { id: order.id, items: [{ variantId: red(), quantity: 3 }, { variantId: nude(), quantity: 1 }] });
      expect(edited.total).toBe(10_000);
      expect([await stockOf(red()), await stockOf(nude())]).toEqual([7, 1]);
      await h.client.call('orders.setStatus', { id: order.id, status: 'prepared' });
      const late = await h.client.request('orders.update', { id: order.id, items: [{ variantId: red(), quantity: 1 }] });
      expect(late).toMatchObject({ ok: false, error: { code: 'conflict', field: 'items' } });
      const noteOnly = await h.client.call('orders.update', { id: order.id, note: 'Tocar el timbre dos veces' });
      expect(noteOnly.note).toBe('Tocar el timbre dos veces');
    });

    it('records partial payments and the balance due', async () => {
      const order = await h.client.call('orders.create', { channel: 'instagram', items: [{ variantId: red(), quantity: 2 }] });
      const part = await h.client.call('orders.addPayment', { id: order.id, amount: 2000, method: 'Yape/Plin' });
      expect(part).toMatchObject({ paid: 2000, balanceDue: 3000, paymentState: 'partial' });
      const over = await h.client.request('orders.addPayment', { id: order.id, amount: 3001, method: 'Efectivo' });
      expect(over).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'amount' } });
      const unknown = await h.client.request('orders.addPayment', { id: order.id, amount: 100, method: 'Bitcoin' });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'method' } });
      const full = await h.client.call('orders.addPayment', { id: order.id, amount: 3000, method: 'Efectivo', note: 'Contra entrega' });
      expect(full).toMatchObject({ paid: 5000, balanceDue: 0, paymentState: 'paid' });
      expect(full.payments.map((p) => [p.amount, p.method])).toEqual([[2000, 'Yape/Plin'], [3000, 'Efectivo']]);
    });

    it('lists with filters and search by customer or product', async () => {
      const a = await h.client.call('orders.create', { channel: 'whatsapp', customer: { name: 'Lucía Pérez', phone: '' }, items: [{ variantId: red(), quantity: 1 }] });
      await h.client.call('orders.create', { channel: 'instagram', customer: { name: 'Miguel', phone: '' }, items: [{ variantId: nude(), quantity: 1 }] });
      await h.client.call('orders.addPayment', { id: a.id, amount: 2500, method: 'Efectivo' });
      const all = await h.client.call('orders.list', {});
      expect(all.total).toBe(2);
      expect(all.items.map((o) => o.number)).toEqual(['P-0002', 'P-0001']);
      expect((await h.client.call('orders.list', { query: 'lucia' })).items.map((o) => o.number)).toEqual(['P-0001']);
      expect((await h.client.call('orders.list', { query: 'nude canela' })).items.map((o) => o.number)).toEqual(['P-0002']);
      expect((await h.client.call('orders.list', { channel: 'instagram' })).total).toBe(1);
      expect((await h.client.call('orders.list', { paymentState: 'paid' })).items[0]).toMatchObject({ number: 'P-0001', itemsText: '1× Labial mate Rojo Pasión – Rojo Pasión' });
      expect((await h.client.call('orders.list', { from: '2026-03-04', to: '2026-03-04' })).total).toBe(2);
      expect((await h.client.call('orders.list', { from: '2026-03-05' })).total).toBe(0);
    });

    it('drafts an order from a chat message without saving anything', async () => {
      const draft = await h.client.call('orders.draftFromText', { text: 'holaa me separas 2 labiales nude y uno rojo pasion para el sábado xfa 💄' });
      // "Rojo Pasión" is in the product's name too, so the words fit both variants: the line asks to be checked.
      expect(draft).toEqual({
        items: [
          { variantId: nude(), sku: 'LAB-MAT-NUD', name: 'Labial mate Rojo Pasión – Nude Canela', quantity: 2, unitPrice: 2500, stock: 2, alternatives: [{ variantId: red(), name: 'Labial mate Rojo Pasión – Rojo Pasión', unitPrice: 2500, stock: 10 }], confidence: 'sure', score: 1, reasons: [], words: '2 labiales nude', isLearned: false },
          { variantId: red(), sku: 'LAB-MAT-ROJ', name: 'Labial mate Rojo Pasión – Rojo Pasión', quantity: 1, unitPrice: 2500, stock: 10, alternatives: [{ variantId: nude(), name: 'Labial mate Rojo Pasión – Nude Canela', unitPrice: 2500, stock: 2 }], confidence: 'check', score: 0.6, reasons: ['variantGuessed'], words: 'uno rojo pasion', isLearned: false },
        ],
        deliveryDate: '2026-03-07',
        zone: null,
        unmatched: [],
        unknown: [],
      });
      expect((await h.client.call('orders.draftFromText', { text: 'cuánto cuesta el labial?' })).items).toEqual([]);
      expect((await h.client.call('orders.list', {})).total).toBe(0);
      expect(await h.client.request('orders.draftFromText', { text: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'text' } });
    });

    it('validates input and leaves nothing half-saved', async () => {
      const badPhone = await h.client.request('orders.create', { channel: 'whatsapp', customer: { name: 'X', phone: '12' }, items: [{ variantId: red(), quantity: 1 }] });
      expect(badPhone).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'customer.phone' } });
      const badVariant = await h.client.request('orders.create', { channel: 'whatsapp', customer: { name: 'Y', phone: '' }, items: [{ variantId: 999, quantity: 1 }] });
      expect(badVariant).toMatchObject({ ok: false, error: { code: 'not_found', field: 'items.0.variantId' } });
      const badDate = await h.client.request('orders.create', { channel: 'whatsapp', items: [{ variantId: red(), quantity: 1 }], deliveryDate: '2026-02-30' });
      expect(badDate).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'deliveryDate' } });
      expect((await h.client.call('orders.list', {})).total).toBe(0);
      await expect(h.client.call('orders.get', { id: 1 })).rejects.toBeInstanceOf(ChasquiError);
    });
  });
};
