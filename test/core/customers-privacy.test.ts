import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, DB_FILE, type Core } from '../../electron/core';
import { coreClient } from '../../electron/core/client';
import type { ApiClient } from '../../shared/api/client';
import { makeTempDir } from '../helpers/tmp';

const CANARY = 'canario-7f3e9a-direccion-secreta';

const filesContain = (dir: string, needle: string): string[] => {
  const hits: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (fs.readFileSync(file).includes(needle)) hits.push(file);
  }
  return hits;
};

describe("one customer's data", () => {
  const tmp = makeTempDir();
  let core: Core;
  let api: ApiClient;
  let customerId = 0;
  beforeAll(async () => {
    core = createCore({ dataDir: tmp.dir });
    api = coreClient(core);
    const { conversationId } = await api.call('inbox.ingestMessage', {
      channel: 'whatsapp', conversationExternalId: '51987111222@c.us', messageExternalId: 'w1', direction: 'in', author: 'Lucía Canario',
      senderExternalId: '51987111222', text: `hola! envíamelo a ${CANARY} xfa`, sentAt: 1_000,
    });
    customerId = (await api.call('inbox.getConversation', { id: conversationId })).customerId ?? 0;
    const product = await api.call('catalog.createProduct', { name: 'Labial', variants: [{ sku: 'L', price: 2500, initialStock: 5 }] });
    const order = await api.call('orders.create', { channel: 'whatsapp', customer: { id: customerId }, items: [{ variantId: product.variants[0]?.id ?? 0, quantity: 2 }], sourceText: `para ${CANARY}`, deliveryDate: '2026-03-07' });
    await api.call('orders.setStatus', { id: order.id, status: 'confirmed' });
    await api.call('deliveries.assign', { orderId: order.id, address: CANARY });
    await api.call('orders.addPayment', { id: order.id, amount: 5000, method: 'Efectivo' });
  });
  afterAll(() => {
    core.close();
    tmp.cleanup();
  });

  it('exports everything about a customer as JSON and as readable text', async () => {
    const result = await api.call('customers.exportData', { id: customerId });
    const json = JSON.parse(fs.readFileSync(result.json.path, 'utf8'));
    expect(json.customer.name).toBe('Lucía Canario');
    expect(json.orders).toHaveLength(1);
    expect(json.messages[0].text).toContain(CANARY);
    expect(fs.readFileSync(result.text.path, 'utf8')).toContain('Datos de Lucía Canario (+51987111222)');
    fs.rmSync(path.dirname(result.json.path), { recursive: true });
  });

  it('erases her messages and personal fields, keeps the anonymized order, and leaves no trace on disk', async () => {
    expect(await core.dispatch('customers.erase', { id: customerId, confirm: 'si' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'confirm' } });
    const result = await api.call('customers.erase', { id: customerId, confirm: 'BORRAR' });
    expect(result).toEqual({ erasedMessages: 1, keptOrders: 1 });
    const profile = await api.call('customers.get', { id: customerId });
    expect(profile).toMatchObject({ name: `Cliente borrado #${customerId}`, phone: '', lifetimeValue: 5000, identities: [], conversations: [] });
    expect((await api.call('reports.sales', { from: '1970-01-01', to: '2100-01-01', groupBy: 'month' })).totals.revenue).toBe(5000);

    const backup = await api.call('backup.create', {});
    expect(filesContain(tmp.dir, CANARY)).toEqual([]);
    // Her name is not left in the search indexes either (they keep words folded: "canario").
    expect(filesContain(tmp.dir, 'Canario')).toEqual([]);
    expect(filesContain(tmp.dir, 'canario')).toEqual([]);
    expect(filesContain(backup.path, 'Lucía Canario')).toEqual([]);
    expect(fs.existsSync(path.join(tmp.dir, DB_FILE))).toBe(true);
  });
});
