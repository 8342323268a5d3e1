import type { Db } from '../db/open';
import type { AliasSource, ProductAlias } from '../../../shared/domain/drafts';

interface AliasRow {
  id: number;
  product_id: number;
  variant_id: number | null;
  variant_name: string | null;
  phrase: string;
  phrase_key: string;
  source: AliasSource;
  created_at: number;
}

const toAlias = (row: AliasRow): ProductAlias => ({
  id: row.id,
  productId: row.product_id,
  variantId: row.variant_id,
  variantName: row.variant_name ?? '',
  phrase: row.phrase,
  source: row.source,
  createdAt: row.created_at,
});

const select = 'SELECT a.*, v.name AS variant_name FROM product_aliases a LEFT JOIN variants v ON v.id = a.variant_id';

export const listAliases = (db: Db, productId: number): ProductAlias[] =>
  db.prepare<[number], AliasRow>(`${select} WHERE a.product_id = ? ORDER BY a.created_at, a.id`).all(productId).map(toAlias);

export const findAlias = (db: Db, id: number): ProductAlias | undefined => {
  const row = db.prepare<[number], AliasRow>(`${select} WHERE a.id = ?`).get(id);
  return row ? toAlias(row) : undefined;
};

export const findAliasByKey = (db: Db, phraseKey: string): (ProductAlias & { productName: string }) | undefined => {
  const row = db
    .prepare<[string], AliasRow & { product_name: string }>(`${select.replace('SELECT a.*', 'SELECT a.*, p.name AS product_name')} JOIN products p ON p.id = a.product_id WHERE a.phrase_key = ?`)
    .get(phraseKey);
  return row ? { ...toAlias(row), productName: row.product_name } : undefined;
};

/** Every alias of the shop, for the draft to compare phrases against. */
export const allAliasKeys = (db: Db): { phraseKey: string; productId: number; variantId: number | null }[] =>
  db
    .prepare<[], { phrase_key: string; product_id: number; variant_id: number | null }>('SELECT phrase_key, product_id, variant_id FROM product_aliases')
    .all()
    .map((r) => ({ phraseKey: r.phrase_key, productId: r.product_id, variantId: r.variant_id }));

export const countAliases = (db: Db, productId: number): number =>
  Number(db.prepare('SELECT count(*) FROM product_aliases WHERE product_id = ?').pluck().get(productId));

export interface AliasFields {
  productId: number;
  variantId: number | null;
  phrase: string;
  phraseKey: string;
  source: AliasSource;
}

export const insertAlias = (db: Db, fields: AliasFields, now: number): number =>
  Number(
    db
      .prepare('INSERT INTO product_aliases (product_id, variant_id, phrase, phrase_key, source, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(fields.productId, fields.variantId, fields.phrase, fields.phraseKey, fields.source, now).lastInsertRowid,
  );

/** The seller's latest correction wins: the same words now name the product she picked. */
export const upsertLearnedAlias = (db: Db, fields: Omit<AliasFields, 'source'>, now: number): void => {
  db.prepare(
    `INSERT INTO product_aliases (product_id, variant_id, phrase, phrase_key, source, created_at) VALUES (?, ?, ?, ?, 'learned', ?)
     ON CONFLICT (phrase_key) DO UPDATE SET product_id = excluded.product_id, variant_id = excluded.variant_id,
       phrase = excluded.phrase, source = 'learned', created_at = excluded.created_at`,
  ).run(fields.productId, fields.variantId, fields.phrase, fields.phraseKey, now);
};

export const deleteAlias = (db: Db, id: number): void => {
  db.prepare('DELETE FROM product_aliases WHERE id = ?').run(id);
};
