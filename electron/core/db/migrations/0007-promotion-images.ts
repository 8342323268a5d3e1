import type { Migration } from '../migrate';

export const m0007: Migration = {
  version: 7,
  name: 'promotion images',
  sql: /* sql */ `
    -- Photos the seller uploads for a promotion (a banner, a flyer), besides the products' own.
    ALTER TABLE promotions ADD COLUMN image_ids TEXT NOT NULL DEFAULT '[]';
  `,
};
