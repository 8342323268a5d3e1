import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../electron/core/dataLock';
import { TOKEN_FILE } from '../../electron/http/tokenFile';
import { makeTempDir } from '../helpers/tmp';
import { bundleForChild } from '../helpers/bundle';
import { waitFor } from '../helpers/waitFor';

const root = path.resolve(__dirname, '../..');

interface Shell {
  child: ChildProcess;
  link: string;
  stderr(): string;
  stop(): Promise<void>;
}

/** The real `npm run serve` (bundled once), started and stopped as the seller would. */
// Each test starts the shell several times; on a busy machine one start takes seconds.
describe('npm run serve on a data folder', { timeout: 180_000 }, () => {
  const tmp = makeTempDir('chasqui-cli-');
  const cliFile = path.join(tmp.dir, 'cli.cjs');
  const dataDir = path.join(tmp.dir, 'shop');
  const running: ChildProcess[] = [];

  const args = (flags: string[]) => [cliFile, '--data-dir', dataDir, '--port', '0', ...flags];
  const env = { ...process.env, NODE_PATH: path.join(root, 'node_modules') };

  const start = (flags: string[] = []): Promise<Shell> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, args(flags), { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      running.push(child);
      let stdout = '';
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on (http:\/\/\S+\/\?token=\S+)/.exec(stdout);
        if (match?.[1]) {
          // Give the LAN notice (written right after the link) a moment.
          setTimeout(() => resolve({
            child,
            link: match[1] ?? '',
            stderr: () => stderr,
            stop: () => new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
          }), 300);
        }
      });
      child.once('exit', (code) => reject(new Error(`the shell exited (${code}): ${stderr}`)));
    });

  beforeAll(async () => {
    await bundleForChild(path.join(root, 'electron/http/cli.ts'), cliFile);
  }, 60_000);
  // A failed test must not leave its shell holding the folder for the next one.
  afterEach(async () => {
    for (const child of running.splice(0)) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await exited;
    }
  });
  afterAll(() => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
    tmp.cleanup();
  });

  it('keeps one token per data folder (0600) until --new-token, and --token still overrides it', async () => {
    const first = await start();
    const token = new URL(first.link).searchParams.get('token');
    expect(token).toMatch(/^[\w-]{16,}$/);
    expect(fs.statSync(path.join(dataDir, TOKEN_FILE)).mode & 0o777).toBe(0o600);
    await first.stop();
    const again = await start();
    expect(new URL(again.link).searchParams.get('token')).toBe(token);
    await again.stop();
    const given = await start(['--token', 'a-token-given-on-the-command-line']);
    expect(new URL(given.link).searchParams.get('token')).toBe('a-token-given-on-the-command-line');
    await given.stop();
    const renewed = await start(['--new-token']);
    const newToken = new URL(renewed.link).searchParams.get('token');
    expect(newToken).not.toBe(token);
    const old = await fetch(`${new URL(renewed.link).origin}/api/settings.get`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: '{}' });
    expect(old.status).toBe(401);
    await renewed.stop();
    const afterRenew = await start();
    expect(new URL(afterRenew.link).searchParams.get('token')).toBe(newToken);
    await afterRenew.stop();
  });

  it('refuses a second serve on the same data folder with a clear message and exit code 1, and takes over a stale lock', async () => {
    const first = await start();
    const second = spawnSync(process.execPath, args([]), { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`Another Chasqui (process ${first.child.pid}) is already using the data folder`);
    await first.stop();
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    // A shell that was SIGKILLed leaves its lock behind; its process is gone, so the lock is stale.
    const killed = await start();
    const exited = new Promise((done) => killed.child.once('exit', done));
    killed.child.kill('SIGKILL');
    await exited;
    expect(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8').trim()).toBe(String(killed.child.pid));
    const next = await start();
    await next.stop();
  });

  it('opens the LAN door only with --lan, and says so when the saved setting is on', async () => {
    const withLan = await start(['--lan', '--lan-host', '127.0.0.1', '--lan-port', '0']);
    // The first start makes the shop's certificates (a second or so on a busy machine) before the notice.
    await expect.poll(() => withLan.stderr(), { timeout: 10_000 }).toMatch(/Phones on your network: https:\/\/127\.0\.0\.1:\d+\/telefono/);
    await withLan.stop();
    const withoutLan = await start(['--lan-host', '127.0.0.1', '--lan-port', '0']);
    await waitFor(() => withoutLan.stderr().includes('stays closed'), 10_000, 'the closed-LAN notice');
    expect(withoutLan.stderr()).toContain('LAN access for phones is saved as on, but it stays closed: start with --lan to open it.');
    expect(withoutLan.stderr()).not.toContain('Phones on your network');
    const token = new URL(withoutLan.link).searchParams.get('token') ?? '';
    const status = await fetch(`${new URL(withoutLan.link).origin}/api/lan.status`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: '{}' });
    expect(await status.json()).toMatchObject({ ok: true, value: { isEnabled: true, url: null } });
    await withoutLan.stop();
  });

  it('keeps the data folder and the database for the seller alone', async () => {
    const shell = await start();
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    for (const file of ['chasqui.db', 'chasqui.db-wal', 'chasqui.db-shm', TOKEN_FILE]) {
      if (fs.existsSync(path.join(dataDir, file))) expect(fs.statSync(path.join(dataDir, file)).mode & 0o777, file).toBe(0o600);
    }
    await shell.stop();
  });
});
