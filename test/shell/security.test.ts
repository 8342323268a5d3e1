import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { denyPermissions, guardWebContents, isAppUrl, isSafeExternalUrl, isTrustedSender } from '../../electron/main/security';
import { createMainWindow } from '../../electron/main/window';

const constructed = vi.hoisted(() => ({ options: [] as unknown[] }));
vi.mock('electron', () => ({
  BrowserWindow: vi.fn(function (this: unknown, options: unknown) {
    constructed.options.push(options);
  }),
}));

type Listener = (event: { preventDefault(): void }, url: string) => void;

const fakeContents = () => {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: vi.fn((name: string, listener: Listener) => listeners.set(name, listener)),
    setWindowOpenHandler: vi.fn((handler: (details: { url: string }) => { action: string }) => (openHandler = handler)),
  };
  return {
    contents: contents as unknown as WebContents,
    fire(name: string, url: string) {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)?.(event, url);
      return event.preventDefault.mock.calls.length > 0;
    },
    open: (url: string) => openHandler?.({ url }),
  };
};

describe('desktop window security', () => {
  it('keeps page code away from Node and the OS', () => {
    createMainWindow('/app/preload/index.js');
    expect(constructed.options[0]).toMatchObject({ webPreferences: {
      preload: '/app/preload/index.js',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    } });
  });

  it('blocks navigation away from the app and webviews', () => {
    const page = fakeContents();
    guardWebContents(page.contents, { openExternal: vi.fn() });
    expect(page.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(page.fire('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(page.fire('will-navigate', 'app://chasqui/index.html#/pedidos')).toBe(false);
    expect(page.fire('will-attach-webview', 'app://chasqui/')).toBe(true);
  });

  it('denies every new window and opens only safe links outside', () => {
    const openExternal = vi.fn();
    const page = fakeContents();
    guardWebContents(page.contents, { openExternal });
    expect(page.open('https://wa.me/51987654321?text=Hola')).toEqual({ action: 'deny' });
    expect(page.open('file:///C:/Windows/System32/calc.exe')).toEqual({ action: 'deny' });
    expect(page.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://wa.me/51987654321?text=Hola']]);
    expect(isSafeExternalUrl('smb://share/x')).toBe(false);
  });

  it('refuses every permission request and check', () => {
    let request: ((wc: unknown, permission: string, callback: (isGranted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: vi.fn((handler: typeof request) => (request = handler)),
      setPermissionCheckHandler: vi.fn((handler: typeof check) => (check = handler)),
    } as unknown as Session;
    denyPermissions(session);
    const callback = vi.fn();
    request?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(check?.()).toBe(false);
  });

  it('trusts only the main window showing the app origin', () => {
    expect(isTrustedSender({ id: 7 }, 'app://chasqui/index.html', 7)).toBe(true);
    expect(isTrustedSender({ id: 8 }, 'app://chasqui/index.html', 7)).toBe(false);
    expect(isTrustedSender({ id: 7 }, 'https://evil.example/', 7)).toBe(false);
    expect(isTrustedSender({ id: 7 }, undefined, 7)).toBe(false);
    expect(isTrustedSender(null, 'app://chasqui/', 7)).toBe(false);
    expect(isTrustedSender({ id: 7 }, 'http://localhost:5173/', 7, 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('app://chasqui.evil/')).toBe(false);
  });
});
