import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { StallSnapshot } from '../../../shared/api/methods/stall';
import type { TeamRole } from '../../../shared/api/methods/team';
import type { ShopSettings } from '../../../shared/domain/settings';
import type { SaleState, StallSale } from './ledger';

/** What the phone needs to open the app with no connection: the shop's settings, its role, the clock's offset. */
export interface BootRecord {
  settings: ShopSettings;
  role: TeamRole;
  clockOffsetMs: number;
}

interface StallSchema extends DBSchema {
  sales: { key: string; value: StallSale; indexes: { byState: SaleState } };
  snapshot: { key: 'current'; value: StallSnapshot };
  boot: { key: 'current'; value: BootRecord };
  /** Product thumbnails by photo id, so tiles show photos at the stall. */
  photos: { key: string; value: Blob };
}

const DB_NAME = 'chasqui-stall';

let opening: Promise<IDBPDatabase<StallSchema>> | null = null;

export const stallDb = (): Promise<IDBPDatabase<StallSchema>> => {
  opening ??= openDB<StallSchema>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('sales', { keyPath: 'id' }).createIndex('byState', 'state');
      db.createObjectStore('snapshot');
      db.createObjectStore('boot');
      db.createObjectStore('photos');
    },
    // Another tab with a newer version wants the database: let it, this one reloads on its next open.
    blocking() {
      void opening?.then((db) => db.close());
      opening = null;
    },
  });
  return opening;
};

/**
 * Sales and their states are written with strict durability: the transaction completes only once
 * the browser has flushed it to disk, so a sale shown as done survives the battery dying a second later.
 */
const STRICT = { durability: 'strict' } as const;

export const addSale = async (sale: StallSale): Promise<void> => {
  const tx = (await stallDb()).transaction('sales', 'readwrite', STRICT);
  await Promise.all([tx.store.add(sale), tx.done]);
};

export const putSales = async (sales: readonly StallSale[]): Promise<void> => {
  if (sales.length === 0) return;
  const tx = (await stallDb()).transaction('sales', 'readwrite', STRICT);
  await Promise.all([...sales.map((sale) => tx.store.put(sale)), tx.done]);
};

export const allSales = async (): Promise<StallSale[]> => (await (await stallDb()).getAll('sales')).sort((a, b) => b.soldAt - a.soldAt);

export const pendingSales = async (): Promise<StallSale[]> =>
  (await (await stallDb()).getAllFromIndex('sales', 'byState', 'pending')).sort((a, b) => a.soldAt - b.soldAt);

export const loadSnapshot = async (): Promise<StallSnapshot | null> => (await (await stallDb()).get('snapshot', 'current')) ?? null;

export const saveSnapshot = async (snapshot: StallSnapshot, boot: BootRecord): Promise<void> => {
  const tx = (await stallDb()).transaction(['snapshot', 'boot'], 'readwrite', STRICT);
  await Promise.all([tx.objectStore('snapshot').put(snapshot, 'current'), tx.objectStore('boot').put(boot, 'current'), tx.done]);
};

export const loadBoot = async (): Promise<BootRecord | null> => (await (await stallDb()).get('boot', 'current')) ?? null;

export const photoIdsStored = async (): Promise<Set<string>> => new Set(await (await stallDb()).getAllKeys('photos'));

export const savePhoto = async (photoId: string, blob: Blob): Promise<void> => {
  await (await stallDb()).put('photos', blob, photoId);
};

export const loadPhotos = async (photoIds: readonly string[]): Promise<Map<string, Blob>> => {
  const tx = (await stallDb()).transaction('photos');
  const blobs = await Promise.all(photoIds.map((id) => tx.store.get(id)));
  await tx.done;
  return new Map(photoIds.flatMap((id, index) => {
    const blob = blobs[index];
    return blob ? [[id, blob] as const] : [];
  }));
};

/** Photos of products no longer in the snapshot go, so the phone's storage does not grow forever. */
export const keepOnlyPhotos = async (photoIds: ReadonlySet<string>): Promise<void> => {
  const tx = (await stallDb()).transaction('photos', 'readwrite');
  const keys = await tx.store.getAllKeys();
  await Promise.all([...keys.filter((key) => !photoIds.has(key)).map((key) => tx.store.delete(key)), tx.done]);
};
