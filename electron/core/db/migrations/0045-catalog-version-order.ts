import type { Migration } from '../migrate';

export const m0045: Migration = {
  version: 45,
  name: 'catalog version moves with the variants order',
  sql: /* sql */ `
    -- The order parser's index of the catalog is now kept between drafts until this version moves
    -- (orders/catalogIndex.ts). Among equally good matches the first variant wins, so putting a
    -- product's variants in another order changes a draft too.
    CREATE TRIGGER catalog_version_variant_position AFTER UPDATE OF position ON variants
      WHEN OLD.position IS NOT NEW.position
      BEGIN UPDATE catalog_version SET version = version + 1; END;
  `,
};
