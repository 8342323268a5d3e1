/**
 * The app on a phone (opened at /app) registers the service worker so it reopens with no connection.
 * Only in a browser (the desktop app has its files on disk) and only in a secure context (https, or
 * localhost), where browsers allow service workers at all.
 */
export const registerServiceWorker = (): void => {
  if (window.chasqui || !window.isSecureContext || !('serviceWorker' in navigator)) return;
  if (!window.location.pathname.startsWith('/app')) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/app' }).catch(() => undefined);
};
