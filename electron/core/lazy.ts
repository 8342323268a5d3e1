import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Libraries that only some screens need (PDF, images, QR codes, the date grammar) are loaded the
 * first time they are used, not when the app starts: a cold start opens the database and answers
 * first. Asynchronous code writes `await import()`; synchronous code (a date read inside a
 * transaction cannot wait) asks through here. Both stay outside the bundle and load on first use.
 */
// CommonJS bundles (the two shells) have __filename. `import.meta` must not appear here at all: a
// CommonJS loader that meets it (Playwright's, loading the core for its big-shop specs) takes the whole
// file for an ES module and fails. Where there is no __filename (tests run from the project), the
// project folder resolves the same packages.
const requireHere = createRequire(typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'package.json'));

export const lazyRequire = <T>(name: string): (() => T) => {
  let loaded: { library: T } | undefined;
  return () => {
    loaded ??= { library: requireHere(name) };
    return loaded.library;
  };
};
