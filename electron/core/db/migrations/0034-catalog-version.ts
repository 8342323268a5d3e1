import type { Migration } from '../migrate';

/** The catalog's words change with these: a chat reads its messages against them (inbox/orderIntent.ts). */
const bump = 'UPDATE catalog_version SET version = version + 1;';

export const m0034: Migration = {
  version: 34,
  name: 'catalog version',
  sql: /* sql */ `
    -- A number that moves whenever the catalog's words may have changed, so a chat can tell whether
    -- what it read from the catalog still holds by reading one row, instead of counting every
    -- product and variant each time it opens. Stock changes leave it alone.
    CREATE TABLE catalog_version (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      version INTEGER NOT NULL
    ) STRICT;
    INSERT INTO catalog_version (id, version) VALUES (1, 0);
    CREATE TRIGGER catalog_version_product_insert AFTER INSERT ON products BEGIN ${bump} END;
    CREATE TRIGGER catalog_version_product_update AFTER UPDATE OF name, category, tags, is_archived ON products BEGIN ${bump} END;
    CREATE TRIGGER catalog_version_product_delete AFTER DELETE ON products BEGIN ${bump} END;
    CREATE TRIGGER catalog_version_variant_insert AFTER INSERT ON variants BEGIN ${bump} END;
    CREATE TRIGGER catalog_version_variant_update AFTER UPDATE OF name, sku, is_archived, product_id ON variants BEGIN ${bump} END;
    CREATE TRIGGER catalog_version_variant_delete AFTER DELETE ON variants BEGIN ${bump} END;
  `,
};
