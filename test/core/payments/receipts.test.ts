import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { createCore, type Core } from '../../../electron/core';
import { receiptWarnings } from '../../../electron/core/payments/checks';
import { imageHash } from '../../../electron/core/payments/imageHash';
import { stopOcr } from '../../../electron/core/payments/ocr';
import type { Order } from '../../../shared/domain/orders';
import type { ReceiptReading } from '../../../shared/domain/receiptText';
import { renderReceipt, sampleReceipts, type ReceiptSpec } from '../../helpers/receipts';
import { makeTempDir } from '../../helpers/tmp';

const lima = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Lima' }).toMillis();

describe('payment receipts', () => {
  const tmp = makeTempDir();
  let now = lima('2026-11-28T15:30');
  let core: Core;
  let variantId = 0;
  const call = async <T>(method: string, args: unknown): Promise<T> => {
    const result = await core.dispatch(method as never, args as never);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  const newOrder = async (customer: string, price = 4500): Promise<Order> => {
    const order = await call<Order>('orders.create', { channel: 'whatsapp', customer: { name: customer, phone: '' }, items: [{ variantId, quantity: 1, unitPrice: price }] });
    return call<Order>('orders.setStatus', { id: order.id, status: 'confirmed' });
  };
  const upload = async (spec: ReceiptSpec): Promise<string> =>
    (await call<{ id: string }>('media.upload', { fileName: 'comprobante.jpg', dataBase64: (await renderReceipt(spec)).toString('base64') })).id;
  const yape: ReceiptSpec = { ...sampleReceipts[0]!, payer: 'Lucia Quispe R.' };
  const reading = (changes: Partial<ReceiptReading> = {}): ReceiptReading => ({
    amount: 4500, date: '2026-11-28', time: '15:15', operationNumber: '03451297', payerName: 'Lucia Quispe R.', app: 'yape', ...changes,
  });
  const warningsFor = async (order: Order, spec: ReceiptSpec, changes: Partial<ReceiptReading> = {}) => {
    const bytes = await renderReceipt(spec);
    const r = reading(changes);
    const mediaId = (await call<{ id: string }>('media.upload', { fileName: 'x.jpg', dataBase64: bytes.toString('base64') })).id;
    return receiptWarnings(core.db, {
      mediaId, imageHash: await imageHash(bytes), reading: r, amount: r.amount,
      order: { number: order.number, balanceDue: order.balanceDue, createdAt: order.createdAt, customerName: order.customer?.name ?? '' },
      now, timeZone: 'America/Lima',
    }).map((w) => w.code);
  };

  beforeAll(async () => {
    core = createCore({ dataDir: tmp.dir, clock: () => now });
    // The reader loads while the shop is set up, as the app starts it when a customer's photo is on screen.
    expect(await call('payments.prepareReader', {})).toEqual({ isReady: false });
    const product = await call<{ variants: { id: number }[] }>('catalog.createProduct', { name: 'Labial', variants: [{ sku: 'LAB-1', price: 4500, initialStock: 50 }] });
    variantId = product.variants[0]!.id;
  });
  afterAll(async () => {
    core.close();
    await stopOcr();
    tmp.cleanup();
  });

  it('reads a screenshot from the chat, offers her one open order, pre-fills it, and records it with the image kept', async () => {
    now = lima('2026-11-28T15:30');
    const order = await newOrder('Lucía Quispe');
    const customerId = order.customer!.id;
    const mediaId = await upload(yape);
    const check = await call<{ orderId: number; reading: ReceiptReading; method: string; warnings: unknown[] }>('payments.readReceipt', { mediaId, customerId });
    expect(check.orderId).toBe(order.id);
    expect(check.reading).toMatchObject({ amount: 4500, operationNumber: '03451297', app: 'yape', date: '2026-11-28', time: '15:15' });
    expect(check.method).toBe('Yape/Plin');
    expect(check.warnings).toEqual([]);
    const paid = await call<Order>('payments.recordReceipt', { orderId: order.id, mediaId, amount: 4500, method: check.method, operationNumber: '03451297', payerName: 'Lucia Quispe R.', date: '2026-11-28', time: '15:15', app: 'yape' });
    expect(paid.balanceDue).toBe(0);
    expect(paid.payments.at(-1)).toMatchObject({ amount: 4500, operationNumber: '03451297' });
    const [receipt] = (await call<{ items: { paymentId: number; mediaId: string; isVerified: boolean }[] }>('payments.listReceipts', { orderId: order.id })).items;
    expect(receipt).toMatchObject({ mediaId, isVerified: false });
    expect((await call<{ items: unknown[] }>('payments.listReceipts', { isVerified: false })).items).toHaveLength(1);
    await call('payments.verify', { paymentId: receipt!.paymentId, isVerified: true });
    expect((await call<{ items: unknown[] }>('payments.listReceipts', { isVerified: false })).items).toHaveLength(0);
  }, 60_000);

  it('the same screenshot again is flagged: same image and same operation number', async () => {
    const order = await newOrder('Lucía Quispe');
    const codes = await warningsFor(order, yape);
    expect(codes).toContain('duplicate_image');
    expect(codes).toContain('duplicate_operation');
  });

  it('a re-cropped, re-compressed copy of it is still a copy', async () => {
    const order = await newOrder('Lucía Quispe');
    expect(await warningsFor(order, { ...yape, crop: 16, jpegQuality: 40 }, { operationNumber: '' })).toEqual(['duplicate_image']);
  });

  it('another receipt of the same app with its own figures is not a copy', async () => {
    const order = await newOrder('Lucía Quispe');
    expect(await warningsFor(order, { ...yape, amount: '45.00', operation: '77777777', time: '04:20 p. m.' }, { operationNumber: '77777777', time: '16:20' })).toEqual([]);
  });

  it('an operation number already used on another payment, on another picture', async () => {
    const order = await newOrder('Lucía Quispe');
    expect(await warningsFor(order, sampleReceipts[3]!, { app: 'plin', time: '10:30' })).toEqual(['duplicate_operation']);
  });

  it('an amount that is not the balance', async () => {
    const order = await newOrder('Lucía Quispe');
    expect(await warningsFor(order, sampleReceipts[1]!, { amount: 4000, operationNumber: '40404040' })).toEqual(['amount_mismatch']);
  });

  it('a receipt dated before the order', async () => {
    const order = await newOrder('Lucía Quispe');
    expect(await warningsFor(order, sampleReceipts[2]!, { date: '2026-11-20', operationNumber: '20202020' })).toEqual(['date_before_order']);
  });

  it('a receipt days old', async () => {
    now = lima('2026-11-01T10:00');
    const order = await newOrder('Lucía Quispe');
    now = lima('2026-11-28T15:30');
    expect(await warningsFor(order, sampleReceipts[6]!, { date: '2026-11-10', operationNumber: '10101010' })).toEqual(['date_too_old']);
  });

  it('a payer who does not resemble the customer (a warning, the payment can still be recorded)', async () => {
    const order = await newOrder('Lucía Quispe');
    expect(await warningsFor(order, sampleReceipts[7]!, { payerName: 'Jorge Salas', operationNumber: '30303030' })).toEqual(['payer_mismatch']);
    expect(await warningsFor(order, sampleReceipts[8]!, { payerName: 'LUCIA Q.', operationNumber: '30303031' })).toEqual([]);
  });

  it('refuses a receipt for more than is due, and nothing is saved', async () => {
    const order = await newOrder('Lucía Quispe');
    const mediaId = await upload(sampleReceipts[9]!);
    const result = await core.dispatch('payments.recordReceipt', { orderId: order.id, mediaId, amount: 9900, method: 'Yape/Plin' });
    expect(result.ok).toBe(false);
    expect((await call<{ items: unknown[] }>('payments.listReceipts', { orderId: order.id })).items).toEqual([]);
    expect((await call<Order>('orders.get', { id: order.id })).paid).toBe(0);
  });

  it('Por cobrar lists who owes, what and since when', async () => {
    const { items } = await call<{ items: { customerName: string; balanceDue: number; orders: unknown[] }[] }>('payments.receivables', {});
    const owing = items.filter((i) => i.customerName === 'Lucía Quispe');
    // Ten orders of 45.00 were made; the first was paid by its receipt.
    expect(owing.reduce((sum, i) => sum + i.balanceDue, 0)).toBe(9 * 4500);
    expect(owing.flatMap((i) => i.orders)).toHaveLength(9);
  });
});
