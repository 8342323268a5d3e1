import fs from 'node:fs';
import path from 'node:path';
import { fail } from '../../../shared/api/errors';
import type { PrintResult } from '../../../shared/api/methods/print';
import { foldText } from '../../../shared/domain/catalog';
import type { CoreContext } from '../context';
import { exportsDirFor, exportUrl } from '../exports';
import { findOrder } from '../orders/repo';
import { slug } from '../print/pdf';

const write = (ctx: CoreContext, fileName: string, content: string): PrintResult => {
  const dir = exportsDirFor(ctx.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, fileName);
  fs.writeFileSync(file, content);
  return { path: file, url: exportUrl(fileName), fileName, bytes: Buffer.byteLength(content) };
};

export const exportCustomerData = (ctx: CoreContext, id: number): { json: PrintResult; text: PrintResult } => {
  const customer = ctx.db.prepare<[number], { id: number; name: string; phone: string; notes: string; created_at: number }>('SELECT * FROM customers WHERE id = ?').get(id)
    ?? fail('not_found', `Customer ${id} does not exist`, { field: 'id' });
  const identities = ctx.db.prepare('SELECT channel, external_id, display_name FROM customer_identities WHERE customer_id = ?').all(id);
  const orderIds = ctx.db.prepare<[number], number>('SELECT id FROM orders WHERE customer_id = ? ORDER BY id').pluck().all(id);
  const orders = orderIds.flatMap((orderId) => findOrder(ctx.db, orderId) ?? []);
  const messages = ctx.db
    .prepare<[number], { channel: string; direction: string; author: string; text: string; sent_at: number }>(
      'SELECT m.channel, m.direction, m.author, m.text, m.sent_at FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.customer_id = ? ORDER BY m.sent_at',
    )
    .all(id);
  const data = { exportedAt: new Date(ctx.now()).toISOString(), customer, identities, orders, messages };
  const readable = [
    `Datos de ${customer.name} (${customer.phone || 'sin teléfono'})`,
    '',
    'Cuentas:',
    ...identities.map((i) => `  ${JSON.stringify(i)}`),
    '',
    'Pedidos:',
    ...orders.map((o) => `  ${o.number} · ${new Date(o.createdAt).toISOString().slice(0, 10)} · ${o.status} · ${o.items.map((i) => `${i.quantity}× ${i.name}`).join(', ')} · total ${o.total / 100}`),
    '',
    'Mensajes:',
    ...messages.map((m) => `  [${new Date(m.sent_at).toISOString().slice(0, 16).replace('T', ' ')}] ${m.channel} ${m.direction === 'in' ? m.author : 'Tienda'}: ${m.text}`),
  ].join('\n');
  // Names come from chats and may be very long; the file name stays short enough to be served.
  const base = `cliente-${id}-${slug(customer.name).slice(0, 60)}`;
  return { json: write(ctx, `${base}.json`, JSON.stringify(data, null, 2)), text: write(ctx, `${base}.txt`, `${readable}\n`) };
};

/**
 * Removes what identifies the person; orders and payments stay under an anonymous name so totals,
 * stock and reports still add up. secure_delete overwrites freed pages; the checkpoint clears the WAL.
 */
export const eraseCustomer = (ctx: CoreContext, id: number): { erasedMessages: number; keptOrders: number } => {
  const phone = ctx.db.prepare<[number], { phone: string }>('SELECT phone FROM customers WHERE id = ?').get(id)?.phone ?? fail('not_found', `Customer ${id} does not exist`, { field: 'id' });
  const result = eraseRows(ctx, id, phone);
  // FTS5 keeps a changed row's old words in its segments until they merge: merged now into new
  // segments that hold only what is there, and secure_delete overwrites the pages they leave.
  for (const index of SEARCH_INDEXES) ctx.db.exec(`INSERT INTO ${index} (${index}) VALUES ('optimize')`);
  return result;
};

/** The search indexes that hold a customer's name or phone (migrations 0029 and 0031). */
const SEARCH_INDEXES = ['customer_search', 'order_search'] as const;

const eraseRows = (ctx: CoreContext, id: number, phone: string): { erasedMessages: number; keptOrders: number } => {
  const conversations = ctx.db.prepare<[number], number>('SELECT id FROM conversations WHERE customer_id = ?').pluck().all(id);
  let erasedMessages = 0;
  for (const conversationId of conversations) {
    erasedMessages += ctx.db.prepare('DELETE FROM messages WHERE conversation_id = ?').run(conversationId).changes;
    ctx.db.prepare('DELETE FROM conversations WHERE id = ?').run(conversationId);
  }
  ctx.db.prepare('DELETE FROM customer_identities WHERE customer_id = ?').run(id);
  const anonymous = `Cliente borrado #${id}`;
  ctx.db.prepare("UPDATE customers SET name = ?, phone = '', notes = '', tags = '[]', updated_at = ? WHERE id = ?").run(anonymous, ctx.now(), id);
  const orderIds = ctx.db.prepare<[number], number>('SELECT id FROM orders WHERE customer_id = ?').pluck().all(id);
  for (const orderId of orderIds) {
    const order = findOrder(ctx.db, orderId);
    ctx.db.prepare("UPDATE orders SET source_text = '', note = '', search_text = ? WHERE id = ?").run(foldText([order?.number ?? '', anonymous, ...(order?.items.map((i) => i.name) ?? [])].join(' ')), orderId);
    ctx.db.prepare("UPDATE deliveries SET address = '', reference = '', contact_phone = '', notes = '' WHERE order_id = ?").run(orderId);
  }
  // A stall phone's sale keeps the number she typed, applied or still a conflict: it goes too.
  ctx.db
    .prepare("UPDATE stall_sales SET customer_phone = '' WHERE customer_phone <> '' AND (customer_phone = ? OR order_id IN (SELECT value FROM json_each(?)))")
    .run(phone, JSON.stringify(orderIds));
  return { erasedMessages, keptOrders: orderIds.length };
};
