import type { Core } from '../core';
import { coreClient } from '../core/client';
import { startLanServer, type LanServer } from './lan';

/**
 * Keeps the home-network listener in step with the seller's setting: it opens when she turns phones
 * on (or the shell was started with --lan) and closes when she turns them off. Used by both shells.
 */
export const followLanSetting = async (core: Core, options: { host: string; port: number; rendererDir?: string; onChange?(url: string | null): void }): Promise<() => Promise<void>> => {
  let lan: LanServer | null = null;
  let queue = Promise.resolve();
  const sync = (isEnabled: boolean) => {
    queue = queue
      .then(async () => {
        if (isEnabled && !lan) {
          lan = await startLanServer(core, options);
          options.onChange?.(lan.url);
        } else if (!isEnabled && lan) {
          await lan.close();
          lan = null;
          options.onChange?.(null);
        }
      })
      .catch((error: unknown) => console.error('[chasqui] LAN:', error));
    return queue;
  };
  await sync((await coreClient(core).call('lan.status', {})).isEnabled);
  const unsubscribe = core.events.subscribe((event) => {
    if (event.type === 'settings.changed') void sync(event.payload.isLanEnabled);
  });
  return async () => {
    unsubscribe();
    await sync(false);
  };
};
