import type { Migration } from '../migrate';

// Kept in this file on purpose: a released migration's SQL never changes, whatever the search becomes.
/**
 * What an order is found by: its number, its search text (number, customer, products, as written
 * when it was saved), the number's digits without the leading zeros ("P-0042" is found by "42") and the
 * customer's name as it is now, so renaming her finds her orders under the new name too.
 */
const words = (order: string) =>
  `${order}.number || ' ' || ${order}.search_text || ' ' || ltrim(substr(${order}.number, instr(${order}.number, '-') + 1), '0') || ' ' ||
   coalesce((SELECT name FROM customers WHERE id = ${order}.customer_id), '')`;

export const m0031: Migration = {
  version: 31,
  name: 'order search index',
  sql: /* sql */ `
    -- Pedidos' search box, as the catalog's (0018) and the customers' (0029): kept by triggers in the
    -- same transaction as every write, so a search reads the words' lists, not 100,000 rows of text.
    CREATE VIRTUAL TABLE order_search USING fts5 (
      words,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
    -- Its words, for a search to spell out a prefix as the words it stands for (see lazyPrefix).
    CREATE VIRTUAL TABLE order_search_terms USING fts5vocab (order_search, 'row');
    INSERT INTO order_search (rowid, words) SELECT o.id, ${words('o')} FROM orders o;
    -- One segment for what was there, instead of the many the fill leaves: a search reads each list once.
    INSERT INTO order_search (order_search) VALUES ('optimize');

    CREATE TRIGGER order_search_insert AFTER INSERT ON orders BEGIN
      INSERT INTO order_search (rowid, words) VALUES (new.id, ${words('new')});
    END;
    CREATE TRIGGER order_search_update AFTER UPDATE OF id, number, search_text, customer_id ON orders BEGIN
      DELETE FROM order_search WHERE rowid = old.id;
      INSERT INTO order_search (rowid, words) VALUES (new.id, ${words('new')});
    END;
    CREATE TRIGGER order_search_delete AFTER DELETE ON orders BEGIN
      DELETE FROM order_search WHERE rowid = old.id;
    END;
    CREATE TRIGGER order_search_customer_name AFTER UPDATE OF name ON customers BEGIN
      DELETE FROM order_search WHERE rowid IN (SELECT id FROM orders WHERE customer_id = new.id);
      INSERT INTO order_search (rowid, words) SELECT o.id, ${words('o')} FROM orders o WHERE o.customer_id = new.id;
    END;
  `,
};
