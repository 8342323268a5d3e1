import type { Photo, Product, Variant } from '../../../shared/domain/catalog';
import { isVariantLow } from '../../../shared/domain/catalog';
import { fail } from '../../../shared/api/errors';
import type { Db } from '../db/open';
import { parseTags } from '../db/tags';
import { photoUrls } from '../media/store';

export interface ProductRow {
  id: number;
  name: string;
  description: string;
  category: string;
  tags: string;
  low_stock_threshold: number;
  is_archived: number;
  created_at: number;
  updated_at: number;
}

interface VariantRow {
  id: number;
  product_id: number;
  name: string;
  sku: string;
  price: number;
  cost: number | null;
  stock: number;
  is_archived: number;
}

const toVariant = (row: VariantRow): Variant => ({
  id: row.id,
  productId: row.product_id,
  name: row.name,
  sku: row.sku,
  price: row.price,
  cost: row.cost,
  stock: row.stock,
  isArchived: row.is_archived === 1,
});


const assemble = (row: ProductRow, variants: Variant[], photos: Photo[]): Product => {
  const live = variants.filter((v) => !v.isArchived);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    category: row.category,
    tags: parseTags(row.tags),
    lowStockThreshold: row.low_stock_threshold,
    isArchived: row.is_archived === 1,
    isLowStock: live.some((v) => isVariantLow(v.stock, row.low_stock_threshold)),
    totalStock: live.reduce((sum, v) => sum + v.stock, 0),
    photos,
    variants,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
};

const groupBy = <T>(items: T[], key: (item: T) => number): Map<number, T[]> => {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
};

/** Loads products with their variants and photos in three queries, whatever the count. */
export const loadProducts = (db: Db, rows: ProductRow[]): Product[] => {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((r) => r.id));
  const variants = groupBy(
    db
      .prepare<[string], VariantRow>(
        'SELECT * FROM variants WHERE product_id IN (SELECT value FROM json_each(?)) ORDER BY product_id, is_archived, position, id',
      )
      .all(ids)
      .map(toVariant),
    (v) => v.productId,
  );
  const photoRows = db
    .prepare<[string], { product_id: number; media_id: string; ext: string }>(
      `SELECT pp.product_id, pp.media_id, m.ext FROM product_photos pp JOIN media m ON m.id = pp.media_id
        WHERE pp.product_id IN (SELECT value FROM json_each(?)) ORDER BY pp.product_id, pp.position`,
    )
    .all(ids);
  const photos = groupBy(photoRows, (p) => p.product_id);
  return rows.map((row) =>
    assemble(
      row,
      variants.get(row.id) ?? [],
      (photos.get(row.id) ?? []).map((p) => photoUrls(p.media_id, p.ext)),
    ),
  );
};

// SQLite's NOCASE ignores only ASCII case; "Bálsamo" must sort with the B's, as a seller reads it.
export const byName = new Intl.Collator('es', { sensitivity: 'base', numeric: true });

/** Products in the order the catalog shows them: by name as a seller reads it, then the older first. */
export const byProductName = (a: { name: string; id: number }, b: { name: string; id: number }): number => byName.compare(a.name, b.name) || a.id - b.id;

export const listAllProducts = (db: Db): Product[] => loadProducts(db, db.prepare<[], ProductRow>('SELECT * FROM products').all().sort(byProductName));

export const findProduct = (db: Db, id: number): Product | undefined => {
  const row = db.prepare<[number], ProductRow>('SELECT * FROM products WHERE id = ?').get(id);
  return row ? loadProducts(db, [row])[0] : undefined;
};

export const getProduct = (db: Db, id: number): Product =>
  findProduct(db, id) ?? fail('not_found', `Product ${id} does not exist`, { field: 'id' });

export const findVariant = (db: Db, id: number): Variant | undefined => {
  const row = db.prepare<[number], VariantRow>('SELECT * FROM variants WHERE id = ?').get(id);
  return row ? toVariant(row) : undefined;
};

export const findVariantBySku = (db: Db, sku: string): Variant | undefined => {
  const row = db.prepare<[string], VariantRow>('SELECT * FROM variants WHERE sku = ? COLLATE NOCASE').get(sku);
  return row ? toVariant(row) : undefined;
};

export interface ProductFields {
  name: string;
  description: string;
  category: string;
  tags: string[];
  lowStockThreshold: number;
}

export const insertProduct = (db: Db, fields: ProductFields, now: number): number =>
  Number(
    db
      .prepare(
        `INSERT INTO products (name, description, category, tags, low_stock_threshold, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(fields.name, fields.description, fields.category, JSON.stringify(fields.tags), fields.lowStockThreshold, now, now)
      .lastInsertRowid,
  );

export const updateProductRow = (db: Db, id: number, fields: ProductFields, now: number): void => {
  db.prepare(
    `UPDATE products SET name = ?, description = ?, category = ?, tags = ?, low_stock_threshold = ?, updated_at = ?
      WHERE id = ?`,
  ).run(fields.name, fields.description, fields.category, JSON.stringify(fields.tags), fields.lowStockThreshold, now, id);
};

export const setProductArchived = (db: Db, id: number, isArchived: boolean, now: number): void => {
  db.prepare('UPDATE products SET is_archived = ?, updated_at = ? WHERE id = ?').run(isArchived ? 1 : 0, now, id);
};

export const touchProduct = (db: Db, id: number, now: number): void => {
  db.prepare('UPDATE products SET updated_at = ? WHERE id = ?').run(now, id);
};

export interface VariantFields {
  name: string;
  sku: string;
  price: number;
  cost: number | null;
  position: number;
}

const assertSkuFree = (db: Db, sku: string, exceptVariantId: number | null, field: string): void => {
  const owner = findVariantBySku(db, sku);
  if (owner && owner.id !== exceptVariantId) {
    fail('conflict', `SKU ${sku} is already used by another variant`, { field, details: { sku, variantId: owner.id } });
  }
};

export const insertVariant = (db: Db, productId: number, fields: VariantFields, field: string): number => {
  assertSkuFree(db, fields.sku, null, field);
  return Number(
    db
      .prepare('INSERT INTO variants (product_id, name, sku, price, cost, position) VALUES (?, ?, ?, ?, ?, ?)')
      .run(productId, fields.name, fields.sku, fields.price, fields.cost, fields.position).lastInsertRowid,
  );
};

export const updateVariantRow = (db: Db, id: number, fields: VariantFields, field: string): void => {
  assertSkuFree(db, fields.sku, id, field);
  db.prepare('UPDATE variants SET name = ?, sku = ?, price = ?, cost = ?, position = ?, is_archived = 0 WHERE id = ?').run(
    fields.name,
    fields.sku,
    fields.price,
    fields.cost,
    fields.position,
    id,
  );
};

/** Variants are archived, never deleted: their stock movements and orders keep pointing at them. */
export const archiveVariant = (db: Db, variantId: number): void => {
  db.prepare('UPDATE variants SET is_archived = 1 WHERE id = ?').run(variantId);
};

export const replacePhotos = (db: Db, productId: number, mediaIds: string[]): void => {
  db.prepare('DELETE FROM product_photos WHERE product_id = ?').run(productId);
  const insert = db.prepare('INSERT INTO product_photos (product_id, media_id, position) VALUES (?, ?, ?)');
  const exists = db.prepare<[string], { id: string }>('SELECT id FROM media WHERE id = ?');
  [...new Set(mediaIds)].forEach((mediaId, position) => {
    if (!exists.get(mediaId)) fail('not_found', `Photo ${mediaId} was not uploaded`, { field: `photoIds.${position}` });
    insert.run(productId, mediaId, position);
  });
};

/**
 * The categories in use, each read from the index once (a skip scan), so the cost follows the
 * number of categories, not of products. The "+" keeps SQLite on products_category: with
 * products_name_key (is_archived first) it would walk every active product for each category.
 */
export const listCategories = (db: Db): string[] =>
  db
    .prepare<[], string>(
      `WITH RECURSIVE c (category) AS (
         SELECT min(category) FROM products WHERE category > '' AND +is_archived = 0
         UNION ALL
         SELECT (SELECT min(category) FROM products WHERE category > c.category AND +is_archived = 0) FROM c WHERE c.category IS NOT NULL
       ) SELECT category FROM c WHERE category IS NOT NULL`,
    )
    .pluck()
    .all()
    .sort(byName.compare);
