import type { Migration } from '../migrate';

export const m0017: Migration = {
  version: 17,
  name: 'product aliases',
  sql: /* sql */ `
    -- The shop's own words for a product ("jaboncitos de avena" → Jabón de avena), learned from the
    -- seller's corrections of order drafts or typed by hand. They live in the shop's database, so
    -- they move with the shop (export, backup) and never reach another shop's data dir.
    CREATE TABLE product_aliases (
      id INTEGER PRIMARY KEY,
      product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
      variant_id INTEGER REFERENCES variants (id) ON DELETE SET NULL,
      phrase TEXT NOT NULL CHECK (length(phrase) BETWEEN 1 AND 200),
      -- The phrase folded, stemmed and without filler words: what a draft compares. One product per key.
      phrase_key TEXT NOT NULL UNIQUE CHECK (length(phrase_key) BETWEEN 1 AND 200),
      source TEXT NOT NULL CHECK (source IN ('learned', 'manual')),
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX product_aliases_product ON product_aliases (product_id);
  `,
};
