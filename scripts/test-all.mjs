// `npm test`: type-check, unit/core/contract tests (vitest), the core and contract tests again with the
// process clock moved (faketime), build, end-to-end tests (Playwright), then one line CI can read:
// "N passed, N failed". Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const reports = path.join(root, '.tmp');
fs.mkdirSync(reports, { recursive: true });
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);

const run = (label, args, env = {}, prefix = []) => {
  console.log(`\n▶ ${label}`);
  const [command, ...rest] = [...prefix, process.execPath, ...args];
  const result = spawnSync(command, rest, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
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

/** Runs vitest and counts its JSON report; a run that failed without failing a test counts as one failure. */
const runVitest = (label, name, { files = [], exclude = [], env = {}, prefix = [], flags = [] } = {}) => {
  const json = path.join(reports, `${name}.json`);
  fs.rmSync(json, { force: true });
  const isOk = run(label, [bin('vitest', 'vitest.mjs'), 'run', ...files, ...exclude.flatMap((glob) => ['--exclude', glob]), ...flags, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`], env, prefix);
  const report = readJson(json);
  if (report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  }
  if (!isOk && (!report || report.numFailedTests === 0)) failed += 1;
};

runVitest('Core, contract and shell tests (vitest)', 'vitest');

// Time bombs: the same core and contract tests with the whole process clock moved far from today, to
// the year's last minutes in the shop's zone (Lima) while the process runs in UTC: the far date catches
// fixtures that assume today, the year's turn catches off-by-one days and years, and the two zones
// disagreeing on the date catches code that reads the process's zone instead of the shop's. One run
// covers all three (it was two, a minute and a half each). Debian's faketime (libfaketime) moves the
// clock; the monotonic clock stays real so timers keep working.
const isFaketimeHere = spawnSync('faketime', ['--version'], { stdio: 'ignore' }).error === undefined;
// Left out of it, since nothing in them reads the date: the contract suites over HTTP (the same
// suites run in-process, on the same fixed clock; the transport adds no date), reading receipts
// (OCR) and zip bombs (sizes). They were a fifth of its time.
const dateFree = ['test/contract/http.test.ts', 'test/core/payments/ocr.test.ts', 'test/core/inbox/zip-bombs.test.ts'];
const shiftedClocks = [{ label: '2027-12-31 23:50 in Lima (2028-01-01 04:50 UTC)', at: '@2028-01-01 04:50:00', TZ: 'UTC' }];
if (isFaketimeHere) {
  for (const [i, clock] of shiftedClocks.entries()) {
    runVitest(`Core and contract tests with the clock at ${clock.label} (faketime)`, `vitest-clock-${i}`, {
      files: ['test/core', 'test/contract', 'test/domain'],
      exclude: dateFree,
      // Each worker imports the code once for all its files instead of once per file: two thirds of
      // this run was importing (115 → 57 s). Every test opens its own core and data folder; the
      // first run, isolated, is the one that would catch a test leaning on another's leftovers.
      flags: ['--no-isolate'],
      env: { TZ: clock.TZ, FAKETIME_DONT_FAKE_MONOTONIC: '1', FAKETIME_DONT_RESET: '1' },
      prefix: ['faketime', '-f', clock.at],
    });
  }
} else if (process.env.CI) {
  console.log('\n✗ faketime is missing: .ci/run installs it (Debian package "faketime")');
  failed += 1;
} else {
  console.log('\n▶ Shifted-clock runs skipped: install faketime (Debian/Ubuntu: apt-get install faketime; macOS: brew install libfaketime) to run them');
}

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
