import type { AppEvent } from '../../shared/api/contract';

export interface EventHub {
  subscribe(listener: (event: AppEvent) => void): () => void;
  publish(event: AppEvent): void;
}

export const createEventHub = (): EventHub => {
  const listeners = new Set<(event: AppEvent) => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          // One broken window or closed socket must not stop the others from hearing it.
        }
      }
    },
  };
};
