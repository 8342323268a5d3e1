import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { desktopSecretBox } from '../../electron/main/secrets';
import { makeTempDir } from '../helpers/tmp';

const keystore = vi.hoisted(() => ({ isAvailable: true, backend: 'gnome_libsecret' }));
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => keystore.isAvailable,
    getSelectedStorageBackend: () => keystore.backend,
    // Reversible but not plain text, like the real thing from the outside.
    encryptString: (text: string) => Buffer.from(text, 'utf8').reverse(),
    decryptString: (data: Buffer) => Buffer.from(data).reverse().toString('utf8'),
  },
}));

describe('desktop secret storage', () => {
  it('uses the system key store when there is one', () => {
    keystore.isAvailable = true;
    keystore.backend = 'gnome_libsecret';
    const box = desktopSecretBox('/nowhere', 'linux');
    expect(box).toMatchObject({ kind: 'os_keychain', isSecure: true });
    expect(box.decrypt(box.encrypt('token-123'))).toBe('token-123');
    expect(desktopSecretBox('/nowhere', 'darwin').kind).toBe('os_keychain');
  });

  it('falls back to a local key, and says it is not secure, where Linux has no key store', () => {
    const tmp = makeTempDir();
    keystore.backend = 'basic_text';
    const box = desktopSecretBox(tmp.dir, 'linux');
    expect(box).toMatchObject({ kind: 'local_key', isSecure: false });
    const sealed = box.encrypt('token-123');
    expect(sealed.toString('utf8')).not.toContain('token-123');
    expect(box.decrypt(sealed)).toBe('token-123');
    expect(fs.existsSync(`${tmp.dir}/local.key`)).toBe(true);
    keystore.isAvailable = false;
    expect(desktopSecretBox(tmp.dir, 'win32').kind).toBe('local_key');
    tmp.cleanup();
  });
});
