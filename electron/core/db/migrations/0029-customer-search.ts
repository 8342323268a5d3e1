import type { Migration } from '../migrate';

/** Longest phone number E.164 allows (15 digits); its tails are written out below. */
const MAX_DIGITS = 15;
/** A tail shorter than this is too short to look someone up by. */
const MIN_TAIL = 3;

// Kept in this file on purpose: a released migration's SQL never changes, whatever the search becomes.
const digits = (phone: string) => `replace(replace(replace(replace(replace(${phone}, '+', ''), ' ', ''), '-', ''), '(', ''), ')', '')`;
/**
 * Every tail of the phone's digits as a word ("51987654321 1987654321 987654321 … 321"), so that a
 * prefix search finds the number by any part of it: with or without the country code, or its last
 * digits. Plain SQL (no function of ours), so any SQLite tool can still write to the file.
 */
const phoneTails = (phone: string) => {
  const d = digits(phone);
  const tails = Array.from({ length: MAX_DIGITS - MIN_TAIL + 1 }, (_, i) => `CASE WHEN length(${d}) - ${i} >= ${MIN_TAIL} THEN substr(${d}, ${i + 1}) || ' ' ELSE '' END`);
  return `rtrim(${tails.join(' || ')})`;
};

export const m0029: Migration = {
  version: 29,
  name: 'customer search index',
  sql: /* sql */ `
    -- Customers by name and phone, kept by triggers in the same transaction as every write, like the
    -- catalog's index (0018): unicode61 folds case and accents; prefixes of 2 and 3 letters are indexed.
    CREATE VIRTUAL TABLE customer_search USING fts5 (
      name, phone,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
    INSERT INTO customer_search (rowid, name, phone) SELECT id, name, ${phoneTails('phone')} FROM customers;

    CREATE TRIGGER customer_search_insert AFTER INSERT ON customers BEGIN
      INSERT INTO customer_search (rowid, name, phone) VALUES (new.id, new.name, ${phoneTails('new.phone')});
    END;
    CREATE TRIGGER customer_search_update AFTER UPDATE OF id, name, phone ON customers BEGIN
      DELETE FROM customer_search WHERE rowid = old.id;
      INSERT INTO customer_search (rowid, name, phone) VALUES (new.id, new.name, ${phoneTails('new.phone')});
    END;
    CREATE TRIGGER customer_search_delete AFTER DELETE ON customers BEGIN
      DELETE FROM customer_search WHERE rowid = old.id;
    END;

    -- The customer list, newest buyer first, a page at a time (the buyers' part walks this index).
    CREATE INDEX rollup_customers_last ON rollup_customers (last_at DESC, customer_id);
    -- Customers who never bought, by name, after the buyers.
    CREATE INDEX customers_name ON customers (name, id);
  `,
};
