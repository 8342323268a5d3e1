// Run by kill.test.ts in a child process: keeps writing orders, stock and payments, with a broadcast
// sending in the background, until it is killed.
// Prints "ACK order <id>" only after dispatch answered, i.e. after the transaction committed.
import fs from 'node:fs';
import { createCore } from '../../electron/core';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: worker <dataDir> <seed>');
const core = createCore({ dataDir });

const run = async (): Promise<void> => {
  const products = await core.dispatch('catalog.listProducts', {});
  if (!products.ok) throw new Error(products.error.message);
  const variantIds = core.db.prepare<[], number>('SELECT id FROM variants').pluck().all();
  let step = Number(process.argv[3] ?? 0);
  fs.writeSync(1, 'READY\n');
  for (;;) {
    step += 1;
    // Let the event loop breathe, as the real app does between calls.
    if (step % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    const variantId = variantIds[step % variantIds.length] ?? 1;
    const kind = step % 4;
    if (kind === 0) {
      const created = await core.dispatch('orders.create', { channel: 'stall', items: [{ variantId, quantity: 1 + (step % 3) }] });
      if (created.ok) {
        const id = Number(core.db.prepare('SELECT max(id) FROM orders').pluck().get());
        // Synchronous, so the parent has the line before anything else happens.
        fs.writeSync(1, `ACK order ${id}\n`);
        await core.dispatch('orders.setStatus', { id, status: 'confirmed' });
      }
    } else if (kind === 1) {
      await core.dispatch('stock.adjust', { variantId, delta: 3, reason: 'receive' });
    } else if (kind === 2) {
      const open = core.db.prepare<[], { id: number; due: number }>("SELECT id, total - paid AS due FROM orders WHERE status <> 'cancelled' AND total > paid ORDER BY id DESC LIMIT 1").get();
      if (open) await core.dispatch('orders.addPayment', { id: open.id, amount: Math.max(1, Math.floor(open.due / 2)), method: 'Efectivo' });
    } else if (step % 40 === 3) {
      // Keep a broadcast going: the outbox sends it in the background between these writes.
      const running = core.db.prepare("SELECT 1 FROM broadcasts WHERE status = 'running'").get();
      if (!running) {
        const created = await core.dispatch('broadcasts.create', { promotionId: 1, targets: ['whatsapp_direct'] });
        if (created.ok && typeof created.value === 'object' && created.value !== null && 'id' in created.value) await core.dispatch('broadcasts.start', { id: created.value.id });
      }
    } else {
      const last = core.db.prepare<[], number>("SELECT id FROM orders WHERE status = 'confirmed' ORDER BY id DESC LIMIT 1").pluck().get();
      if (last) await core.dispatch('orders.cancel', { id: last });
    }
  }
};

void run();
