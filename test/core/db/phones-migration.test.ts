import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { migrations } from '../../../electron/core/db/migrations';
import { m0015 } from '../../../electron/core/db/migrations/0015-phones-e164';
import { makeTempDir } from '../../helpers/tmp';

describe('migration 15: phones saved before Chasqui read them become E.164', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).reverse().forEach((cleanup) => cleanup()));

  it('runs when a database older than 15 is opened', () => {
    expect(migrations).toContain(m0015);
  });

  it('normalises customers, delivery contacts, couriers and the shop number with the shop\'s country; leaves what is not a number', async () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const core = createCore({ dataDir: tmp.dir });
    cleanups.push(() => core.close());
    const api = coreClient(core);
    await api.call('settings.update', { locale: 'es-PE' });
    const product = await api.call('catalog.createProduct', { name: 'Labial', variants: [{ sku: 'L', price: 2500, initialStock: 5 }] });
    const variantId = product.variants[0]?.id ?? 0;
    const first = await api.call('orders.create', { channel: 'whatsapp', customer: { name: 'Lucía', phone: '' }, items: [{ variantId, quantity: 1 }] });
    const second = await api.call('orders.create', { channel: 'whatsapp', customer: { name: 'Rosa', phone: '' }, items: [{ variantId, quantity: 1 }] });
    await api.call('deliveries.assign', { orderId: first.id, address: 'Av. Sol 1' });
    await api.call('deliveries.assign', { orderId: second.id, address: 'Av. Luna 2' });
    // What older versions wrote as typed.
    const db = core.db;
    db.prepare('UPDATE customers SET phone = ? WHERE id = ?').run('987 111 222', first.customer?.id ?? 0);
    db.prepare('UPDATE customers SET phone = ? WHERE id = ?').run('912 345 67', second.customer?.id ?? 0);
    db.prepare('UPDATE deliveries SET contact_phone = ? WHERE order_id = ?').run('987 222 333', first.id);
    db.prepare('UPDATE deliveries SET contact_phone = ? WHERE order_id = ?').run('llamar al vecino', second.id);
    db.prepare("INSERT INTO settings (key, value) VALUES ('couriers', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify([{ name: 'Diego', phone: '51912345678' }, { name: 'Tío', phone: '' }]));
    db.prepare("INSERT INTO settings (key, value) VALUES ('whatsappNumber', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify('987654321'));
    // Run on its own (not by rewinding user_version), so migrations of other numbers never run twice here.
    db.transaction(() => m0015.run?.(db))();
    const phoneOf = (id: number) => core.db.prepare('SELECT phone FROM customers WHERE id = ?').pluck().get(id);
    const contactOf = (id: number) => core.db.prepare('SELECT contact_phone FROM deliveries WHERE order_id = ?').pluck().get(id);
    expect(phoneOf(first.customer?.id ?? 0)).toBe('+51987111222');
    expect(phoneOf(second.customer?.id ?? 0)).toBe('912 345 67');
    expect(contactOf(first.id)).toBe('+51987222333');
    expect(contactOf(second.id)).toBe('llamar al vecino');
    const settings = await coreClient(core).call('settings.get', {});
    expect(settings.couriers).toEqual([{ name: 'Diego', phone: '+51912345678' }, { name: 'Tío', phone: '' }]);
    expect(settings.whatsappNumber).toBe('51987654321');
  });

  it('empties a shop number that is not one, so no printed QR or promo link points to a stranger', async () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const core = createCore({ dataDir: tmp.dir });
    cleanups.push(() => core.close());
    // What the old welcome saved for "912 345 67": the country code glued to eight digits.
    core.db.prepare("INSERT INTO settings (key, value) VALUES ('whatsappNumber', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify('5191234567'));
    core.db.transaction(() => m0015.run?.(core.db))();
    expect((await coreClient(core).call('settings.get', {})).whatsappNumber).toBe('');
  });
});
