import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { coreClient } from '../../electron/core/client';
import { installLogFile } from '../../electron/core/logFile';
import { makeTempDir } from '../helpers/tmp';

const modeOf = (file: string): number => fs.statSync(file).mode & 0o777;

/** Under the usual umask (022) every new file would be readable by every account on the computer. */
describe.skipIf(process.platform === 'win32')('the shop files are the seller\'s alone', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core | undefined;
  const previousUmask = process.umask(0o022);
  afterEach(() => {
    core?.close();
    tmp.cleanup();
    process.umask(previousUmask);
  });

  it('makes the data dir and its folders 0700 and the database, its WAL and backups 0600', async () => {
    tmp = makeTempDir();
    const dataDir = path.join(tmp.dir, 'shop');
    core = createCore({ dataDir });
    const api = coreClient(core);
    await api.call('settings.update', { shopName: 'Karina' });
    await api.call('backup.create', {});
    expect(modeOf(dataDir)).toBe(0o700);
    for (const file of ['chasqui.db', 'chasqui.db-wal', 'chasqui.db-shm']) expect(modeOf(path.join(dataDir, file)), file).toBe(0o600);
    const backups = path.join(dataDir, 'backups');
    expect(modeOf(backups)).toBe(0o700);
    const [backup] = fs.readdirSync(backups);
    expect(modeOf(path.join(backups, backup ?? ''))).toBe(0o700);
    expect(modeOf(path.join(backups, backup ?? '', 'chasqui.db'))).toBe(0o600);
    installLogFile(dataDir);
    expect(modeOf(path.join(dataDir, 'logs'))).toBe(0o700);
  });

  it('closes up a shop an older Chasqui left world-readable', () => {
    tmp = makeTempDir();
    const dataDir = path.join(tmp.dir, 'shop');
    createCore({ dataDir }).close();
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(path.join(dataDir, 'chasqui.db'), 0o644);
    fs.mkdirSync(path.join(dataDir, 'channels', 'whatsapp'), { recursive: true, mode: 0o755 });
    fs.chmodSync(path.join(dataDir, 'channels'), 0o755);
    core = createCore({ dataDir });
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(path.join(dataDir, 'chasqui.db'))).toBe(0o600);
    expect(modeOf(path.join(dataDir, 'channels'))).toBe(0o700);
  });
});
