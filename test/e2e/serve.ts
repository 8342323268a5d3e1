import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ServedApp {
  url: string;
  /** The phone page's address, when started with --lan. */
  lanUrl(): string | null;
  origin: string;
  dataDir: string;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, '../..');

/** Starts the real headless shell, exactly as `npm run serve -- --demo --port 0` would, on a fresh data dir. */
export const serveApp = async (flags: string[] = ['--demo'], options: { prepare?: (dataDir: string) => void | Promise<void> } = {}): Promise<ServedApp> => {
  const cli = path.join(root, 'out', 'main', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error('Build first: npm run build (npm test does it)');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chasqui-e2e-'));
  await options.prepare?.(dataDir);
  const child: ChildProcess = spawn(process.execPath, [cli, '--data-dir', dataDir, '--port', '0', ...flags], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lanUrl = () => /Phones on your network: (\S+)/.exec(stderr)?.[1] ?? null;
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`Chasqui did not start: ${stderr}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^Chasqui listening on (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/m.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`Chasqui exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    lanUrl,
    origin: new URL(url).origin,
    dataDir,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
