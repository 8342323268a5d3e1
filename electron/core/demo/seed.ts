import fs from 'node:fs';
import { DateTime } from 'luxon';
import path from 'node:path';
import type { ApiClient } from '../../../shared/api/client';
import type { Product } from '../../../shared/domain/catalog';
import { coreClient } from '../client';
import type { Core } from '../index';
import { demoProducts, type DemoProduct } from './products';
import { demoOrders } from './orders';
import { demoChats } from './conversations';
import { DEMO_MARKER } from '../demoMarker';

const DAY = 86_400_000;
export const DEMO_TIME_ZONE = 'America/Lima';

export const isShopEmpty = (core: Core): boolean =>
  core.db.prepare('SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM orders)').pluck().get() === 0;

const seedProduct = async (api: ApiClient, product: DemoProduct, photosDir: string): Promise<Product> => {
  const bytes = fs.readFileSync(path.join(photosDir, product.photo.file));
  const photo = await api.call('media.upload', { fileName: product.photo.file, dataBase64: bytes.toString('base64') });
  return api.call('catalog.createProduct', {
    name: product.name,
    description: product.description,
    category: product.category,
    tags: product.tags,
    lowStockThreshold: product.lowStockThreshold,
    photoIds: [photo.id],
    // Start higher and sell down, so the stock history has a story to tell.
    variants: product.variants.map((v) => ({ name: v.name, sku: v.sku, price: v.price, cost: v.cost, initialStock: v.stock + 6 })),
  });
};

/**
 * Fills an empty data dir with Karina's demo shop, once. A shop that already has data is left alone,
 * so `--demo` on a real shop never mixes fake records into it. Every date is placed relative to the
 * core's clock in the shop's zone, so the demo tells the same story on whatever day it is opened.
 */
export const seedDemoShop = async (core: Core, options: { resourcesDir: string }): Promise<{ products: number; orders: number }> => {
  if (!isShopEmpty(core)) return { products: 0, orders: 0 };
  const now = core.now();
  const photosDir = path.join(options.resourcesDir, 'demo', 'photos');
  fs.writeFileSync(path.join(core.dataDir, DEMO_MARKER), 'This folder holds the Chasqui demo shop, apart from any real shop.\n');
  // Every demo record goes through the API, so it is validated exactly like the seller's own.
  const api = coreClient(core);
  await api.call('settings.update', {
    shopName: 'Karina Cosméticos',
    whatsappNumber: '51987654321',
    locale: 'es-PE',
    currency: 'PEN',
    timeZone: DEMO_TIME_ZONE,
    language: 'es',
    isOnboarded: true,
    deliveryDays: [2, 4, 6],
    deliveryZones: [
      { name: 'San Isidro', fee: 800 },
      { name: 'Los Olivos', fee: 1000 },
      { name: 'Surco', fee: 800 },
    ],
    couriers: [{ name: 'Diego', phone: '51912345678' }],
  });
  const skuToVariant = new Map<string, number>();
  for (const product of demoProducts) {
    const created = await seedProduct(api, product, photosDir);
    for (const variant of created.variants) skuToVariant.set(variant.sku, variant.id);
  }
  // A few weeks of movements: deliveries from the supplier, stall sales, a return.
  let step = 0;
  for (const product of demoProducts) {
    for (const variant of product.variants) {
      const variantId = skuToVariant.get(variant.sku);
      if (variantId === undefined) continue;
      step += 1;
      await api.call('stock.adjust', { variantId, delta: -4, reason: 'stall_sale', note: `Feria del sábado ${(step % 3) + 1}` });
      await api.call('stock.adjust', { variantId, delta: step % 4 === 0 ? 2 : -2, reason: step % 4 === 0 ? 'receive' : 'sale', note: step % 4 === 0 ? 'Pedido a la distribuidora' : '' });
      if (step % 4 === 0) await api.call('stock.adjust', { variantId, delta: -2, reason: 'adjustment', note: 'Conteo del mes' });
    }
  }
  const day = (offset: number) => DateTime.fromMillis(now, { zone: DEMO_TIME_ZONE }).plus({ days: offset }).toISODate() ?? '';
  const variantOf = (sku: string) => skuToVariant.get(sku) ?? 0;
  await api.call('promotions.create', {
    title: '2x1 en labiales mate',
    text: 'Llévate dos labiales mate y paga solo uno 💋 ¡Combina tus tonos favoritos!',
    kind: 'bundle',
    bundleQuantity: 2,
    bundlePayFor: 1,
    startsOn: day(-2),
    endsOn: day(12),
    items: ['LAB-MAT-ROJ', 'LAB-MAT-NUD', 'LAB-MAT-VIN'].map((sku) => ({ variantId: variantOf(sku) })),
  });
  await api.call('promotions.create', {
    title: 'Semana del cuidado de la piel',
    text: 'Tu rutina completa con 20% de descuento.',
    kind: 'percent',
    percentOff: 20,
    startsOn: day(-1),
    endsOn: day(6),
    items: ['SER-VIC-30', 'SER-HIA-30', 'AGU-MIC-400', 'PRO-SOL-50', 'CRE-KAR-250'].map((sku) => ({ variantId: variantOf(sku) })),
  });
  await api.call('promotions.create', {
    title: 'Perfumes para regalar',
    text: 'Precios especiales en nuestras fragancias.',
    kind: 'price',
    startsOn: day(8),
    endsOn: day(20),
    items: [
      { variantId: variantOf('PER-AMA-50'), promoPrice: 9900 },
      { variantId: variantOf('PER-PAR-50'), promoPrice: 7900 },
    ],
  });
  for (const [chatIndex, chat] of demoChats.entries()) {
    for (const [lineIndex, [minutesAgo, direction, text]] of chat.lines.entries()) {
      await api.call('inbox.ingestMessage', {
        channel: chat.channel,
        conversationExternalId: `demo-${chat.channel}-${chat.sender}`,
        messageExternalId: `demo-${chatIndex}-${lineIndex}`,
        direction,
        author: direction === 'in' ? chat.author : 'Karina',
        senderExternalId: direction === 'in' ? chat.sender : '',
        text,
        sentAt: now - minutesAgo * 60_000,
      });
    }
  }
  // Chats made these customers; the demo's orders belong to the same people.
  const chatCustomers = new Map(core.db.prepare<[], { name: string; id: number }>('SELECT name, min(id) AS id FROM customers GROUP BY name').all().map((c) => [c.name, c.id]));
  let orders = 0;
  for (const order of demoOrders(now, DEMO_TIME_ZONE)) {
    const items = order.items.flatMap(([sku, quantity]) => {
      const variantId = skuToVariant.get(sku);
      return variantId === undefined ? [] : [{ variantId, quantity }];
    });
    const knownId = order.customer ? chatCustomers.get(order.customer.name) : undefined;
    const created = await api.call('orders.create', {
      channel: order.channel,
      customer: knownId ? { id: knownId } : order.customer,
      items,
      deliveryFee: order.deliveryFee,
      deliveryDate: order.deliveryDate,
      note: order.note,
      sourceText: order.sourceText,
    });
    for (const status of order.path) await api.call('orders.setStatus', { id: created.id, status });
    if (order.stop) await api.call('deliveries.assign', { orderId: created.id, ...order.stop });
    if (order.paidShare > 0) {
      await api.call('orders.addPayment', { id: created.id, amount: Math.round(created.total * order.paidShare), method: order.paymentMethod });
    }
    orders += 1;
  }
  orders += await seedPastSales(core, api, skuToVariant, now);
  return { products: demoProducts.length, orders };
};

/**
 * A month of delivered and paid sales, so Reportes has a story. The ledger stamps orders with
 * the time they were entered; for the demo only, their dates are moved back afterwards.
 */
const seedPastSales = async (core: Core, api: ApiClient, skuToVariant: Map<string, number>, now: number): Promise<number> => {
  const skus = [...skuToVariant.keys()];
  const channels = ['stall', 'whatsapp', 'instagram', 'whatsapp', 'facebook', 'stall'] as const;
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  let count = 0;
  for (let day = 28; day >= 1; day -= 1) {
    for (let k = 0; k < 1 + next(3); k += 1) {
      const items = Array.from({ length: 1 + next(2) }, () => ({ variantId: skuToVariant.get(skus[next(skus.length)] ?? '') ?? 0, quantity: 1 }));
      const unique = [...new Map(items.map((i) => [i.variantId, i])).values()];
      const created = await api.request('orders.create', { channel: channels[next(channels.length)] ?? 'stall', items: unique });
      if (!created.ok) continue;
      const id = created.value.id;
      const steps = await api.request('orders.setStatus', { id, status: 'confirmed' });
      if (!steps.ok) {
        // Sold out by then: the demo keeps the record of a sale that could not be made.
        await api.call('orders.cancel', { id, reason: 'Sin stock' });
        continue;
      }
      for (const status of ['prepared', 'delivered'] as const) await api.call('orders.setStatus', { id, status });
      await api.call('orders.addPayment', { id, amount: created.value.total, method: next(2) === 0 ? 'Efectivo' : 'Yape/Plin' });
      const soldAt = now - day * DAY + k * 3_600_000;
      core.db.prepare('UPDATE orders SET created_at = ?, updated_at = ? WHERE id = ?').run(soldAt, soldAt, id);
      count += 1;
    }
  }
  return count;
};
