import { createRequire } from 'node:module';

/**
 * Libraries that only some screens need (PDF, images, QR codes, the date grammar) are loaded the
 * first time they are used, not when the app starts: a cold start opens the database and answers
 * first. Asynchronous code writes `await import()`; synchronous code (a date read inside a
 * transaction cannot wait) asks through here. Both stay outside the bundle and load on first use.
 */
// CommonJS bundles (the two shells, esbuild's) have __filename; ES modules (vitest) have import.meta.url.
const requireHere = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);

export const lazyRequire = <T>(name: string): (() => T) => {
  let loaded: { library: T } | undefined;
  return () => {
    loaded ??= { library: requireHere(name) };
    return loaded.library;
  };
};
