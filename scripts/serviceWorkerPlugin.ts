import crypto from 'node:crypto';
import fs from 'node:fs';
import { transformWithEsbuild, type Plugin } from 'vite';

/** Files from renderer/public the phone needs offline too (the manifest and its icons). */
const PUBLIC_FILES = ['/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png', '/icons/maskable-512.png'];

/**
 * Emits sw.js next to index.html: renderer/sw.ts compiled to a classic script, preceded by the list of
 * this build's files (PRECACHE) and a hash of that list (VERSION). Hand-made instead of Workbox
 * (vite-plugin-pwa): the worker is 80 lines, and Workbox's build brings Babel and a hundred packages
 * for the same precache list.
 */
export const serviceWorkerPlugin = (source: string): Plugin => ({
  name: 'chasqui-service-worker',
  apply: 'build',
  generateBundle: {
    order: 'post',
    async handler(_options, bundle) {
      const built = Object.keys(bundle)
        .filter((file) => file.startsWith('assets/') && !file.endsWith('.map'))
        .map((file) => `/${file}`)
        .sort();
      const precache = [...built, ...PUBLIC_FILES];
      const version = crypto.createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 16);
      const { code } = await transformWithEsbuild(fs.readFileSync(source, 'utf8'), source, { loader: 'ts', format: 'iife', target: 'es2020' });
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: `const PRECACHE = ${JSON.stringify(precache)};\nconst VERSION = ${JSON.stringify(version)};\n${code}`,
      });
    },
  },
});
