import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { startupDeps } from './electron/startupDeps';
import { serviceWorkerPlugin } from './scripts/serviceWorkerPlugin';

// One build for the three parts. main also bundles the headless shell (cli.js), which runs under plain Node.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: { exclude: [...startupDeps] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          cli: resolve(__dirname, 'electron/http/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // A sandboxed preload cannot load ES modules.
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), serviceWorkerPlugin(resolve(__dirname, 'renderer/sw.ts'))],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the window's code unminified (it loads from disk); the same files go to
      // the family's phones over the home Wi-Fi, where half the size is half the wait.
      minify: 'esbuild',
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
