import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/paths';
import { TOKEN_PATTERN } from './tokenFile';

export const usage = `Usage: npm run serve -- [--data-dir DIR] [--port N] [--demo] [--token T] [--new-token]

  --data-dir DIR  where the shop's data lives (default: ${defaultDataDir()})
  --port N        port on 127.0.0.1 (default 4817; 0 picks a free port)
  --demo          fill an empty data dir with the demo shop, once
  --token T       the access token for this run (default: the one kept in the data folder, so the link stays the same)
  --new-token     make a new token for the data folder: every link printed before stops working
  --restore-last-backup  if the data is damaged, put the newest good backup in its place (the damaged file is kept)
  --lan           open the door for paired phones on the home network (only with this flag, even if turned on in Ajustes)
  --lan-host H    the address to listen on for phones (default 0.0.0.0, every network)
  --lan-port N    the port for phones (default 4818)`;

export interface CliOptions {
  isRestoreLastBackup: boolean;
  dataDir: string;
  port: number;
  isDemo: boolean;
  /** Null: the token kept in the data folder. */
  token: string | null;
  isNewToken: boolean;
  isLan: boolean;
  lanHost: string;
  lanPort: number;
}

export const exitWith = (message: string, code: number): never => {
  console.error(message);
  process.exit(code);
};

export const readCliOptions = (argv: string[]): CliOptions => {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      demo: { type: 'boolean', default: false },
      token: { type: 'string' },
      'new-token': { type: 'boolean', default: false },
      lan: { type: 'boolean', default: false },
      'restore-last-backup': { type: 'boolean', default: false },
      'lan-host': { type: 'string' },
      'lan-port': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) exitWith(usage, 0);
  const portText = values.port ?? '4817';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
    exitWith(`invalid_input: --port must be a number from 0 to 65535, not "${portText}"`, 2);
  }
  const token = values.token ?? null;
  if (token !== null && !TOKEN_PATTERN.test(token)) {
    exitWith('invalid_input: --token must be 16 to 128 letters, digits, "-" or "_"', 2);
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  if (dataDir.trim() === '') exitWith('invalid_input: --data-dir must not be empty', 2);
  const lanPortText = values['lan-port'] ?? '4818';
  if (!/^\d{1,5}$/.test(lanPortText) || Number(lanPortText) > 65535) exitWith(`invalid_input: --lan-port must be a number from 0 to 65535, not "${lanPortText}"`, 2);
  const lanHost = values['lan-host'] ?? '0.0.0.0';
  if (net.isIP(lanHost) === 0) exitWith(`invalid_input: --lan-host must be an IP address of this computer, not "${lanHost}"`, 2);
  return { isRestoreLastBackup: values['restore-last-backup'], dataDir: path.resolve(dataDir), port: Number(portText), isDemo: values.demo, token, isNewToken: values['new-token'], isLan: values.lan, lanHost, lanPort: Number(lanPortText) };
};

