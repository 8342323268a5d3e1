import fs from 'node:fs';
import path from 'node:path';
import { ChasquiError } from '../../shared/api/errors';
import { createCore } from '../core';
import { coreClient } from '../core/client';
import { seedDemoShop } from '../core/demo/seed';
import { startServer } from './server';
import { startLanServer, type LanServer } from './lan';
import { exitWith, readCliOptions, usage, type CliOptions } from './cli-options';

const main = async (): Promise<void> => {
  let options: CliOptions;
  try {
    options = readCliOptions(process.argv.slice(2));
  } catch (error) {
    return exitWith(`invalid_input: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`, 2);
  }
  let core;
  try {
    core = createCore({ dataDir: options.dataDir, isAutoBackupEnabled: true });
  } catch (error) {
    if (error instanceof ChasquiError) return exitWith(`${error.code}: ${error.message}`, 1);
    throw error;
  }
  if (options.isDemo) {
    const resourcesDir = [path.join(__dirname, '../../resources'), path.join(process.cwd(), 'resources')].find((dir) =>
      fs.existsSync(path.join(dir, 'demo')),
    );
    if (!resourcesDir) return exitWith('The demo photos (resources/demo) were not found', 1);
    await seedDemoShop(core, { resourcesDir, now: Date.now() });
  }
  const rendererDir = path.join(__dirname, '../renderer');
  const server = await startServer({ core, token: options.token, port: options.port, rendererDir });
  console.log(`Chasqui listening on ${server.url}/?token=${options.token}`);

  // The home-network door opens with --lan or when the seller turns it on in Ajustes, and closes when she turns it off.
  let lan: LanServer | null = null;
  const syncLan = async (isEnabled: boolean): Promise<void> => {
    if (isEnabled && !lan) {
      lan = await startLanServer(core, { host: options.lanHost, port: options.lanPort });
      console.error(`Phones on your network: ${lan.url}`);
    } else if (!isEnabled && lan) {
      await lan.close();
      lan = null;
    }
  };
  if (options.isLan) await core.dispatch('lan.enable', {});
  await syncLan((await coreClient(core).call('lan.status', {})).isEnabled);
  core.events.subscribe((event) => {
    if (event.type === 'settings.changed') void syncLan(event.payload.isLanEnabled).catch((error: unknown) => console.error('LAN:', error));
  });

  const shutdown = (): void => {
    void server.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
};

main().catch((error: unknown) => {
  if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    exitWith('The port is in use: another Chasqui may be running. Use --port 0 to pick a free one.', 1);
  }
  console.error(error);
  process.exit(1);
});
