import type { CustomerListItem, CustomerPage } from '../../../shared/api/methods/customers';
import { capFor } from '../../../shared/api/schemas';
import type { ParsedArgs } from '../../../shared/api/contract';
import type { Db } from '../db/open';
import { lazyPrefix, queryWords } from '../catalog/search';

type ListArgs = ParsedArgs<'customers.list'>;

// Orders, lifetime value and last purchase come from the rollups (0019), which count what was sold,
// never cancelled orders: the same figures as summing her orders, without reading them.
export const CUSTOMER_COLUMNS = `c.id, c.name, c.phone, coalesce(r.orders, 0) AS orders, coalesce(r.revenue, 0) AS lifetimeValue, r.last_at AS lastPurchaseAt`;

/** A phone typed with spaces, dashes or brackets ("987 654 321") is one number, not three words. */
const phoneDigits = (query: string): string | null => {
  const digits = query.replace(/\D/g, '');
  return /^[\d\s+\-().]+$/.test(query.trim()) && digits.length >= 3 ? digits : null;
};

/**
 * Every word the start of a word of hers, read lazily (lazyPrefix). One or two digits among words
 * ("Rosa 2") are part of a name, not of a phone.
 */
export const customerMatch = (db: Db, query: string): string | null => {
  const word = (text: string) => lazyPrefix(db, 'customer_search_terms', text);
  const digits = phoneDigits(query);
  if (digits) return word(digits);
  const words = queryWords(query);
  if (words.length === 0) return null;
  return words.map((w) => (/^\d{1,2}$/.test(w) ? `name : ${word(w)}` : word(w))).join(' AND ');
};

/**
 * Everyone, a page at a time: buyers by their last purchase (walking rollup_customers_last), then
 * those who never bought by name (walking customers_name), so a page costs its own rows.
 */
const everyonePage = (db: Db, limit: number, offset: number): CustomerPage => {
  const total = db.prepare<[], number>('SELECT count(*) FROM customers').pluck().get() ?? 0;
  const buyers = db.prepare<[], number>('SELECT count(*) FROM rollup_customers').pluck().get() ?? 0;
  const items = db
    .prepare<[number, number], CustomerListItem>(
      `SELECT ${CUSTOMER_COLUMNS} FROM rollup_customers r JOIN customers c ON c.id = r.customer_id ORDER BY r.last_at DESC, c.name, c.id LIMIT ? OFFSET ?`,
    )
    .all(limit, offset);
  if (items.length < limit) {
    items.push(
      ...db
        .prepare<[number, number], CustomerListItem>(
          `SELECT ${CUSTOMER_COLUMNS} FROM customers c LEFT JOIN rollup_customers r ON r.customer_id = c.id
            WHERE r.customer_id IS NULL ORDER BY c.name, c.id LIMIT ? OFFSET ?`,
        )
        .all(limit - items.length, Math.max(0, offset - buyers)),
    );
  }
  return { items, total };
};

// A word in the name weighs more than the same digits in the phone.
const RANK = 'bm25(customer_search, 2.0, 1.0)';

/**
 * Above this many matches a search lists them newest customer first, as the index hands them out,
 * instead of ranking them all: bm25 costs every match ("ma" is half of a large shop's customers),
 * and among hundreds of names that start alike the ranking tells her nothing she is going to use
 * before typing the next letter. Below it, every match is ranked.
 */
export const RANKED_AT_MOST = 200;

const rankedPage = (db: Db, match: string, limit: number, offset: number): CustomerListItem[] =>
  db
    .prepare<[string, number, number], CustomerListItem>(
      `SELECT ${CUSTOMER_COLUMNS} FROM (SELECT rowid AS id, ${RANK} AS score FROM customer_search WHERE customer_search MATCH ?) h
         JOIN customers c ON c.id = h.id LEFT JOIN rollup_customers r ON r.customer_id = c.id
        ORDER BY h.score, r.last_at DESC NULLS LAST, c.name, c.id LIMIT ? OFFSET ?`,
    )
    .all(match, limit, offset);

// FTS5 walks its rowids backwards and stops after the page: the page costs its own rows.
const newestPage = (db: Db, match: string, limit: number, offset: number): CustomerListItem[] =>
  db
    .prepare<[string, number, number], CustomerListItem>(
      `SELECT ${CUSTOMER_COLUMNS} FROM (SELECT rowid AS id FROM customer_search WHERE customer_search MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?) h
         JOIN customers c ON c.id = h.id LEFT JOIN rollup_customers r ON r.customer_id = c.id ORDER BY c.id DESC`,
    )
    .all(match, limit, offset);

/**
 * One page of customers and how many there are (a search counts up to SEARCH_TOTAL_CAP). A search
 * reads the FTS5 index kept by triggers (migration 0029): the count first, then, for up to
 * RANKED_AT_MOST matches, best match first and then latest buyer; for more, newest customer first.
 */
export const listCustomersPage = (db: Db, args: ListArgs): CustomerPage => {
  const query = args.query?.trim() ?? '';
  if (!query) return everyonePage(db, args.limit, args.offset);
  const match = customerMatch(db, query);
  if (!match) return { items: [], total: 0 };
  // Counted up to the cap, further once she scrolls there (capFor), so the list can always go on.
  const cap = capFor(args.offset, args.limit);
  const counted =
    db.prepare<[string, number], number>('SELECT count(*) FROM (SELECT 1 FROM customer_search WHERE customer_search MATCH ? LIMIT ?)').pluck().get(match, cap + 1) ?? 0;
  const page = counted <= RANKED_AT_MOST ? rankedPage : newestPage;
  const items = page(db, match, args.limit, args.offset);
  return counted > cap ? { items, total: cap, isTotalCapped: true } : { items, total: counted };
};
