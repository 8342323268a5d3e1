import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'chasqui.lock';

export type DataLock = { isHeld: true; release(): void } | { isHeld: false; pid: number; file: string };

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
};

const readPid = (file: string): number | null => {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
};

/**
 * One process per data folder: two writers on one shop would each think they own the outbox, the
 * channel sessions and the backups. The lock is a file made with O_EXCL holding our pid; a lock
 * whose process is gone (a crash, a SIGKILL) is stale and taken over.
 */
export const claimDataDir = (dataDir: string): DataLock => {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      const release = (): void => {
        process.removeListener('exit', release);
        if (readPid(file) === process.pid) fs.rmSync(file, { force: true });
      };
      process.on('exit', release);
      return { isHeld: true, release };
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    }
    const pid = readPid(file);
    if (pid !== null && pid !== process.pid && isAlive(pid)) return { isHeld: false, pid, file };
    // Stale (or half-written by a process that died while writing it): take it over.
    fs.rmSync(file, { force: true });
  }
  return { isHeld: false, pid: readPid(file) ?? 0, file };
};

export const lockHeldMessage = (lock: { pid: number; file: string }, dataDir: string): string =>
  `Another Chasqui (process ${lock.pid}) is already using the data folder ${dataDir}. Close it first, or use another --data-dir. If no Chasqui is running, delete ${lock.file}.`;

/**
 * For a process that may start while the one before it is still closing (the desktop app restarting
 * itself on the demo shop and back): tries again for a while before giving up.
 */
export const claimDataDirPatiently = async (dataDir: string, waitMs: number): Promise<DataLock> => {
  let lock = claimDataDir(dataDir);
  const deadline = Date.now() + waitMs; // wall clock: a wait in real time, not shop time
  while (!lock.isHeld && Date.now() < deadline) { // wall clock: the same wait
    await new Promise((resolve) => setTimeout(resolve, 200));
    lock = claimDataDir(dataDir);
  }
  return lock;
};
