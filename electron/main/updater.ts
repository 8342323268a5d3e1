import { autoUpdater } from 'electron-updater';

const SIX_HOURS = 6 * 60 * 60 * 1000;

/**
 * Updates through electron-builder's publish settings (electron-updater): checked at start and
 * every six hours, downloaded in the background, installed when the app quits. The seller can turn
 * it off in Ajustes. A build without publish settings has nothing to check, which is logged once.
 */
export const startAutoUpdate = (deps: { isPackaged: boolean; isEnabled(): boolean; log(line: string): void }): (() => void) => {
  if (!deps.isPackaged) return () => undefined;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  const check = () => {
    if (!deps.isEnabled()) return;
    autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => deps.log(`[chasqui] update check failed: ${error instanceof Error ? error.message : String(error)}`));
  };
  check();
  const timer = setInterval(check, SIX_HOURS);
  return () => clearInterval(timer);
};
