import type { Core } from '../../electron/core';
import { fillLastIn } from '../../electron/core/db/migrations/0040-conversations-last-in';

export interface ShopSize {
  name: 'small' | 'large';
  products: number;
  customers: number;
  orders: number;
  messages: number;
}

export const sizes: ShopSize[] = [
  { name: 'small', products: 500, customers: 2_000, orders: 10_000, messages: 50_000 },
  { name: 'large', products: 5_000, customers: 20_000, orders: 100_000, messages: 500_000 },
];

const DAY = 86_400_000;
const channels = ['whatsapp', 'instagram', 'facebook'] as const;
const statuses = ['new', 'confirmed', 'prepared', 'on_the_way', 'delivered', 'delivered', 'delivered', 'cancelled'] as const;

/** A small deterministic generator, so both runs and both sizes see the same shapes. */
const rng = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

/**
 * Fills the tables directly (one transaction) with realistic shapes: a few customers buy and
 * write a lot, most a little; orders spread over a year; a slice of them due for delivery today.
 * Building goes around the API on purpose: the benchmark measures the API reading and writing.
 */
export const fillShop = (core: Core, size: ShopSize, now: number, today: string): void => {
  const random = rng(42);
  const skewed = (n: number) => Math.floor(n * random() ** 2.2);
  const db = core.db;
  db.transaction(() => {
    const product = db.prepare('INSERT INTO products (id, name, category, description, tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const variant = db.prepare('INSERT INTO variants (id, product_id, name, sku, price, cost, stock) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const movement = db.prepare("INSERT INTO stock_movements (variant_id, delta, reason, balance_after, created_at) VALUES (?, ?, 'initial', ?, ?)");
    const words = ['Labial', 'Rímel', 'Base', 'Serum', 'Perfume', 'Esmalte', 'Rubor', 'Sombra', 'Crema', 'Bloqueador'];
    const tones = ['Rojo', 'Nude', 'Coral', 'Rosa', 'Vino', 'Natural', 'Durazno', 'Canela'];
    for (let i = 1; i <= size.products; i += 1) {
      const name = `${words[i % words.length]} ${tones[i % tones.length]} ${i}`;
      product.run(i, name, words[i % words.length], 'Descripción del producto', '[]', now - 400 * DAY, now - 400 * DAY);
      const stock = 20 + (i % 50);
      variant.run(i, i, '', `SKU-${i}`, 1000 + (i % 90) * 100, 500 + (i % 90) * 50, stock);
      movement.run(i, stock, stock, now - 400 * DAY);
    }
    const customer = db.prepare('INSERT INTO customers (id, name, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    const identity = db.prepare('INSERT INTO customer_identities (customer_id, channel, external_id, display_name) VALUES (?, ?, ?, ?)');
    const conversation = db.prepare('INSERT INTO conversations (id, channel, external_id, customer_id, title, last_message_at, unread_count, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (let i = 1; i <= size.customers; i += 1) {
      const phone = `+5199${String(i).padStart(7, '0')}`;
      customer.run(i, `Clienta ${i}`, phone, now - 300 * DAY, now - 300 * DAY);
      const channel = channels[i % 3] ?? 'whatsapp';
      const external = channel === 'whatsapp' ? phone.slice(1) : `user${i}`;
      identity.run(i, channel, external, `Clienta ${i}`);
      conversation.run(i, channel, channel === 'whatsapp' ? `${external}@c.us` : `t${i}`, i, `Clienta ${i}`, 0, 0, channel);
    }
    const message = db.prepare('INSERT INTO messages (conversation_id, channel, external_id, direction, author, text, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const texts = ['hola, tienes el labial rojo?', 'cuanto esta el serum', 'me separas 2 xfa', 'gracias!!', 'ya te yapee 😊', 'para el sábado porfa'];
    for (let i = 1; i <= size.messages; i += 1) {
      const c = 1 + skewed(size.customers);
      const at = now - 365 * DAY + Math.floor((i / size.messages) * 365 * DAY);
      message.run(c, channels[c % 3] ?? 'whatsapp', `m${i}`, i % 3 === 0 ? 'out' : 'in', `Clienta ${c}`, texts[i % texts.length] ?? '', at);
    }
    db.prepare('UPDATE conversations SET last_message_at = coalesce((SELECT max(sent_at) FROM messages m WHERE m.conversation_id = conversations.id), 0), unread_count = id % 3').run();
    // Each chat's last message from the customer, as the app keeps it when messages come through it.
    fillLastIn(db);
    const order = db.prepare(
      `INSERT INTO orders (id, number, status, channel, customer_id, subtotal, total, paid, delivery_date, search_text, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const item = db.prepare('INSERT INTO order_items (order_id, variant_id, sku, name, quantity, unit_price, regular_price) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const delivery = db.prepare("INSERT INTO deliveries (order_id, address, zone) VALUES (?, 'Av. Siempre Viva 123', 'Surco')");
    for (let i = 1; i <= size.orders; i += 1) {
      const v = 1 + skewed(size.products);
      const quantity = 1 + (i % 3);
      const price = 1000 + (v % 90) * 100;
      const total = price * quantity;
      const isToday = i > size.orders - size.orders / 200;
      const status = isToday ? 'confirmed' : (statuses[i % statuses.length] ?? 'delivered');
      const created = now - 365 * DAY + Math.floor((i / size.orders) * 365 * DAY);
      order.run(i, `P-${String(i).padStart(6, '0')}`, status, channels[i % 3] ?? 'whatsapp', 1 + skewed(size.customers), total, total, i % 4 === 0 ? 0 : total, isToday ? today : null, `p-${i} clienta producto ${v}`, created, created);
      item.run(i, v, `SKU-${v}`, `Producto ${v}`, quantity, price, price);
      if (isToday) delivery.run(i);
    }
  })();
};
