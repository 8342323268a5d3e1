/**
 * The service worker for the app on a phone (scope /app): the app shell (the page, its scripts, styles
 * and icons) is kept so the page opens with no connection at all; the stall's data lives in IndexedDB,
 * not here. The API, SSE, pairing and photos are never touched: they go to the network as if there were
 * no worker. Built by scripts/serviceWorkerPlugin.ts, which puts the list of the build's files in
 * PRECACHE and a hash of it in VERSION, so a new build installs a new worker and drops the old cache.
 */
declare const PRECACHE: readonly string[];
declare const VERSION: string;

// The DOM library has no service worker types (and the webworker one clashes with it): what we use.
interface SwEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SwFetchEvent extends SwEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface SwScope {
  addEventListener(type: 'install' | 'activate', listener: (event: SwEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: SwFetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}
// `self` is typed as a window by the DOM library; in this file it is the worker's global scope.
const worker = self as unknown as SwScope;

const CACHE = `chasqui-shell-${VERSION}`;
const SHELL = '/app';
/** Past this, a navigation on a weak signal opens the kept page instead of waiting. */
const NETWORK_WAIT_MS = 3000;
const NEVER = ['/api/', '/lan/', '/media/', '/exports/'];

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([SHELL, ...PRECACHE]))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('chasqui-shell-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => worker.clients.claim()),
  );
});

const keep = async (request: Request, response: Response): Promise<Response> => {
  if (response.ok && response.type === 'basic') await (await caches.open(CACHE)).put(request, response.clone());
  return response;
};

/** The page: fresh from the network when it answers soon, else the kept copy. */
const openShell = async (request: Request): Promise<Response> => {
  const fromNetwork = fetch(request).then((response) => keep(new Request(SHELL), response));
  const kept = await caches.match(SHELL);
  if (!kept) return fromNetwork;
  const late = new Promise<Response>((resolve) => setTimeout(() => resolve(kept), NETWORK_WAIT_MS));
  return Promise.race([fromNetwork.catch(() => kept), late]);
};

/** Built files have a hash in their name and never change: the kept copy is the right one. */
const openFile = async (request: Request): Promise<Response> => (await caches.match(request, { ignoreSearch: true })) ?? fetch(request).then((response) => keep(request, response));

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin || NEVER.some((prefix) => url.pathname.startsWith(prefix))) return;
  if (request.mode === 'navigate') {
    if (url.pathname === SHELL || url.pathname === `${SHELL}/`) event.respondWith(openShell(request));
    return;
  }
  if (url.pathname.startsWith('/assets/') || PRECACHE.includes(url.pathname)) event.respondWith(openFile(request));
});
