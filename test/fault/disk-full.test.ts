import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { coreClient } from '../../electron/core/client';
import { makeTempDir } from '../helpers/tmp';

/** A small tmpfs of its own when the machine allows mounting (CI runs as root); otherwise null. */
const mountTmpfs = (dir: string, megabytes: number): (() => void) | null => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'ignore' });
    return () => execFileSync('umount', [dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
};

const description = 'Paleta de 12 tonos mate y satinados. '.repeat(100);

describe('a full disk while writing', () => {
  it('gives a clear error, leaves nothing half-written, and works again once space is freed', async () => {
    const tmp = makeTempDir('chasqui-full-');
    const unmount = mountTmpfs(tmp.dir, 6);
    const core = createCore({ dataDir: tmp.dir, isOutboxTimerEnabled: false });
    const api = coreClient(core);
    // Without a tmpfs, SQLite's own page limit gives the same "disk full" to the same code path.
    if (!unmount) core.db.pragma(`max_page_count = ${Number(core.db.pragma('page_count', { simple: true })) + 150}`);
    const filler = path.join(tmp.dir, 'filler.bin');
    if (unmount) {
      const free = fs.statfsSync(tmp.dir).bavail * fs.statfsSync(tmp.dir).bsize;
      fs.writeFileSync(filler, Buffer.alloc(Math.max(0, free - 400 * 1024)));
    }
    try {
      let saved = 0;
      let refusal: unknown = null;
      for (let i = 0; i < 2000 && refusal === null; i += 1) {
        await api.call('catalog.createProduct', { name: `Paleta ${i}`, description, variants: [{ sku: `PAL-${i}`, price: 5900, initialStock: 5 }] }).then(
          () => (saved += 1),
          (error: unknown) => (refusal = error),
        );
      }
      expect(refusal).toMatchObject({ code: 'disk_full', message: expect.stringContaining('nothing was saved') });
      // Every product the app said it saved is whole, with its variant and its stock movement.
      expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(core.db.prepare('SELECT count(*) FROM products').pluck().get()).toBe(saved);
      expect(core.db.prepare('SELECT count(*) FROM variants').pluck().get()).toBe(saved);
      expect(core.db.prepare('SELECT count(*) FROM stock_movements').pluck().get()).toBe(saved);

      if (unmount) fs.rmSync(filler);
      else core.db.pragma('max_page_count = 1073741823');
      const after = await api.call('catalog.createProduct', { name: 'Paleta después', description, variants: [{ sku: 'PAL-OK', price: 5900, initialStock: 5 }] });
      expect(after.name).toBe('Paleta después');
      expect(core.db.prepare('SELECT count(*) FROM products').pluck().get()).toBe(saved + 1);
      console.log(`disk-full test: ${unmount ? 'tmpfs' : 'SQLite page limit'}; ${saved} products saved before the disk filled`);
    } finally {
      core.close();
      unmount?.();
      tmp.cleanup();
    }
  }, 60_000);
});
