// `npm test`: type-check, unit/core/contract tests (vitest), build, end-to-end tests (Playwright),
// then one line CI can read: "N passed, N failed". Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const reports = path.join(root, '.tmp');
fs.mkdirSync(reports, { recursive: true });
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);

const run = (label, args, env = {}) => {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  return result.status === 0;
};

const readJson = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

let passed = 0;
let failed = 0;

if (!run('Type check', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json', '--noEmit'])) failed += 1;

const vitestJson = path.join(reports, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const isVitestOk = run('Core, contract and shell tests (vitest)', [
  bin('vitest', 'vitest.mjs'),
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
}
if (!isVitestOk && (!vitest || vitest.numFailedTests === 0)) failed += 1;

if (!run('Build (electron-vite)', [bin('electron-vite', 'bin/electron-vite.js'), 'build'])) failed += 1;

const playwrightJson = path.join(reports, 'playwright.json');
fs.rmSync(playwrightJson, { force: true });
const isE2eOk = run('End-to-end tests (Playwright, /usr/bin/chromium)', [bin('@playwright/test', 'cli.js'), 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
});
const e2e = readJson(playwrightJson);
if (e2e?.stats) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
}
if (!isE2eOk && (!e2e?.stats || e2e.stats.unexpected === 0)) failed += 1;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
