import path from 'node:path';
import { build } from 'esbuild';
import pkg from '../../package.json';
import { startupDeps } from '../../electron/startupDeps';

const root = path.resolve(__dirname, '../..');

/** Bundles a script a test runs as a child `node` process the way the shells are built: startup libraries in, the rest from node_modules. */
export const bundleForChild = async (entry: string, outfile: string): Promise<void> => {
  const isBundled = (name: string): boolean => startupDeps.some((dep) => dep === name);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    external: Object.keys(pkg.dependencies).filter((name) => !isBundled(name)).flatMap((name) => [name, `${name}/*`]).concat('electron'),
    logLevel: 'silent',
    nodePaths: [path.join(root, 'node_modules')],
  });
};
