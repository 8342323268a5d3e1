import fs from 'node:fs';
import path from 'node:path';

/**
 * The shop's data is the seller's alone: folders 0700 and files 0600, whatever the umask (022 on most
 * systems would make the database, backups and sessions readable by every account on the computer).
 * On Windows these modes do nothing; the profile folder is private there already.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

export const makePrivateDir = (dir: string): void => {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  fs.chmodSync(dir, PRIVATE_DIR_MODE);
};

const chmodIfThere = (file: string, mode: number): void => {
  try {
    fs.chmodSync(file, mode);
  } catch {
    // Not there (yet): it is created private later.
  }
};

export const makePrivateFile = (file: string): void => chmodIfThere(file, PRIVATE_FILE_MODE);

/** Folders of the data dir that are created before or outside the core (logs, channel sessions). */
const SHOP_FOLDERS = ['backups', 'channels', 'exports', 'lan-https', 'logs', 'media'];

/** Run at every start, so a shop made by an older Chasqui (umask 022) is closed up too. */
export const protectShopFiles = (dataDir: string, dbFile: string): void => {
  chmodIfThere(dataDir, PRIVATE_DIR_MODE);
  for (const suffix of ['', '-wal', '-shm']) chmodIfThere(`${dbFile}${suffix}`, PRIVATE_FILE_MODE);
  for (const folder of SHOP_FOLDERS) chmodIfThere(path.join(dataDir, folder), PRIVATE_DIR_MODE);
};
