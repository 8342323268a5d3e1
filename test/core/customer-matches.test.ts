import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { suggestMatches } from '../../electron/core/customers/links';
import { editDistance } from '../../electron/core/orders/parse/normalize';
import { foldText } from '../../shared/domain/catalog';
import type { MatchSuggestion } from '../../shared/api/methods/customers';
import { makeTempDir } from '../helpers/tmp';

const firstNames = ['María', 'Lucía', 'Rosa', 'Miguel Ángel', 'Ana', 'Karina', 'Beto', 'José'];
const surnames = ['Pérez', 'Torres', 'Quispe', 'Mamani', 'Fernández', 'Huamán', 'Rojas', ''];

/** A letter changed, added or left out somewhere in the name: what customers type. */
const typo = (name: string, kind: number, at: number): string => {
  if (name.length < 2) return name;
  const i = at % name.length;
  if (kind === 0) return name.slice(0, i) + name.slice(i + 1);
  if (kind === 1) return `${name.slice(0, i)}x${name.slice(i)}`;
  if (kind === 2) return `${name.slice(0, i)}z${name.slice(i + 1)}`;
  return name;
};

const customer = fc.record({
  first: fc.nat(firstNames.length - 1),
  last: fc.nat(surnames.length - 1),
  typoKind: fc.nat(5),
  typoAt: fc.nat(20),
  number: fc.option(fc.integer({ min: 100, max: 130 }), { freq: 4 }),
  phone: fc.option(fc.integer({ min: 0, max: 6 }), { freq: 2 }),
});

/** The rule as written before, every customer against every other: the reference. */
const everyPair = (people: { id: number; name: string; phone: string }[]): MatchSuggestion[] => {
  const words = (name: string) => foldText(name).replace(/[^a-z0-9 ]/g, '').trim().split(/\s+/);
  const found: MatchSuggestion[] = [];
  for (const [i, a] of people.entries()) {
    for (const b of people.slice(i + 1)) {
      const [wa, wb] = [words(a.name), words(b.name)];
      const shared = wa.filter((w) => w.length >= 3 && wb.some((v) => v === w || (w.length >= 5 && /^[a-z]+$/.test(w) && editDistance(w, v) <= 1)));
      const samePhone = a.phone !== '' && a.phone === b.phone;
      if (samePhone || shared.length >= Math.min(2, Math.min(wa.length, wb.length))) {
        found.push({ customerId: a.id, otherId: b.id, customerName: a.name, otherName: b.name, reason: samePhone ? 'same_phone' : 'similar_name' });
      }
    }
  }
  return found.sort((x, y) => y.otherId - x.otherId || x.customerId - y.customerId).slice(0, 200);
};

describe('"¿Es la misma persona?"', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core;
  beforeEach(() => {
    tmp = makeTempDir();
    core = createCore({ dataDir: tmp.dir, isOutboxTimerEnabled: false });
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  const addAll = (names: { name: string; phone: string }[]) => {
    const insert = core.db.prepare("INSERT INTO customers (name, phone, created_at, updated_at) VALUES (?, ?, 0, 0)");
    core.db.transaction(() => names.forEach((c) => insert.run(c.name, c.phone)))();
  };
  const everyone = () => core.db.prepare<[], { id: number; name: string; phone: string }>('SELECT id, name, phone FROM customers ORDER BY id').all();

  it('finds the same pairs as comparing every customer with every other, however the names are typed', () => {
    fc.assert(
      fc.property(fc.array(customer, { minLength: 2, maxLength: 60 }), (list) => {
        core.db.exec('DELETE FROM customers');
        addAll(
          list.map((c) => {
            const name = `${firstNames[c.first] ?? ''} ${surnames[c.last] ?? ''}${c.number === null ? '' : ` ${c.number}`}`.trim();
            return { name: typo(name, c.typoKind, c.typoAt), phone: c.phone === null ? '' : `+5198765432${c.phone}` };
          }),
        );
        expect(suggestMatches(core.db)).toEqual(everyPair(everyone()));
      }),
      { numRuns: 60 },
    );
  });

  it('reads "Clienta 10000" and "Clienta 10001" as two people, and a typo in a name as one', () => {
    addAll([{ name: 'Clienta 10000', phone: '' }, { name: 'Clienta 10001', phone: '' }, { name: 'Miguel Ángel Torres', phone: '' }, { name: 'miguel torrez', phone: '' }]);
    expect(suggestMatches(core.db).map((m) => [m.customerName, m.otherName])).toEqual([['Miguel Ángel Torres', 'miguel torrez']]);
  });

  it('stays quick on 25,000 customers, and is worked out again only when a customer changes', () => {
    // Customers named by the channel ("Clienta 123"), and some hundreds by first name and surname.
    addAll(Array.from({ length: 25_000 }, (_, i) => ({ name: i % 50 ? `Clienta ${i}` : `${firstNames[i % 8]} ${surnames[(i >> 3) % 8]} ${i}`, phone: '' })));
    addAll([{ name: 'Rosa Quispe Mamani', phone: '+51987000111' }, { name: 'rosa quispe', phone: '' }]);
    const started = performance.now();
    const first = suggestMatches(core.db);
    const took = performance.now() - started;
    // Every customer against every other took minutes here; blocking by words keeps it to one pass.
    expect(took).toBeLessThan(5_000);
    // The newest customer's pairs come first.
    expect(first[0]?.otherName).toBe('rosa quispe');
    expect(first).toContainEqual(expect.objectContaining({ customerName: 'Rosa Quispe Mamani', otherName: 'rosa quispe', reason: 'similar_name' }));
    expect(suggestMatches(core.db)).toBe(first);
    core.db.prepare("UPDATE customers SET name = 'Rosa Q.' WHERE name = 'rosa quispe'").run();
    const renamed = suggestMatches(core.db);
    expect(renamed.map((m) => m.otherName)).not.toContain('rosa quispe');
    // A new customer moves no version (migration 0039): the highest id tells.
    addAll([{ name: 'Rosa Quispe M.', phone: '' }]);
    expect(suggestMatches(core.db)[0]?.otherName).toBe('Rosa Quispe M.');
    // And one removed after it, the newest, is seen too.
    core.db.prepare("DELETE FROM customers WHERE name = 'Rosa Quispe M.'").run();
    expect(suggestMatches(core.db)).toEqual(renamed);
  }, 60_000);
});
