import { createApiClient, type ApiClient, type Transport } from '../shared/api/client';
import type { AppEvent } from '../shared/api/contract';
import type { ChasquiBridge } from '../shared/api/bridge';

declare global {
  interface Window {
    chasqui?: ChasquiBridge;
  }
}

/** The desktop shell's preload puts window.chasqui in place; a browser talks HTTP to `npm run serve`. */
const ipcTransport = (bridge: ChasquiBridge): Transport => ({
  invoke: async (method, args) => {
    const envelope = await bridge.invoke(method, args);
    return JSON.parse(JSON.stringify(envelope));
  },
  onEvent: (listener) => bridge.onEvent(listener),
});

export const isUnauthorized = { current: false };

const httpTransport = (): Transport => ({
  invoke: async (method, args) => {
    try {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(args),
      });
      if (response.status === 401) isUnauthorized.current = true;
      return await response.json();
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Chasqui is not answering. Is `npm run serve` still running?' } };
    }
  },
  onEvent: (listener: (event: AppEvent) => void) => {
    const source = new EventSource('/api/events');
    source.onmessage = (message: MessageEvent<string>) => listener(JSON.parse(message.data));
    return () => source.close();
  },
});

export const api: ApiClient = createApiClient(window.chasqui ? ipcTransport(window.chasqui) : httpTransport());
