import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encrypts channel sessions and tokens. The desktop hands in one backed by Electron's safeStorage
 * (the system key store); the headless shell uses a random local key kept beside the data, which
 * protects the files from casual copying but not from someone who can read the whole data folder.
 */
export interface SecretBox {
  kind: 'os_keychain' | 'local_key';
  isSecure: boolean;
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
}

const KEY_FILE = 'local.key';

export const channelsDirFor = (dataDir: string): string => path.join(dataDir, 'channels');

export const localKeyBox = (channelsDir: string): SecretBox => {
  const keyFile = path.join(channelsDir, KEY_FILE);
  const key = (): Buffer => {
    if (!fs.existsSync(keyFile)) {
      fs.mkdirSync(channelsDir, { recursive: true, mode: 0o700 });
      fs.writeFileSync(keyFile, crypto.randomBytes(32), { mode: 0o600, flag: 'wx' });
    }
    return fs.readFileSync(keyFile);
  };
  return {
    kind: 'local_key',
    isSecure: false,
    encrypt(text) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key(), iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(data) {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key(), data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
};

const secretFile = (channelsDir: string, name: string): string => path.join(channelsDir, name, 'session.enc');

export const writeSecret = (channelsDir: string, box: SecretBox, name: string, value: unknown): void => {
  const file = secretFile(channelsDir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Write then rename, so a crash never leaves half a session behind.
  fs.writeFileSync(`${file}.tmp`, box.encrypt(JSON.stringify(value)), { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
};

/** null when there is none, or when it cannot be read any more (another key, a damaged file). */
export const readSecret = (channelsDir: string, box: SecretBox, name: string): unknown => {
  const file = secretFile(channelsDir, name);
  if (!fs.existsSync(file)) return null;
  try {
    return JSON.parse(box.decrypt(fs.readFileSync(file)));
  } catch {
    return null;
  }
};

/** Forgets everything a channel kept: the session file and any browser profile beside it. */
export const wipeChannelDir = (channelsDir: string, name: string): void => {
  fs.rmSync(path.join(channelsDir, name), { recursive: true, force: true });
};
