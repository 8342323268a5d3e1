import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DB_FILE } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { makeTempDir } from '../../helpers/tmp';

describe('the database check in the background (the headless shell’s cold start)', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  const shopWithProducts = async (): Promise<string> => {
    const tmp = makeTempDir();
    cleanups.push(tmp.cleanup);
    const core = createCore({ dataDir: tmp.dir, isOutboxTimerEnabled: false });
    const api = coreClient(core);
    for (let i = 0; i < 30; i += 1) await api.call('catalog.createProduct', { name: `Producto ${i}`, description: 'x'.repeat(3000), variants: [{ sku: `D-${i}`, price: 100 }] });
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    core.close();
    return tmp.dir;
  };

  it('a sound database: the core answers at once and writes once the check passed', async () => {
    const dir = await shopWithProducts();
    const core = createCore({ dataDir: dir, isOutboxTimerEnabled: false, isQuickCheckInBackground: true });
    try {
      const api = coreClient(core);
      expect((await api.call('app.info', {})).version).toBeTruthy();
      const created = await api.call('catalog.createProduct', { name: 'Nuevo', variants: [{ sku: 'N-1', price: 100 }] });
      await expect(core.integrity).resolves.toBeUndefined();
      expect(created.id).toBeGreaterThan(30);
    } finally {
      core.close();
    }
  });

  it('a damaged database: reads may answer, but every write is refused with db_damaged and nothing is written', async () => {
    const dir = await shopWithProducts();
    const file = path.join(dir, DB_FILE);
    const bytes = fs.readFileSync(file);
    // Scribble over the middle pages, leaving the header: the file still says it is ours.
    bytes.fill(0x5a, 4096 * 2, Math.min(bytes.length, 4096 * 6));
    fs.writeFileSync(file, bytes);
    const core = createCore({ dataDir: dir, isOutboxTimerEnabled: false, isQuickCheckInBackground: true });
    try {
      const write = await core.dispatch('settings.update', { shopName: 'Otra' });
      expect(write).toMatchObject({ ok: false, error: { code: 'db_damaged' } });
      await expect(core.integrity).rejects.toMatchObject({ code: 'db_damaged' });
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    } finally {
      core.close();
    }
  });
});
