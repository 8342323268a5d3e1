import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { makeTempDir } from './tmp';

/**
 * For a property that wants a fresh shop on every run: one empty shop is migrated once (call this
 * inside `describe`), and each run gets a copy of it, closed and removed after `run`, so sixty runs
 * need not migrate sixty times.
 */
export const freshShopCopies = (clock: () => number): ((run: (core: Core) => Promise<void>) => Promise<void>) => {
  const template = makeTempDir();
  beforeAll(() => createCore({ dataDir: template.dir, clock, isOutboxTimerEnabled: false }).close());
  afterAll(() => template.cleanup());
  return async (run) => {
    const tmp = makeTempDir();
    fs.cpSync(template.dir, tmp.dir, { recursive: true });
    const core = createCore({ dataDir: tmp.dir, clock, isOutboxTimerEnabled: false });
    try {
      await run(core);
    } finally {
      core.close();
      tmp.cleanup();
    }
  };
};
