import { vi } from 'vitest';

/** A stand-in for the parts of Electron the shell touches; the Electron binary cannot run on CI. */
export const createElectronMock = () => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const exposed = new Map<string, unknown>();
  return {
    handlers,
    exposed,
    module: {
      ipcMain: { handle: vi.fn((channel: string, handler: (...args: unknown[]) => unknown) => handlers.set(channel, handler)) },
      ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: 'pong' })), on: vi.fn(), removeListener: vi.fn() },
      contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) },
    },
  };
};
