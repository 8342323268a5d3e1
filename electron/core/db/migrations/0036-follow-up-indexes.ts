import type { Migration } from '../migrate';

export const m0036: Migration = {
  version: 36,
  name: 'follow-up indexes',
  sql: /* sql */ `
    -- Pendientes asks for the orders that still owe, by state and customer (the reminders to pay and
    -- the balances of delivered orders): this index holds only those, with what the list shows, so
    -- a shop of 100,000 orders reads its few hundred owing ones instead of all of them.
    CREATE INDEX orders_owing ON orders (status, customer_id, created_at, total, paid) WHERE paid < total;
    -- The conversations a customer wrote in lately (a question left unanswered), by shop day.
    CREATE INDEX rollup_talk_days_day ON rollup_talk_days (day, conversation_id, last_in);
  `,
};
