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

const TOKEN_KEY = 'chasqui-token';
const DEVICE_TOKEN_KEY = 'chasqui-device-token';

/**
 * The printed link carries the token once: it moves into sessionStorage (kept per scheme, host and
 * port, so no other program on 127.0.0.1 can read it, unlike a cookie) and out of the address bar.
 */
const takeTokenFromLink = (): string | null => {
  const params = new URLSearchParams(window.location.search);
  const fromLink = params.get('token');
  if (fromLink) {
    window.sessionStorage.setItem(TOKEN_KEY, fromLink);
    params.delete('token');
    const search = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`);
  }
  // A helper's phone opens the app from the home network after pairing on the phone page, which keeps
  // the device's own token on that origin (electron/http/phonePage.ts).
  return window.sessionStorage.getItem(TOKEN_KEY) ?? window.localStorage.getItem(DEVICE_TOKEN_KEY);
};

/** Asks the headless shell for signed file links (see electron/http/fileLinks.ts), usable in <img src>. */
const httpHeaders = (token: string | null): Record<string, string> => ({
  ...(token ? { Authorization: `Bearer ${token}` } : {}),
  'X-Chasqui-File-Links': 'signed',
});

/** Server-Sent Events over fetch, because EventSource cannot send the Authorization header. */
const followEvents = (token: string | null, listener: (event: AppEvent) => void): (() => void) => {
  const controller = new AbortController();
  let delayMs = 1000;
  const readOnce = async (): Promise<void> => {
    const response = await fetch('/api/events', { headers: httpHeaders(token), credentials: 'omit', cache: 'no-store', signal: controller.signal });
    if (response.status === 401) {
      isUnauthorized.current = true;
      return;
    }
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    delayMs = 1000;
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const data = buffer.slice(0, end).split('\n').find((line) => line.startsWith('data: '));
        buffer = buffer.slice(end + 2);
        if (data) listener(JSON.parse(data.slice('data: '.length)));
        end = buffer.indexOf('\n\n');
      }
    }
  };
  // Like EventSource: when the stream ends or fails (a restart of `npm run serve`), connect again.
  const loop = async (): Promise<void> => {
    while (!controller.signal.aborted && !isUnauthorized.current) {
      await readOnce().catch(() => undefined);
      if (controller.signal.aborted || isUnauthorized.current) return;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      delayMs = Math.min(delayMs * 2, 15_000);
    }
  };
  void loop();
  return () => controller.abort();
};

/**
 * One event stream per page, whatever the number of screens listening: a browser keeps at most six
 * connections to a host, and a stream per listener (the nav counts, a chat's label picker, the Feria
 * badge…) used them all up, so the next API calls waited for ever.
 */
const sharedEventStream = (token: string | null): ((listener: (event: AppEvent) => void) => () => void) => {
  const listeners = new Set<(event: AppEvent) => void>();
  let stop: (() => void) | null = null;
  return (listener) => {
    listeners.add(listener);
    stop ??= followEvents(token, (event) => {
      for (const each of [...listeners]) {
        try {
          each(event);
        } catch (error) {
          // One screen's failure must not keep the event from the others.
          console.error(error);
        }
      }
    });
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        stop?.();
        stop = null;
      }
    };
  };
};

const httpTransport = (token: string | null): Transport => ({
  invoke: async (method, args) => {
    try {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json', ...httpHeaders(token) },
        body: JSON.stringify(args),
      });
      if (response.status === 401) isUnauthorized.current = true;
      return await response.json();
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Chasqui is not answering. Is `npm run serve` still running?' } };
    }
  },
  onEvent: sharedEventStream(token),
});

const browserToken = window.chasqui ? null : takeTokenFromLink();

/**
 * A file the page names itself (the logo, by its photo id) and so has no signed link: in the browser it
 * is fetched with the token and shown from memory; the desktop app serves it on app:// as it is.
 */
export const loadFileSrc = async (path: string): Promise<{ src: string; release(): void }> => {
  if (window.chasqui) return { src: path, release: () => undefined };
  const response = await fetch(path, { headers: httpHeaders(browserToken), credentials: 'omit' });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  const src = URL.createObjectURL(await response.blob());
  return { src, release: () => URL.revokeObjectURL(src) };
};

/** A file's bytes (a product photo the stall phone keeps for offline), fetched with the token in the browser. */
export const loadFileBlob = async (path: string): Promise<Blob> => {
  const response = await fetch(path, window.chasqui ? {} : { headers: httpHeaders(browserToken), credentials: 'omit' });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.blob();
};

export const api: ApiClient = createApiClient(window.chasqui ? ipcTransport(window.chasqui) : httpTransport(browserToken));
