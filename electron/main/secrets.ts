import { safeStorage } from 'electron';
import { localKeyBox, type SecretBox } from '../core/channels/secrets';

/**
 * Channel sessions encrypted with the system key store (Keychain, DPAPI, libsecret/kwallet).
 * Where Linux has no key store, Electron falls back to a fixed key ("basic_text"): we say so
 * (isSecure false, the Canales page warns) and use our own local key instead, which is no worse.
 * Must be called after the app is ready.
 */
export const desktopSecretBox = (channelsDir: string, platform: NodeJS.Platform = process.platform): SecretBox => {
  const isAvailable = safeStorage.isEncryptionAvailable();
  const isBasicText = platform === 'linux' && isAvailable && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (!isAvailable || isBasicText) return localKeyBox(channelsDir);
  return {
    kind: 'os_keychain',
    isSecure: true,
    encrypt: (text) => safeStorage.encryptString(text),
    decrypt: (data) => safeStorage.decryptString(data),
  };
};
