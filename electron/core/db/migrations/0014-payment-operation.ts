import type { Migration } from '../migrate';

export const m0014: Migration = {
  version: 14,
  name: 'payment operation numbers',
  sql: /* sql */ `
    -- The operation number a Yape, Plin or bank transfer shows, so a payment can be found again.
    ALTER TABLE payments ADD COLUMN operation_number TEXT NOT NULL DEFAULT '';
  `,
};
