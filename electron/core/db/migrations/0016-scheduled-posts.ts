import type { Migration } from '../migrate';

export const m0016: Migration = {
  version: 16,
  name: 'scheduled Instagram posts',
  sql: /* sql */ `
    -- Instagram cannot schedule a post itself, so the outbox holds it until this moment (core clock, ms UTC).
    ALTER TABLE outbox ADD COLUMN not_before INTEGER;
  `,
};
