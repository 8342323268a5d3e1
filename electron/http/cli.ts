import fs from 'node:fs';
import path from 'node:path';
import { ChasquiError } from '../../shared/api/errors';
import { createCore } from '../core';
import { installSafetyNet } from '../core/safetyNet';
import { installLogFile } from '../core/logFile';
import { restoreLatestGoodBackup } from '../core/backup/service';
import { seedDemoShop } from '../core/demo/seed';
import { startServer } from './server';
import { claimDataDir, lockHeldMessage } from '../core/dataLock';
import { coreClient } from '../core/client';
import { readOrCreateToken } from './tokenFile';
import { followLanSetting } from './lanToggle';
import { exitWith, readCliOptions, usage, type CliOptions } from './cli-options';

const main = async (): Promise<void> => {
  let options: CliOptions;
  try {
    options = readCliOptions(process.argv.slice(2));
  } catch (error) {
    return exitWith(`invalid_input: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`, 2);
  }
  // The shop's files are the seller's alone: the database, backups, sessions, logs (0600 files, 0700 folders).
  process.umask(0o077);
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const lock = claimDataDir(options.dataDir);
  if (!lock.isHeld) return exitWith(lockHeldMessage(lock, options.dataDir), 1);
  installLogFile(options.dataDir);
  let core;
  try {
    // The check of the whole file runs beside the first answers; nothing writes until it passed.
    core = createCore({ dataDir: options.dataDir, isAutoBackupEnabled: true, isQuickCheckInBackground: true });
  } catch (error) {
    if (!(error instanceof ChasquiError)) throw error;
    if (error.code !== 'db_damaged') return exitWith(`${error.code}: ${error.message}`, 1);
    if (!options.isRestoreLastBackup) {
      return exitWith(`db_damaged: ${error.message}\nRun again with --restore-last-backup to put the newest good backup in its place (the damaged file is kept).`, 1);
    }
    // wall clock: the shell, before any core (and its clock) exists, names the damaged file it sets aside.
    const restored = restoreLatestGoodBackup(options.dataDir, Date.now());
    if (!restored) return exitWith('db_damaged: there is no good backup to restore; the damaged file was left as it is.', 1);
    console.error(`Restored the backup of ${new Date(restored.createdAt).toISOString()}; the damaged file was kept beside it.`);
    core = createCore({ dataDir: options.dataDir, isAutoBackupEnabled: true });
  }
  if (options.isDemo) {
    const resourcesDir = [path.join(__dirname, '../../resources'), path.join(process.cwd(), 'resources')].find((dir) =>
      fs.existsSync(path.join(dir, 'demo')),
    );
    if (!resourcesDir) return exitWith('The demo photos (resources/demo) were not found', 1);
    await seedDemoShop(core, { resourcesDir });
  }
  const rendererDir = path.join(__dirname, '../renderer');
  const savedToken = readOrCreateToken(options.dataDir, { isRenewed: options.isNewToken });
  const token = options.token ?? savedToken;
  const server = await startServer({ core, token, port: options.port, rendererDir });
  console.log(`Chasqui listening on ${server.url}/?token=${token}`);

  // The home-network door opens only when this command line asks for it, never from a saved setting alone.
  let stopLan = (): Promise<void> => Promise.resolve();
  if (options.isLan) {
    await core.dispatch('lan.enable', {});
    stopLan = await followLanSetting(core, {
      host: options.lanHost,
      port: options.lanPort,
      rendererDir,
      onChange: (url) => (url ? console.error(`Phones on your network: ${url}`) : undefined),
    });
  } else if ((await coreClient(core).call('lan.status', {})).isEnabled) {
    console.error('LAN access for phones is saved as on, but it stays closed: start with --lan to open it.');
  }

  core.integrity.catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    void server.close().then(() => {
      core.close();
      exitWith(`db_damaged: ${message}\nRun again with --restore-last-backup to put the newest good backup in its place (the damaged file is kept).`, 1);
    });
  });

  const shutdown = (): void => {
    void Promise.all([server.close(), stopLan()]).then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
};

installSafetyNet();
main().catch((error: unknown) => {
  if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    exitWith('The port is in use: another Chasqui may be running. Use --port 0 to pick a free one.', 1);
  }
  console.error(error);
  process.exit(1);
});
