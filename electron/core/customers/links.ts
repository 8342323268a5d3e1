import { fail } from '../../../shared/api/errors';
import type { MatchSuggestion } from '../../../shared/api/methods/customers';
import { foldText } from '../../../shared/domain/catalog';
import type { MessageChannel } from '../../../shared/domain/inbox';
import type { Db } from '../db/open';
import { editDistance } from '../orders/parse/normalize';

const nameKey = (name: string): string => foldText(name).replace(/[^a-z0-9 ]/g, '').trim();

interface Person {
  id: number;
  name: string;
  phone: string;
  words: string[];
}

/** A word a letter away may be a typo; numbers ("Clienta 10000", "Clienta 10001") are not. */
const isTypoTolerant = (word: string): boolean => word.length >= 5 && /^[a-z]+$/.test(word);

/** Same phone, or first names and surnames within a typo of each other: `a` is the older customer. */
const reasonFor = (a: Person, b: Person): MatchSuggestion['reason'] | null => {
  if (a.phone !== '' && a.phone === b.phone) return 'same_phone';
  const shared = a.words.filter((w) => w.length >= 3 && b.words.some((v) => v === w || (isTypoTolerant(w) && editDistance(w, v) <= 1)));
  return shared.length >= Math.min(2, Math.min(a.words.length, b.words.length)) ? 'similar_name' : null;
};

const leftOut = (word: string): string[] => (isTypoTolerant(word) ? Array.from({ length: word.length }, (_, i) => word.slice(0, i) + word.slice(i + 1)) : []);

/**
 * The keys two customers who might match share at least one of. A word of three letters or more,
 * and one of five letters or more with a letter left out: two words a typo apart (a letter
 * changed, added or missing) always leave out to the same thing. And, since two names of two
 * words or more match on two words, each two words of the name (one of them possibly with a letter
 * left out): "Rosa Quispe" meets "rosa quispe mamani" even where hundreds are called Rosa or Quispe.
 */
const keysOf = (person: Person): string[] => {
  const keys = new Set<string>();
  if (person.phone !== '') keys.add(`tel:${person.phone}`);
  const words = [...new Set(person.words.filter((w) => w.length >= 3))];
  for (const word of words) {
    keys.add(word);
    for (const variant of leftOut(word)) keys.add(variant);
  }
  const both = (a: string, b: string) => keys.add(a < b ? `${a}|${b}` : `${b}|${a}`);
  for (const [i, first] of words.entries()) {
    for (const second of words.slice(i + 1)) {
      both(first, second);
      for (const variant of leftOut(first)) both(variant, second);
      for (const variant of leftOut(second)) both(first, variant);
    }
  }
  return [...keys];
};

/**
 * A word or phone shared by more customers than this says nothing about any two of them ("María",
 * "Clienta"): such a group is not paired off, which keeps the work in step with the number of
 * customers instead of its square (25,000 customers compared two by two took minutes).
 */
const CROWD = 40;
const SUGGESTIONS_MAX = 200;

/** The last answer per database, with the state of the customers it was worked out for. */
const remembered = new WeakMap<Db, { version: string; items: MatchSuggestion[] }>();

/**
 * Customers who may be the same person, the newest first; worked out again only when the customers
 * changed: a rename, another phone or a removal moves customers_version (migrations 0038 and 0039),
 * a new customer raises the highest id.
 */
export const suggestMatches = (db: Db): MatchSuggestion[] => {
  const state = db.prepare<[], { version: number; newest: number | null }>('SELECT version, (SELECT max(id) FROM customers) AS newest FROM customers_version').get();
  const version = `${state?.version ?? 0}:${state?.newest ?? 0}`;
  const known = remembered.get(db);
  if (known?.version === version) return known.items;
  const items = workOutMatches(db);
  remembered.set(db, { version, items });
  return items;
};

const workOutMatches = (db: Db): MatchSuggestion[] => {
  const people = db
    .prepare<[], { id: number; name: string; phone: string }>("SELECT id, name, phone FROM customers WHERE name NOT LIKE 'Cliente borrado #%' ORDER BY id")
    .all()
    .map((c): Person => ({ ...c, words: nameKey(c.name).split(/\s+/) }));
  const byKey = new Map<string, Person[]>();
  for (const person of people) {
    for (const key of keysOf(person)) {
      const group = byKey.get(key);
      if (group === undefined) byKey.set(key, [person]);
      else if (group.length <= CROWD) group.push(person);
    }
  }
  const pairs = new Map<string, MatchSuggestion>();
  const seen = new Set<string>();
  for (const group of byKey.values()) {
    if (group.length < 2 || group.length > CROWD) continue;
    // Each group is in id order, so `a` is always the older customer.
    for (let i = 0; i < group.length; i += 1) {
      for (let j = i + 1; j < group.length; j += 1) {
        const [a, b] = [group[i], group[j]];
        const pair = `${a?.id}:${b?.id}`;
        if (!a || !b || seen.has(pair)) continue;
        seen.add(pair);
        const reason = reasonFor(a, b);
        if (reason) pairs.set(pair, { customerId: a.id, otherId: b.id, customerName: a.name, otherName: b.name, reason });
      }
    }
  }
  // The newest customer's pairs first: a new chat from someone she already knows is the one to link today.
  return [...pairs.values()].sort((x, y) => y.otherId - x.otherId || x.customerId - y.customerId).slice(0, SUGGESTIONS_MAX);
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
  const displayName = db
    .prepare<[number, string, string], string>('SELECT display_name FROM customer_identities WHERE customer_id = ? AND channel = ? AND external_id = ?')
    .pluck()
    .get(id, channel, externalId) ?? fail('not_found', `Customer ${id} has no ${channel} identity ${externalId}`, { field: 'externalId' });
  const newId = Number(
    db.prepare('INSERT INTO customers (name, created_at, updated_at) VALUES (?, ?, ?)').run(displayName || externalId, now, now).lastInsertRowid,
  );
  db.prepare('UPDATE customer_identities SET customer_id = ? WHERE channel = ? AND external_id = ?').run(newId, channel, externalId);
  db.prepare('UPDATE conversations SET customer_id = ? WHERE customer_id = ? AND channel = ?').run(newId, id, channel);
  return newId;
};
