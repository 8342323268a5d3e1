import type { Migration } from '../migrate';

export const m0033: Migration = {
  version: 33,
  name: 'customer search words',
  sql: /* sql */ `
    -- The customers' index's own words, for a search to spell out a prefix as the words it stands
    -- for (see lazyPrefix), as order_search_terms does for orders (0031).
    CREATE VIRTUAL TABLE customer_search_terms USING fts5vocab (customer_search, 'row');
  `,
};
