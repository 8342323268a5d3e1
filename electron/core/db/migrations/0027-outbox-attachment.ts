import type { Migration } from '../migrate';

export const m0027: Migration = {
  version: 27,
  name: 'a document with an outbox message (the catalog PDF with the greeting)',
  sql: /* sql */ `
    -- Made when the message goes out (the catalog as it is then); NULL for a plain message.
    ALTER TABLE outbox ADD COLUMN attachment TEXT CHECK (attachment IN ('catalog_pdf'));
  `,
};
