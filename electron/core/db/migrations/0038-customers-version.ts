import type { Migration } from '../migrate';

const bump = 'UPDATE customers_version SET version = version + 1;';

export const m0038: Migration = {
  version: 38,
  name: 'customers version',
  sql: /* sql */ `
    -- A number that moves whenever a customer is added, renamed, given another phone or removed, so
    -- "¿Es la misma persona?" is worked out again only when the customers changed, not each time
    -- Chats asks (customers/links.ts).
    CREATE TABLE customers_version (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      version INTEGER NOT NULL
    ) STRICT;
    INSERT INTO customers_version (id, version) VALUES (1, 0);
    CREATE TRIGGER customers_version_insert AFTER INSERT ON customers BEGIN ${bump} END;
    CREATE TRIGGER customers_version_update AFTER UPDATE OF name, phone ON customers BEGIN ${bump} END;
    CREATE TRIGGER customers_version_delete AFTER DELETE ON customers BEGIN ${bump} END;
  `,
};
