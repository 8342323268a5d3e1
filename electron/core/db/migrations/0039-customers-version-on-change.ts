import type { Migration } from '../migrate';

export const m0039: Migration = {
  version: 39,
  name: 'customers version on change only',
  sql: /* sql */ `
    -- A new customer always takes an id above every other (no customer is inserted with its own id),
    -- so the highest id already says one was added (customers/links.ts reads both). The version now
    -- moves only on a rename, another phone or a removal, and the first message of someone new
    -- writes one page fewer.
    DROP TRIGGER customers_version_insert;
  `,
};
