import { restoreClockOffset } from '../../clock';
import { loadBoot, type BootRecord } from './stallDb';

/**
 * When the app cannot reach Chasqui, a phone that prepared the stall still opens: with the settings,
 * role and clock offset it kept then. Only in the browser; the desktop app always has its core.
 */
export const bootFromDevice = async (): Promise<BootRecord | null> => {
  if (window.chasqui || typeof indexedDB === 'undefined') return null;
  const boot = await loadBoot().catch(() => null);
  if (boot) restoreClockOffset(boot.clockOffsetMs);
  return boot;
};
