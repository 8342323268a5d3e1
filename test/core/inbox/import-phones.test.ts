import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { makeTempDir } from '../../helpers/tmp';

describe('a WhatsApp export that names people by their number', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  it('keeps that number, in E.164, as the new customer\'s phone', async () => {
    const tmp = makeTempDir();
    const core = createCore({ dataDir: tmp.dir });
    cleanups.push(() => (core.close(), tmp.cleanup()));
    const api = coreClient(core);
    const chat = ['04/03/26, 09:30 - +51 987 222 333: hola! me separas un labial?', '04/03/26, 09:35 - Karina: claro!', '04/03/26, 09:36 - Lucía: y yo uno'].join('\n');
    await api.call('inbox.importChatExport', { fileName: 'Chat de WhatsApp con grupo.txt', dataBase64: Buffer.from(chat).toString('base64'), sellerName: 'Karina' });
    const { items } = await api.call('customers.list', {});
    expect(items.map((c) => [c.name, c.phone]).sort()).toEqual([['+51 987 222 333', '+51987222333'], ['Lucía', '']]);
  });

  it('joins the customer whose card has that number, as a live message from it would', async () => {
    const tmp = makeTempDir();
    const core = createCore({ dataDir: tmp.dir });
    cleanups.push(() => (core.close(), tmp.cleanup()));
    const api = coreClient(core);
    const { id: productId } = await api.call('catalog.createProduct', { name: 'Labial', variants: [{ name: '', sku: 'LAB-1', price: 2500, initialStock: 5 }] });
    const variantId = (await api.call('catalog.getProduct', { id: productId })).variants[0]?.id ?? 0;
    const order = await api.call('orders.create', { channel: 'instagram', customer: { name: 'Rosa Quispe', phone: '987 222 333' }, items: [{ variantId, quantity: 1 }] });
    const chat = ['04/03/26, 09:30 - +51 987 222 333: hola! me separas un labial?', '04/03/26, 09:35 - Karina: claro!'].join('\n');
    const result = await api.call('inbox.importChatExport', { fileName: 'Chat de WhatsApp con +51 987 222 333.txt', dataBase64: Buffer.from(chat).toString('base64'), sellerName: 'Karina' });
    expect(result.customers).toBe(0);
    const { items } = await api.call('customers.list', {});
    expect(items.map((c) => [c.name, c.phone])).toEqual([['Rosa Quispe', '+51987222333']]);
    const profile = await api.call('customers.get', { id: order.customer?.id ?? 0 });
    expect(profile.conversations).toHaveLength(1);
  });
});
