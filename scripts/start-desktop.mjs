// `npm start`: the desktop app. better-sqlite3 is compiled for Node in node_modules (tests and
// `npm run serve` use that build); Electron needs its own build of the same addon. We keep that one in
// .electron-native/ so both exist side by side, rebuild it only when Electron or better-sqlite3 change,
// then build the app and launch Electron pointing the core at the Electron build.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const versionOf = (pkg) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

const electronVersion = versionOf('electron');
const sqliteVersion = versionOf('better-sqlite3');
const nativeRoot = path.join(root, '.electron-native');
const moduleDir = path.join(nativeRoot, 'node_modules', 'better-sqlite3');
const binding = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
const stampFile = path.join(nativeRoot, 'stamp.json');
const stamp = JSON.stringify({ electronVersion, sqliteVersion, platform: process.platform, arch: process.arch });

let electronBinary;
try {
  electronBinary = require('electron');
  if (typeof electronBinary !== 'string' || !fs.existsSync(electronBinary)) throw new Error('missing');
} catch {
  console.error(
    'The Electron program is not installed (npm install may have run with ELECTRON_SKIP_BINARY_DOWNLOAD=1).\n' +
      'Run `node node_modules/electron/install.js` (needs internet) or `npm install` again without that variable.\n' +
      'Meanwhile `npm run serve` runs the same app in your browser.',
  );
  process.exit(1);
}

const isFresh = fs.existsSync(binding) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp;
if (!isFresh) {
  console.log(`Preparing the database engine for Electron ${electronVersion} (first start only, may take a minute)…`);
  fs.rmSync(nativeRoot, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(moduleDir), { recursive: true });
  fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), moduleDir, {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}build${path.sep}`) && !source.endsWith(`${path.sep}build`),
  });
  fs.writeFileSync(path.join(nativeRoot, 'package.json'), JSON.stringify({ name: 'chasqui-electron-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));
  const { rebuild } = require('@electron/rebuild');
  // Downloads Electron's prebuilt better-sqlite3 when one exists, else compiles against Electron's headers.
  await rebuild({ buildPath: nativeRoot, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  if (!fs.existsSync(binding)) {
    console.error('Could not build better-sqlite3 for Electron. Check the messages above (a C++ toolchain may be needed).');
    process.exit(1);
  }
  fs.writeFileSync(stampFile, stamp);
}

const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(electronBinary, [root, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CHASQUI_NATIVE_BINDING: binding },
});
child.on('exit', (code) => process.exit(code ?? 0));
