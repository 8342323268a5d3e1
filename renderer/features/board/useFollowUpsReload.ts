import { useEffect, useRef } from 'react';
import { api } from '../../api';

const events = new Set(['orders.changed', 'inbox.message', 'stock.changed', 'followUps.changed', 'settings.changed', 'live.changed']);

/**
 * Calls load now and after anything that can add or clear a reminder. A chat import or a broadcast
 * sends hundreds of events in a burst: they are gathered into one reload a moment later, so the
 * list is not recomputed hundreds of times while the seller waits for something else.
 */
export const useFollowUpsReload = (load: () => void, delayMs = 800, firstDelayMs = 0): void => {
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    if (firstDelayMs > 0) timer = setTimeout(() => {
      timer = null;
      loadRef.current();
    }, firstDelayMs);
    else loadRef.current();
    const stop = api.onEvent((event) => {
      if (!events.has(event.type) || timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        loadRef.current();
      }, delayMs);
    });
    return () => {
      stop();
      if (timer !== null) clearTimeout(timer);
    };
  }, [delayMs, firstDelayMs]);
};
