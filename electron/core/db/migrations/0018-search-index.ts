import type { Migration } from '../migrate';

/** The variants' text of one product, as the search index holds it (names and SKUs, archived ones too). */
const variantText = (productId: string) =>
  `(SELECT coalesce(group_concat(v.name || ' ' || v.sku, ' '), '') FROM variants v WHERE v.product_id = ${productId})`;
const tagText = (tags: string) => `(SELECT coalesce(group_concat(value, ' '), '') FROM json_each(${tags}))`;

export const m0018: Migration = {
  version: 18,
  name: 'catalog search index and deliveries by day and status',
  sql: /* sql */ `
    -- Full-text index of the catalog, kept by triggers in the same transaction as every write, so a
    -- product is found (or gone) the moment its write commits. unicode61 folds case and accents.
    CREATE VIRTUAL TABLE product_search USING fts5 (
      name, category, tags, variants, description,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
    -- The index's words, for the typo fallback (a word one or two letters off).
    CREATE VIRTUAL TABLE product_search_terms USING fts5vocab (product_search, 'row');

    INSERT INTO product_search (rowid, name, category, tags, variants, description)
      SELECT p.id, p.name, p.category, ${tagText('p.tags')}, ${variantText('p.id')}, p.description FROM products p;

    CREATE TRIGGER product_search_insert AFTER INSERT ON products BEGIN
      INSERT INTO product_search (rowid, name, category, tags, variants, description)
        VALUES (new.id, new.name, new.category, ${tagText('new.tags')}, ${variantText('new.id')}, new.description);
    END;
    CREATE TRIGGER product_search_update AFTER UPDATE OF name, category, tags, description ON products BEGIN
      DELETE FROM product_search WHERE rowid = old.id;
      INSERT INTO product_search (rowid, name, category, tags, variants, description)
        VALUES (new.id, new.name, new.category, ${tagText('new.tags')}, ${variantText('new.id')}, new.description);
    END;
    CREATE TRIGGER product_search_delete AFTER DELETE ON products BEGIN
      DELETE FROM product_search WHERE rowid = old.id;
    END;
    CREATE TRIGGER product_search_variant_insert AFTER INSERT ON variants BEGIN
      UPDATE product_search SET variants = ${variantText('new.product_id')} WHERE rowid = new.product_id;
    END;
    CREATE TRIGGER product_search_variant_update AFTER UPDATE OF name, sku, product_id ON variants BEGIN
      UPDATE product_search SET variants = ${variantText('old.product_id')} WHERE rowid = old.product_id;
      UPDATE product_search SET variants = ${variantText('new.product_id')} WHERE rowid = new.product_id;
    END;
    CREATE TRIGGER product_search_variant_delete AFTER DELETE ON variants BEGIN
      UPDATE product_search SET variants = ${variantText('old.product_id')} WHERE rowid = old.product_id;
    END;

    -- Today's stops: orders due on a day in a promised state, found without reading other days.
    DROP INDEX orders_delivery;
    CREATE INDEX orders_delivery_status ON orders (delivery_date, status) WHERE delivery_date IS NOT NULL;
  `,
};
