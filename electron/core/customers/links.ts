import { fail } from '../../../shared/api/errors';
import type { MatchSuggestion } from '../../../shared/api/methods/customers';
import { foldText } from '../../../shared/domain/catalog';
import type { MessageChannel } from '../../../shared/domain/inbox';
import type { Db } from '../db/open';
import { editDistance } from '../orders/parse/normalize';

const nameKey = (name: string): string => foldText(name).replace(/[^a-z0-9 ]/g, '').trim();

/** Same phone, or first names and surnames within a typo of each other ("Miguel Ángel Torres" / "miguel torres"). */
export const suggestMatches = (db: Db): MatchSuggestion[] => {
  const customers = db.prepare<[], { id: number; name: string; phone: string }>("SELECT id, name, phone FROM customers WHERE name NOT LIKE 'Cliente borrado #%' ORDER BY id").all();
  const suggestions: MatchSuggestion[] = [];
  for (let i = 0; i < customers.length; i += 1) {
    for (let j = i + 1; j < customers.length; j += 1) {
      const [a, b] = [customers[i], customers[j]];
      if (!a || !b) continue;
      const samePhone = a.phone !== '' && a.phone === b.phone;
      const [wa, wb] = [nameKey(a.name).split(/\s+/), nameKey(b.name).split(/\s+/)];
      const shared = wa.filter((w) => w.length >= 3 && wb.some((v) => v === w || (w.length >= 5 && editDistance(w, v) <= 1)));
      const isSimilar = shared.length >= Math.min(2, Math.min(wa.length, wb.length));
      if (samePhone || isSimilar) {
        suggestions.push({ customerId: a.id, otherId: b.id, customerName: a.name, otherName: b.name, reason: samePhone ? 'same_phone' : 'similar_name' });
      }
    }
  }
  return suggestions.slice(0, 200);
};

export const linkCustomers = (db: Db, id: number, otherId: number, now: number): void => {
  for (const customerId of [id, otherId]) {
    if (!db.prepare('SELECT 1 FROM customers WHERE id = ?').get(customerId)) fail('not_found', `Customer ${customerId} does not exist`, { field: customerId === id ? 'id' : 'otherId' });
  }
  const keep = db.prepare<[number], { phone: string; notes: string }>('SELECT phone, notes FROM customers WHERE id = ?').get(id);
  const other = db.prepare<[number], { phone: string; notes: string }>('SELECT phone, notes FROM customers WHERE id = ?').get(otherId);
  db.prepare('UPDATE customer_identities SET customer_id = ? WHERE customer_id = ?').run(id, otherId);
  db.prepare('UPDATE conversations SET customer_id = ? WHERE customer_id = ?').run(id, otherId);
  db.prepare('UPDATE orders SET customer_id = ? WHERE customer_id = ?').run(id, otherId);
  db.prepare('UPDATE customers SET phone = ?, notes = ?, updated_at = ? WHERE id = ?').run(
    keep?.phone || other?.phone || '',
    [keep?.notes, other?.notes].filter(Boolean).join('\n'),
    now,
    id,
  );
  db.prepare('DELETE FROM customers WHERE id = ?').run(otherId);
};

export const unlinkIdentity = (db: Db, id: number, channel: MessageChannel, externalId: string, now: number): number => {
  const identity = db
    .prepare<[number, string, string], { id: number; display_name: string }>('SELECT id, display_name FROM customer_identities WHERE customer_id = ? AND channel = ? AND external_id = ?')
    .get(id, channel, externalId) ?? fail('not_found', `Customer ${id} has no ${channel} identity ${externalId}`, { field: 'externalId' });
  const newId = Number(
    db.prepare('INSERT INTO customers (name, created_at, updated_at) VALUES (?, ?, ?)').run(identity.display_name || externalId, now, now).lastInsertRowid,
  );
  db.prepare('UPDATE customer_identities SET customer_id = ? WHERE id = ?').run(newId, identity.id);
  db.prepare('UPDATE conversations SET customer_id = ? WHERE customer_id = ? AND channel = ?').run(newId, id, channel);
  return newId;
};
