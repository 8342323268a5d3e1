import type { Migration } from '../migrate';

export const m0037: Migration = {
  version: 37,
  name: 'board indexes',
  sql: /* sql */ `
    -- The sales board reads each column a page at a time in its own order (delivery day, none last,
    -- then oldest first): with these a column's page walks its own entries instead of sorting every
    -- order of the column. "Por pagar" and "pagado" split the confirmed orders by what they owe.
    CREATE INDEX orders_board ON orders (status, (delivery_date IS NULL), delivery_date, created_at, id);
    CREATE INDEX orders_board_confirmed ON orders ((paid < total), (delivery_date IS NULL), delivery_date, created_at, id) WHERE status = 'confirmed';
    -- "Entregado" shows only the last days' deliveries.
    CREATE INDEX orders_status_updated ON orders (status, updated_at);
  `,
};
