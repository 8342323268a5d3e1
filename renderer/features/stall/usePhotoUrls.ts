import { useEffect, useState } from 'react';
import type { StallSnapshot } from '../../../shared/api/methods/stall';
import { itemsOf } from './ledger';
import { loadPhotos } from './stallDb';

/** Object URLs for the snapshot's photos kept in IndexedDB (the desktop app reads them from its disk). */
export const usePhotoUrls = (snapshot: StallSnapshot | null | undefined): ReadonlyMap<string, string> => {
  const [urls, setUrls] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!snapshot) return undefined;
    const ids = [...new Set(itemsOf(snapshot).flatMap((item) => (item.photoId ? [item.photoId] : [])))];
    if (window.chasqui) {
      setUrls(new Map(ids.map((id) => [id, `/media/thumbs/${id}.webp`])));
      return undefined;
    }
    let made: string[] = [];
    let isCurrent = true;
    loadPhotos(ids).then(
      (blobs) => {
        if (!isCurrent) return;
        const next = new Map([...blobs].map(([id, blob]) => [id, URL.createObjectURL(blob)]));
        made = [...next.values()];
        setUrls(next);
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
      made.forEach((url) => URL.revokeObjectURL(url));
    };
  }, [snapshot]);
  return urls;
};
