import type { Migration } from '../migrate';

export const m0032: Migration = {
  version: 32,
  name: 'catalog order kept in a column',
  sql: /* sql */ `
    -- The catalog by name, as a seller reads it (chasqui_name_key: folded, numbers padded), kept with
    -- each product instead of worked out for every product on every page: the first page of
    -- 5,000 products walks the index below and stops after its rows.
    ALTER TABLE products ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
    UPDATE products SET name_key = chasqui_name_key(name);
    CREATE TRIGGER products_name_key_insert AFTER INSERT ON products BEGIN
      UPDATE products SET name_key = chasqui_name_key(new.name) WHERE id = new.id;
    END;
    CREATE TRIGGER products_name_key_update AFTER UPDATE OF name ON products BEGIN
      UPDATE products SET name_key = chasqui_name_key(new.name) WHERE id = new.id;
    END;
    CREATE INDEX products_name_key ON products (is_archived, name_key, id);
  `,
};
