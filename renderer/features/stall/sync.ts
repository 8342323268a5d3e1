import { api, loadFileBlob } from '../../api';
import { clockOffset, syncClock } from '../../clock';
import type { StallSnapshot } from '../../../shared/api/methods/stall';
import { batchesOf, eventOf, itemsOf, settleWith } from './ledger';
import { keepOnlyPhotos, pendingSales, photoIdsStored, putSales, saveSnapshot, savePhoto } from './stallDb';

export interface SyncOutcome {
  /** Sales the core answered for in this run. */
  acknowledged: number;
  conflicts: number;
  /** Still waiting for an answer (no connection, or the core refused the batch). */
  left: number;
  error: string | null;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Sends every pending sale, a batch at a time, and marks each one only from the core's answer: a sale
 * whose answer never arrived stays pending and goes again, which is safe because the core records
 * each event id once (a repeat comes back as 'duplicate').
 */
const sendPending = async (): Promise<SyncOutcome> => {
  const pending = await pendingSales();
  const outcome: SyncOutcome = { acknowledged: 0, conflicts: 0, left: pending.length, error: null };
  for (const batch of batchesOf(pending)) {
    const envelope = await api.request('stall.sync', { sales: batch.map(eventOf) }).catch((error: unknown) => ({ ok: false as const, error: { message: errorText(error) } }));
    if (!envelope.ok) return { ...outcome, error: envelope.error.message };
    const settled = batch.map((sale) => settleWith(sale, envelope.value.results)).filter((sale) => sale.state !== 'pending');
    await putSales(settled);
    outcome.acknowledged += settled.length;
    outcome.conflicts += settled.filter((sale) => sale.state === 'conflict').length;
    outcome.left -= settled.length;
  }
  return outcome;
};

let running: Promise<SyncOutcome> | null = null;

/** Web Locks keep two tabs of the same phone from sending the same batch at once. */
const underLock = async (): Promise<SyncOutcome> => {
  if (!('locks' in navigator)) return sendPending();
  const outcomes: SyncOutcome[] = [];
  await navigator.locks.request('chasqui-stall-sync', async () => {
    outcomes.push(await sendPending());
  });
  return outcomes[0] ?? { acknowledged: 0, conflicts: 0, left: 0, error: null };
};

/** One sync at a time: a second call while one runs gets the same answer. */
export const syncNow = (): Promise<SyncOutcome> => {
  const started =
    running ??
    underLock().finally(() => {
      running = null;
    });
  running = started;
  return started;
};

const PHOTO_FETCHES_AT_ONCE = 4;

/** Thumbnails of the snapshot's products into IndexedDB; a photo that fails is simply shown without. */
const keepPhotos = async (snapshot: StallSnapshot): Promise<void> => {
  if (window.chasqui) return; // the desktop app reads photos from its own disk
  const wanted = new Set(itemsOf(snapshot).flatMap((item) => (item.photoId ? [item.photoId] : [])));
  const stored = await photoIdsStored();
  const missing = [...wanted].filter((id) => !stored.has(id));
  const fetchNext = async (): Promise<void> => {
    const id = missing.shift();
    if (!id) return;
    await loadFileBlob(`/media/thumbs/${id}.webp`).then((blob) => savePhoto(id, blob), () => undefined);
    return fetchNext();
  };
  await Promise.all(Array.from({ length: PHOTO_FETCHES_AT_ONCE }, fetchNext));
  await keepOnlyPhotos(wanted);
};

/**
 * "Preparar feria": unsent sales go first (so the new count includes them), then the snapshot, the
 * shop's settings and this phone's role are kept on the phone, with the product photos.
 */
export const prepareStall = async (): Promise<StallSnapshot> => {
  await syncNow();
  const [snapshot, settings, info] = await Promise.all([api.call('stall.snapshot', {}), api.call('settings.get', {}), api.call('app.info', {})]);
  syncClock(info.now);
  await saveSnapshot(snapshot, { settings, role: info.role, clockOffsetMs: clockOffset() });
  await keepPhotos(snapshot);
  return snapshot;
};
