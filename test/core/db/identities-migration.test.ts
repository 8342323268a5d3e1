import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { m0042 } from '../../../electron/core/db/migrations/0042-identities-by-key';
import { makeTempDir } from '../../helpers/tmp';

const rowsOf = (db: ReturnType<typeof createCore>['db']) =>
  db.prepare('SELECT customer_id, channel, external_id, display_name FROM customer_identities ORDER BY channel, external_id').all();

describe('migration 42: customer identities kept by channel and id', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).reverse().forEach((cleanup) => cleanup()));

  it('keeps every identity of a shop that had them by row id, and Separar still works after', async () => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const core = createCore({ dataDir: tmp.dir });
    cleanups.push(() => core.close());
    const api = coreClient(core);
    const write = (channel: 'whatsapp' | 'instagram', sender: string, author: string, n: number) =>
      api.call('inbox.ingestMessage', { channel, conversationExternalId: `chat-${sender}`, messageExternalId: `m-${n}`, direction: 'in', author, senderExternalId: sender, text: 'hola', sentAt: 1_700_000_000_000 + n });
    await write('whatsapp', '51987111222', 'Rosa', 1);
    await write('instagram', 'rosa.beauty', 'Rosa IG', 2);
    await write('whatsapp', '51987333444', 'Lucía', 3);
    const rosa = core.db.prepare<[], number>("SELECT customer_id FROM customer_identities WHERE external_id = '51987111222'").pluck().get() ?? 0;
    const rosaOnInstagram = core.db.prepare<[], number>("SELECT customer_id FROM customer_identities WHERE external_id = 'rosa.beauty'").pluck().get() ?? 0;
    await api.call('customers.link', { id: rosa, otherId: rosaOnInstagram });
    const before = rowsOf(core.db);
    expect(before).toHaveLength(3);

    // The table as migrations before 42 left it: rows with their own id.
    core.db.exec(`
      CREATE TABLE identities_before (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id),
        channel TEXT NOT NULL CHECK (channel IN ('whatsapp', 'instagram', 'facebook')), external_id TEXT NOT NULL,
        display_name TEXT NOT NULL DEFAULT '', UNIQUE (channel, external_id)) STRICT;
      INSERT INTO identities_before (customer_id, channel, external_id, display_name) SELECT customer_id, channel, external_id, display_name FROM customer_identities;
      DROP TABLE customer_identities;
      ALTER TABLE identities_before RENAME TO customer_identities;
      CREATE INDEX customer_identities_customer ON customer_identities (customer_id);`);
    core.db.transaction(() => core.db.exec(m0042.sql))();

    expect(rowsOf(core.db)).toEqual(before);
    expect(core.db.prepare<[], string>("SELECT sql FROM sqlite_schema WHERE name = 'customer_identities'").pluck().get()).toContain('WITHOUT ROWID');
    expect(core.db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    // Her page lists both, Separar takes the Instagram one out to a customer of its own.
    expect((await api.call('customers.get', { id: rosa })).identities.map((i) => i.externalId).sort()).toEqual(['51987111222', 'rosa.beauty']);
    const afterSeparar = await api.call('customers.unlink', { id: rosa, channel: 'instagram', externalId: 'rosa.beauty' });
    expect(afterSeparar.identities.map((i) => i.externalId)).toEqual(['51987111222']);
    const separated = core.db.prepare<[], number>("SELECT customer_id FROM customer_identities WHERE external_id = 'rosa.beauty'").pluck().get() ?? 0;
    expect(separated).not.toBe(rosa);
    expect((await api.call('customers.get', { id: separated })).identities).toEqual([{ channel: 'instagram', externalId: 'rosa.beauty', displayName: 'Rosa IG' }]);
    // The next message from her Instagram goes to that customer, not back to Rosa.
    await write('instagram', 'rosa.beauty', 'Rosa IG', 4);
    expect(core.db.prepare<[], number>("SELECT customer_id FROM customer_identities WHERE external_id = 'rosa.beauty'").pluck().get()).toBe(separated);
  });
});
