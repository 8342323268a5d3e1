// `npm run bench`: figures, not pass/fail. Builds a shop with 5,000 products and 100,000 orders
// in a temp folder and times the calls the busiest screens make.
import { performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core';
import { coreClient } from '../../electron/core/client';
import { makeTempDir } from '../helpers/tmp';

const time = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  const result = await run();
  console.log(`${label.padEnd(52)} ${(performance.now() - started).toFixed(1).padStart(8)} ms`);
  return result;
};

const main = async (): Promise<void> => {
  const tmp = makeTempDir('chasqui-bench-');
  const core = createCore({ dataDir: tmp.dir });
  const api = coreClient(core);
  const rows = ['sku,producto,variante,categoria,precio,stock'];
  for (let i = 1; i <= 5000; i += 1) rows.push(`B-${i},Producto ${i},Tono ${i % 9},Categoría ${i % 12},${(i % 90) + 10}.50,${(i % 40) + 1}`);
  await time('catalog.importCsv (5,000 rows, commit)', () => api.call('catalog.importCsv', { csv: rows.join('\n'), mode: 'commit' }));
  await time('catalog.listProducts (all 5,000)', () => api.call('catalog.listProducts', {}));
  await time('catalog.listProducts query (first, builds index)', () => api.call('catalog.listProducts', { query: 'producto 4321' }));
  await time('catalog.listProducts query (again)', () => api.call('catalog.listProducts', { query: 'prodcto 123' }));

  // 100,000 orders written straight into the tables in one transaction: the point is reading them back.
  const day = 86_400_000;
  const start = Date.now() - 365 * day;
  core.db.transaction(() => {
    const order = core.db.prepare(
      `INSERT INTO orders (id, number, status, channel, subtotal, total, paid, search_text, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const item = core.db.prepare('INSERT INTO order_items (order_id, variant_id, sku, name, quantity, unit_price, regular_price) VALUES (?, ?, ?, ?, 1, ?, ?)');
    const statuses = ['new', 'confirmed', 'prepared', 'on_the_way', 'delivered', 'cancelled'];
    const channels = ['whatsapp', 'instagram', 'facebook', 'stall', 'phone'];
    for (let i = 1; i <= 100_000; i += 1) {
      const variant = (i % 5000) + 1;
      const price = ((variant % 90) + 10) * 100 + 50;
      order.run(i, `P-${String(i).padStart(6, '0')}`, statuses[i % 6], channels[i % 5], price, price, i % 3 === 0 ? price : 0, `p-${i} producto ${variant}`, start + (i / 100_000) * 365 * day, start);
      item.run(i, variant, `B-${variant}`, `Producto ${variant}`, price, price);
    }
  })();
  await time('orders.list (newest 100 of 100,000)', () => api.call('orders.list', {}));
  await time('orders.list status=delivered, channel=instagram', () => api.call('orders.list', { status: 'delivered', channel: 'instagram' }));
  await time('orders.list paymentState=unpaid, page 50', () => api.call('orders.list', { paymentState: 'unpaid', offset: 5000 }));
  await time('orders.list query "producto 4321"', () => api.call('orders.list', { query: 'producto 4321' }));
  await time('reports.sales (a year, by month)', () => {
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 364 * day).toISOString().slice(0, 10);
    return api.call('reports.sales', { from, to, groupBy: 'month' });
  });
  await time('backup.create (online backup API)', () => api.call('backup.create', {}));
  core.close();
  tmp.cleanup();
};

void main();
