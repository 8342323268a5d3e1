import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '../db/open';

/** The tables whose new rows say who recorded them (see migration 0025). */
const RECORDED_TABLES = ['orders', 'payments', 'stock_movements', 'order_events', 'messages', 'handoffs'] as const;

// The person is carried with the call itself, so an async task that awaits in between (a message
// sent over the network, then saved) still records the helper who asked for it, never another call's.
const currentActor = new AsyncLocalStorage<{ personId: number | null }>();

export const runAs = <T>(personId: number | null, work: () => T): T => currentActor.run({ personId }, work);

/**
 * TEMP triggers on this connection only: the rows stay plain for every other reader of the file, and
 * no write path of the ledger has to remember to pass "who" along.
 */
export const recordActors = (db: Db): void => {
  db.function('chasqui_actor', { deterministic: false }, () => currentActor.getStore()?.personId ?? null);
  for (const table of RECORDED_TABLES) {
    db.exec(/* sql */ `
      CREATE TEMP TRIGGER IF NOT EXISTS ${table}_recorded_by AFTER INSERT ON main.${table}
      WHEN chasqui_actor() IS NOT NULL
      BEGIN
        INSERT OR REPLACE INTO main.record_actors (table_name, row_id, person_id) VALUES ('${table}', NEW.id, chasqui_actor());
      END;
    `);
  }
};
