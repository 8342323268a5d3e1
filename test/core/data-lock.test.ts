import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, claimDataDir, claimDataDirPatiently } from '../../electron/core/dataLock';
import { makeTempDir } from '../helpers/tmp';

describe('one process per data folder', () => {
  const tmp = makeTempDir();
  afterEach(() => fs.rmSync(path.join(tmp.dir, LOCK_FILE), { force: true }));

  it('is refused while another live process holds the folder, and waits for one that is closing', async () => {
    // Another process (alive for a moment) that holds the lock and exits without removing it.
    const other = spawn(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(path.join(tmp.dir, LOCK_FILE))}, String(process.pid)); setTimeout(() => {}, 1500)`]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    while (!fs.existsSync(path.join(tmp.dir, LOCK_FILE))) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(claimDataDir(tmp.dir)).toMatchObject({ isHeld: false, pid: other.pid });
    const lock = await claimDataDirPatiently(tmp.dir, 10_000);
    expect(lock.isHeld).toBe(true);
    expect(fs.readFileSync(path.join(tmp.dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    if (lock.isHeld) lock.release();
    expect(fs.existsSync(path.join(tmp.dir, LOCK_FILE))).toBe(false);
  });

  it('takes over a lock with garbage in it', () => {
    fs.writeFileSync(path.join(tmp.dir, LOCK_FILE), 'not a pid');
    const lock = claimDataDir(tmp.dir);
    expect(lock.isHeld).toBe(true);
    if (lock.isHeld) lock.release();
  });
});
