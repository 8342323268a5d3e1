import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createCore, type Core } from '../../../electron/core';
import type { Order } from '../../../shared/domain/orders';
import { makeTempDir } from '../../helpers/tmp';

describe('nota de venta', () => {
  const tmp = makeTempDir();
  let core: Core;
  let orders: Order[] = [];
  const call = async <T>(method: string, args: unknown): Promise<T> => {
    const result = await core.dispatch(method as never, args as never);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  beforeAll(async () => {
    core = createCore({ dataDir: tmp.dir, clock: () => Date.UTC(2026, 10, 28, 20) });
    const product = await call<{ variants: { id: number }[] }>('catalog.createProduct', { name: 'Labial <b>mate</b> & "rojo"', variants: [{ sku: 'LAB-NV', price: 3500, initialStock: 20 }] });
    for (const name of ['Ana <script>alert(1)</script> & Co', 'Rosa Quispe']) {
      const order = await call<Order>('orders.create', { channel: 'whatsapp', customer: { name, phone: '' }, items: [{ variantId: product.variants[0]!.id, quantity: 2 }], deliveryFee: 800 });
      orders.push(await call<Order>('orders.addPayment', { id: order.id, amount: 5000, method: 'Yape/Plin', operationNumber: '03451297' }));
    }
  });
  afterAll(() => {
    core.close();
    tmp.cleanup();
  });

  it('numbers notes per shop, once per order, as a PDF and as a PNG, with hostile names drawn as text', async () => {
    const first = await call<{ number: string; path: string }>('payments.salesNote', { orderId: orders[1]!.id, format: 'pdf' });
    const second = await call<{ number: string; path: string }>('payments.salesNote', { orderId: orders[0]!.id, format: 'png' });
    const again = await call<{ number: string }>('payments.salesNote', { orderId: orders[1]!.id, format: 'png' });
    expect([first.number, second.number, again.number]).toEqual(['NV-000001', 'NV-000002', 'NV-000001']);
    expect(fs.readFileSync(first.path).subarray(0, 5).toString()).toBe('%PDF-');
    const meta = await sharp(second.path).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBe(720);
  });

  it('an unknown order is refused and gets no number', async () => {
    const result = await core.dispatch('payments.salesNote', { orderId: 999, format: 'pdf' });
    expect(result.ok).toBe(false);
    expect(core.db.prepare('SELECT count(*) FROM sales_notes').pluck().get()).toBe(2);
  });
});
