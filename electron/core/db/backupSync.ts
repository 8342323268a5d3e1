import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Runs in a worker thread: a second, read-only connection copies the file with SQLite's online
// backup API (page by page, consistent even if someone writes meanwhile).
const workerSource = `
const { workerData } = require('node:worker_threads');
const done = (state) => { Atomics.store(workerData.flag, 0, state); Atomics.notify(workerData.flag, 0); };
try {
  const Database = require(workerData.modulePath);
  const db = new Database(workerData.source, { readonly: true, fileMustExist: true, nativeBinding: workerData.nativeBinding });
  db.backup(workerData.target).then(() => { db.close(); done(1); }, () => { db.close(); done(2); });
} catch { done(2); }
`;

/**
 * Copies a database with SQLite's online backup API and waits for it, for the one place that must
 * be synchronous: the copy taken while opening, before a migration changes anything. Returns false
 * when it could not (the caller then falls back to a plain copy of the checkpointed file).
 */
export const backupSync = (source: string, target: string, nativeBinding?: string, timeoutMs = 120_000): boolean => {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker;
  try {
    const modulePath = createRequire(__filename).resolve('better-sqlite3');
    worker = new Worker(workerSource, { eval: true, workerData: { modulePath, source, target, nativeBinding, flag } });
  } catch {
    return false;
  }
  Atomics.wait(flag, 0, 0, timeoutMs);
  void worker.terminate();
  return Atomics.load(flag, 0) === 1;
};
