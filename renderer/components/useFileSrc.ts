import { useEffect, useState } from 'react';
import { loadFileSrc } from '../api';

/** The src for a file the page names by path (a photo by its id); undefined until it is ready. */
export const useFileSrc = (path: string | null): string | undefined => {
  const [src, setSrc] = useState<string | undefined>(undefined);
  useEffect(() => {
    setSrc(undefined);
    if (!path) return undefined;
    let release = (): void => undefined;
    let isCurrent = true;
    loadFileSrc(path).then(
      (loaded) => {
        if (isCurrent) {
          release = loaded.release;
          setSrc(loaded.src);
        } else loaded.release();
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
      release();
    };
  }, [path]);
  return src;
};
