/**
 * Libraries every start needs, bundled into the core's bundle instead of required from node_modules:
 * resolving and compiling their hundreds of files cost a plain `node` start about 0.4 s (zod alone
 * ~0.2 s). Every other dependency stays outside: native addons, and the libraries only some screens
 * load on first use (see electron/core/lazy.ts).
 */
export const startupDeps = ['zod', 'libphonenumber-js', 'luxon'] as const;
