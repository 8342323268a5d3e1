import type { Product } from '../../../shared/domain/catalog';
import type { ParsedArgs } from '../../../shared/api/contract';
import type { Db } from '../db/open';
import { capFor } from '../../../shared/api/schemas';
import { loadProducts, type ProductRow } from './repo';
import { fuzzyMatch, queryWords, strictMatch } from './search';

type ListArgs = ParsedArgs<'catalog.listProducts'>;

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

type PageRow = ProductRow;

// Column weights for bm25: a word in the name counts most, then variants (names, SKUs), tags and category.
const RANK = 'bm25(product_search, 3.0, 1.5, 1.5, 2.0, 1.0)';

/**
 * A search's page and its count, apart: the page sorts only ids and scores (the products' rows are
 * read for the page alone), and the count stops at SEARCH_TOTAL_CAP (further once she scrolls there,
 * see capFor), so a query that matches most of the catalog never counts all of it.
 */
const searchPage = (db: Db, args: ListArgs, match: string): { rows: PageRow[]; total: number; isTotalCapped: boolean } => {
  const { sql, params } = filters(args);
  const all = { ...params, match, limit: args.limit, offset: args.offset };
  // bm25 must be read where the MATCH is; the hits are materialised before filtering and paging.
  const ids = db
    .prepare<[typeof all], number>(
      `SELECT h.id FROM (SELECT rowid AS id, ${RANK} AS score FROM product_search WHERE product_search MATCH @match) h
         JOIN products p ON p.id = h.id WHERE 1${sql} ORDER BY h.score, h.id LIMIT @limit OFFSET @offset`,
    )
    .pluck()
    .all(all);
  const rows = db.prepare<[string], PageRow>('SELECT p.* FROM json_each(?) j JOIN products p ON p.id = j.value ORDER BY j.key').all(JSON.stringify(ids));
  const isLastPage = ids.length > 0 && ids.length < args.limit;
  if (isLastPage) return { rows, total: args.offset + ids.length, isTotalCapped: false };
  const cap = capFor(args.offset, args.limit);
  const counted =
    db
      .prepare<[typeof all & { cap: number }], number>(
        `SELECT count(*) FROM (SELECT 1 FROM product_search s JOIN products p ON p.id = s.rowid WHERE product_search MATCH @match${sql} LIMIT @cap)`,
      )
      .pluck()
      .get({ ...all, cap: cap + 1 }) ?? 0;
  return counted > cap ? { rows, total: cap, isTotalCapped: true } : { rows, total: counted, isTotalCapped: false };
};

/**
 * One page of the catalog and how many products match in all. With a query: best match first
 * (bm25 over the FTS5 index), every word required as a prefix; only when that finds nothing,
 * words a typo away, and then any of the words. Without one: by name, as a seller reads it.
 */
export const listProductsPage = (db: Db, args: ListArgs): { items: Product[]; total: number; isTotalCapped?: boolean } => {
  const query = args.query ?? '';
  if (query.trim()) {
    const words = queryWords(query);
    if (words.length === 0) return { items: [], total: 0 };
    let page = searchPage(db, args, strictMatch(words));
    if (page.total === 0) page = searchPage(db, args, fuzzyMatch(db, words, 'AND'));
    if (page.total === 0 && words.length > 1) page = searchPage(db, args, fuzzyMatch(db, words, 'OR'));
    return { items: loadProducts(db, page.rows), total: page.total, ...(page.isTotalCapped ? { isTotalCapped: true } : {}) };
  }
  // By name_key (migration 0032), walking products_name_key: the page costs its own rows.
  const { sql, params } = filters(args);
  const all = { ...params, limit: args.limit, offset: args.offset };
  const rows = db.prepare<[typeof all], PageRow>(`SELECT p.* FROM products p WHERE 1${sql} ORDER BY p.name_key, p.id LIMIT @limit OFFSET @offset`).all(all);
  const isLastPage = rows.length > 0 && rows.length < args.limit;
  const total = isLastPage ? args.offset + rows.length : (db.prepare<[typeof all], number>(`SELECT count(*) FROM products p WHERE 1${sql}`).pluck().get(all) ?? 0);
  return { items: loadProducts(db, rows), total };
};
