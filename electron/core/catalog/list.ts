import type { Product } from '../../../shared/domain/catalog';
import { foldText } from '../../../shared/domain/catalog';
import type { ParsedArgs } from '../../../shared/api/contract';
import type { Db } from '../db/open';
import { loadProducts, type ProductRow } from './repo';
import { fuzzyMatch, queryWords, strictMatch } from './search';

type ListArgs = ParsedArgs<'catalog.listProducts'>;

/** "Producto 9" before "Producto 10", "Bálsamo" among the B's: folded, with numbers padded. */
export const nameKey = (name: string): string => foldText(name).replace(/\d+/g, (digits) => digits.padStart(12, '0'));

// SQLite's NOCASE ignores only ASCII case, so the catalog's order comes from this function. It is
// registered on the connection (not stored in the schema), so any other tool can still open the file.
const withNameKey = new WeakSet<Db>();
const ensureNameKey = (db: Db): void => {
  if (withNameKey.has(db)) return;
  db.function('chasqui_name_key', { deterministic: true }, (name: unknown) => nameKey(String(name)));
  withNameKey.add(db);
};

const filters = (args: ListArgs): { sql: string; params: Record<string, string> } => {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  if (args.archived !== 'all') clauses.push(`p.is_archived = ${args.archived === 'archived' ? 1 : 0}`);
  if (args.category) {
    clauses.push('p.category = @category COLLATE NOCASE');
    params.category = args.category;
  }
  if (args.isLowStock !== undefined) {
    const low = 'EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id AND v.is_archived = 0 AND v.stock <= p.low_stock_threshold)';
    clauses.push(args.isLowStock ? low : `NOT ${low}`);
  }
  return { sql: clauses.map((c) => ` AND ${c}`).join(''), params };
};

type PageRow = ProductRow & { total: number };

// Column weights for bm25: a word in the name counts most, then variants (names, SKUs), tags and category.
const RANK = 'bm25(product_search, 3.0, 1.5, 1.5, 2.0, 1.0)';

const searchPage = (db: Db, args: ListArgs, match: string): { rows: PageRow[]; total: number } => {
  const { sql, params } = filters(args);
  // bm25 must be read where the MATCH is; the hits are materialised before filtering, counting and paging.
  const from = `FROM (SELECT rowid AS id, ${RANK} AS score FROM product_search WHERE product_search MATCH @match) h
    JOIN products p ON p.id = h.id WHERE 1${sql}`;
  const all = { ...params, match, limit: args.limit, offset: args.offset };
  const rows = db.prepare<[typeof all], PageRow>(`SELECT p.*, count(*) OVER () AS total ${from} ORDER BY h.score, p.id LIMIT @limit OFFSET @offset`).all(all);
  const total = rows[0]?.total ?? (args.offset > 0 ? db.prepare<[typeof all], number>(`SELECT count(*) ${from}`).pluck().get(all) ?? 0 : 0);
  return { rows, total };
};

/**
 * One page of the catalog and how many products match in all. With a query: best match first
 * (bm25 over the FTS5 index), every word required as a prefix; only when that finds nothing,
 * words a typo away, and then any of the words. Without one: by name, as a seller reads it.
 */
export const listProductsPage = (db: Db, args: ListArgs): { items: Product[]; total: number } => {
  const query = args.query ?? '';
  let page: { rows: PageRow[]; total: number };
  if (query.trim()) {
    const words = queryWords(query);
    if (words.length === 0) return { items: [], total: 0 };
    page = searchPage(db, args, strictMatch(words));
    if (page.total === 0) page = searchPage(db, args, fuzzyMatch(db, words, 'AND'));
    if (page.total === 0 && words.length > 1) page = searchPage(db, args, fuzzyMatch(db, words, 'OR'));
  } else {
    ensureNameKey(db);
    const { sql, params } = filters(args);
    const all = { ...params, limit: args.limit, offset: args.offset };
    const rows = db
      .prepare<[typeof all], PageRow>(`SELECT p.*, count(*) OVER () AS total FROM products p WHERE 1${sql} ORDER BY chasqui_name_key(p.name), p.id LIMIT @limit OFFSET @offset`)
      .all(all);
    const total = rows[0]?.total ?? (args.offset > 0 ? db.prepare<[typeof all], number>(`SELECT count(*) FROM products p WHERE 1${sql}`).pluck().get(all) ?? 0 : 0);
    page = { rows, total };
  }
  return { items: loadProducts(db, page.rows), total: page.total };
};
