import type { Migration } from '../migrate';

export const m0001: Migration = {
  version: 1,
  name: 'catalog and stock',
  sql: /* sql */ `
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE media (
      id TEXT PRIMARY KEY,
      file_name TEXT NOT NULL,
      ext TEXT NOT NULL,
      mime TEXT NOT NULL,
      width INTEGER NOT NULL,
      height INTEGER NOT NULL,
      bytes INTEGER NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE products (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      category TEXT NOT NULL DEFAULT '',
      tags TEXT NOT NULL DEFAULT '[]',
      low_stock_threshold INTEGER NOT NULL DEFAULT 3 CHECK (low_stock_threshold >= 0),
      is_archived INTEGER NOT NULL DEFAULT 0 CHECK (is_archived IN (0, 1)),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX products_category ON products (category);

    CREATE TABLE product_photos (
      product_id INTEGER NOT NULL REFERENCES products (id),
      media_id TEXT NOT NULL REFERENCES media (id),
      position INTEGER NOT NULL,
      PRIMARY KEY (product_id, media_id)
    ) STRICT;

    CREATE TABLE variants (
      id INTEGER PRIMARY KEY,
      product_id INTEGER NOT NULL REFERENCES products (id),
      name TEXT NOT NULL DEFAULT '',
      sku TEXT NOT NULL,
      price INTEGER NOT NULL CHECK (price >= 0),
      cost INTEGER CHECK (cost IS NULL OR cost >= 0),
      -- Cache of the sum of stock_movements, kept in the same transaction as each movement.
      stock INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0),
      position INTEGER NOT NULL DEFAULT 0,
      is_archived INTEGER NOT NULL DEFAULT 0 CHECK (is_archived IN (0, 1))
    ) STRICT;
    CREATE UNIQUE INDEX variants_sku ON variants (sku COLLATE NOCASE);
    CREATE INDEX variants_product ON variants (product_id);

    CREATE TABLE stock_movements (
      id INTEGER PRIMARY KEY,
      variant_id INTEGER NOT NULL REFERENCES variants (id),
      delta INTEGER NOT NULL CHECK (delta <> 0),
      reason TEXT NOT NULL CHECK (reason IN ('initial', 'receive', 'sale', 'stall_sale', 'return', 'adjustment')),
      note TEXT NOT NULL DEFAULT '',
      balance_after INTEGER NOT NULL CHECK (balance_after >= 0),
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX stock_movements_variant ON stock_movements (variant_id, id);

    -- The ledger is append-only: corrections are new rows.
    CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements
    BEGIN SELECT RAISE(ABORT, 'stock_movements is append-only'); END;
    CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements
    BEGIN SELECT RAISE(ABORT, 'stock_movements is append-only'); END;
  `,
};
