import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const TOKEN_FILE = 'browser-token';
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * The browser link's token lives with the shop (mode 0600), so the link still works after a restart
 * and can be bookmarked. `renew` makes a new one, which turns every old link away.
 */
export const readOrCreateToken = (dataDir: string, options: { isRenewed?: boolean } = {}): string => {
  const file = path.join(dataDir, TOKEN_FILE);
  if (!options.isRenewed) {
    try {
      const saved = fs.readFileSync(file, 'utf8').trim();
      if (TOKEN_PATTERN.test(saved)) {
        fs.chmodSync(file, 0o600);
        return saved;
      }
    } catch {
      // None yet (or unreadable): a new one below.
    }
  }
  const token = crypto.randomBytes(24).toString('base64url');
  // Written beside and renamed, so a crash never leaves half a token.
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${token}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
  return token;
};
