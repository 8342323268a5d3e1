import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Runs in a worker thread on a second, read-only connection: the check reads every page, which on
// a large shop takes longer than the whole rest of a start; the app answers meanwhile.
const workerSource = `
const { workerData, parentPort } = require('node:worker_threads');
try {
  const Database = require(workerData.modulePath);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true, nativeBinding: workerData.nativeBinding });
  let isOk = false;
  try { isOk = db.pragma('quick_check', { simple: true }) === 'ok'; } catch { isOk = false; }
  db.close();
  parentPort.postMessage(isOk);
} catch { parentPort.postMessage(false); }
`;

/** SQLite's quick_check of the file, off the main thread: true when it is sound. */
export const quickCheckInBackground = (file: string, nativeBinding?: string): Promise<boolean> =>
  new Promise((resolve) => {
    const modulePath = createRequire(__filename).resolve('better-sqlite3');
    const worker = new Worker(workerSource, { eval: true, workerData: { modulePath, file, nativeBinding } });
    worker.once('message', (isOk: unknown) => {
      resolve(isOk === true);
      void worker.terminate();
    });
    worker.once('error', () => resolve(false));
  });
