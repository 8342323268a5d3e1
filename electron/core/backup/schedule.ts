import type { Dispatch } from '../dispatch';
import { listBackups } from './service';

const HOUR = 3_600_000;

/**
 * Once shortly after start and then hourly: if today has no daily backup yet, take one.
 * The timers are unref'd so they never keep a closing app alive.
 */
export const startAutoBackup = (dispatch: Dispatch, dataDir: string, now: () => number = Date.now): (() => void) => {
  let isRunning = false;
  const tick = async (): Promise<void> => {
    if (isRunning) return;
    isRunning = true;
    try {
      const today = new Date(now()).toISOString().slice(0, 10);
      const hasToday = listBackups(dataDir).some((b) => b.kind === 'daily' && b.id.startsWith(today));
      if (!hasToday) await dispatch('backup.create', { kind: 'daily' });
    } finally {
      isRunning = false;
    }
  };
  const first = setTimeout(() => void tick(), 5_000);
  const timer = setInterval(() => void tick(), HOUR);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
};
