import fs from 'node:fs';
import path from 'node:path';
import type { AppEvent } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/result';
import { openDatabase, type Db } from './db/open';
import { createDispatch, type DispatchOptions } from './dispatch';
import { createEventHub } from './events';
import { handlers } from './handlers';
import { mediaDirFor } from './media/store';

export interface CoreOptions {
  dataDir: string;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  clock?: () => number;
  /** A better_sqlite3.node built for Electron, when the core runs inside the desktop app. */
  nativeBinding?: string;
}

export interface Core {
  dispatch(method: string, args: unknown, options?: DispatchOptions): Promise<Envelope<unknown>>;
  events: { subscribe(listener: (event: AppEvent) => void): () => void };
  dataDir: string;
  mediaDir: string;
  /** For the core's own tests and tools; shells go through dispatch. */
  db: Db;
  close(): void;
}

export const DB_FILE = 'chasqui.db';

export const createCore = (options: CoreOptions): Core => {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(path.join(dataDir, DB_FILE), { nativeBinding: options.nativeBinding });
  const mediaDir = mediaDirFor(dataDir);
  const hub = createEventHub();
  const dispatch = createDispatch(
    { db, dataDir, mediaDir, now: options.clock ?? Date.now, caches: {} },
    hub,
    handlers,
  );
  let isClosed = false;
  return {
    dispatch: (method, args, dispatchOptions) =>
      isClosed
        ? Promise.resolve({ ok: false, error: { code: 'internal', message: 'Chasqui is shutting down' } })
        : dispatch(method, args, dispatchOptions),
    events: { subscribe: hub.subscribe },
    dataDir,
    mediaDir,
    db,
    close() {
      if (isClosed) return;
      isClosed = true;
      db.close();
    },
  };
};
