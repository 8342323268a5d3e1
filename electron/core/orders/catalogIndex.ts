import type { Db } from '../db/open';
import { byProductName } from '../catalog/repo';
import { parseTags } from '../db/tags';
import { indexCatalog, type CatalogEntry, type CatalogIndex } from './parse/match';

/** Moves whenever a product or variant is added, renamed, retagged, archived or reordered (migrations 0034, 0045). */
export const catalogVersion = (db: Db): number => db.prepare<[], number>('SELECT version FROM catalog_version').pluck().get() ?? 0;

interface EntryRow {
  productId: number;
  productName: string;
  category: string;
  tags: string;
  variantId: number;
  sku: string;
  variantName: string;
}

/**
 * The catalog's words for the order parser, in the order the catalog shows it (products by name, a
 * product's variants by position): equally good matches go to the first. Prices and stock are left
 * out: they change with every sale and promotion, and a draft reads them for its lines alone.
 */
const catalogEntries = (db: Db): CatalogEntry[] => {
  const rows = db
    .prepare<[], EntryRow>(
      `SELECT p.id AS productId, p.name AS productName, p.category, p.tags, v.id AS variantId, v.sku, v.name AS variantName
         FROM products p JOIN variants v ON v.product_id = p.id
        WHERE p.is_archived = 0 AND v.is_archived = 0
        ORDER BY p.id, v.position, v.id`,
    )
    .all();
  const products = new Map<number, EntryRow[]>();
  for (const row of rows) {
    const variants = products.get(row.productId);
    if (variants) variants.push(row);
    else products.set(row.productId, [row]);
  }
  const named = (variants: EntryRow[]) => ({ name: variants[0]?.productName ?? '', id: variants[0]?.productId ?? 0 });
  return [...products.values()]
    .sort((a, b) => byProductName(named(a), named(b)))
    .flatMap((variants) => {
      const tags = parseTags(variants[0]?.tags ?? '[]');
      return variants.map(({ productId, productName, category, variantId, sku, variantName }) => ({ variantId, sku, productName, variantName, category, tags, productId }));
    });
};

// Indexing a catalog costs ~20 µs a variant (150 ms for the 5,000 products of the large bench
// shop), and a chat or a draft reads it many times between two edits of the catalog: it is kept
// with the connection it was read from (a restore opens a new one) until the catalog's version moves.
const indexes = new WeakMap<Db, { version: number; index: CatalogIndex }>();

/** The order parser's index of this shop's catalog, read again only when the catalog has changed. */
export const catalogIndexOf = (db: Db): CatalogIndex => {
  const version = catalogVersion(db);
  const cached = indexes.get(db);
  if (cached?.version === version) return cached.index;
  const index = indexCatalog(catalogEntries(db));
  indexes.set(db, { version, index });
  return index;
};
