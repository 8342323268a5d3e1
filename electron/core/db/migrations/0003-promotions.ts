import type { Migration } from '../migrate';

export const m0003: Migration = {
  version: 3,
  name: 'promotions',
  sql: /* sql */ `
    CREATE TABLE promotions (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      text TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL CHECK (kind IN ('price', 'percent', 'bundle')),
      percent_off INTEGER CHECK (percent_off IS NULL OR (percent_off BETWEEN 1 AND 95)),
      bundle_quantity INTEGER CHECK (bundle_quantity IS NULL OR bundle_quantity >= 2),
      bundle_pay_for INTEGER CHECK (bundle_pay_for IS NULL OR bundle_pay_for >= 1),
      bundle_price INTEGER CHECK (bundle_price IS NULL OR bundle_price >= 0),
      -- Shop-local days, inclusive.
      starts_on TEXT,
      ends_on TEXT,
      ended_at INTEGER,
      whatsapp_text TEXT,
      instagram_text TEXT,
      facebook_text TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE promotion_items (
      promotion_id INTEGER NOT NULL REFERENCES promotions (id),
      variant_id INTEGER NOT NULL REFERENCES variants (id),
      promo_price INTEGER CHECK (promo_price IS NULL OR promo_price >= 0),
      position INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (promotion_id, variant_id)
    ) STRICT;
    CREATE INDEX promotion_items_variant ON promotion_items (variant_id);
  `,
};
