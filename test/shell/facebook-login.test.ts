import { describe, expect, it, vi } from 'vitest';
import { facebookDialogUrl, openFacebookLogin, tokenFromRedirect } from '../../electron/main/facebookLogin';

type Handler = (event: unknown, url: string) => void;
const windows = vi.hoisted(() => ({ created: [] as { options: unknown; url: string; handlers: Map<string, Handler>; onClosed?: () => void; isClosed: boolean }[] }));

vi.mock('electron', () => ({
  BrowserWindow: vi.fn(function (this: Record<string, unknown>, options: unknown) {
    const record = { options, url: '', handlers: new Map<string, Handler>(), onClosed: undefined as (() => void) | undefined, isClosed: false };
    windows.created.push(record);
    this.webContents = { on: (name: string, handler: Handler) => record.handlers.set(name, handler), setWindowOpenHandler: vi.fn() };
    this.on = (name: string, handler: () => void) => (name === 'closed' ? (record.onClosed = handler) : undefined);
    this.loadURL = async (url: string) => (record.url = url);
    this.isDestroyed = () => record.isClosed;
    this.close = () => {
      record.isClosed = true;
      record.onClosed?.();
    };
  }),
}));

describe('log in with Facebook in a window of the desktop app', () => {
  it('asks for the Page permissions and reads the token from the redirect', () => {
    const url = new URL(facebookDialogUrl('123456789'));
    expect(url.searchParams.get('client_id')).toBe('123456789');
    expect(url.searchParams.get('scope')).toContain('pages_messaging');
    expect(tokenFromRedirect('https://www.facebook.com/connect/login_success.html#access_token=EAAtoken&expires_in=5183999')).toBe('EAAtoken');
    expect(tokenFromRedirect('https://evil.example/connect/login_success.html#access_token=EAAtoken')).toBeNull();
  });

  it('opens a sandboxed window with its own session and resolves with the token', async () => {
    const pending = openFacebookLogin(null, '123456789');
    const window = windows.created.at(-1);
    expect(window?.options).toMatchObject({ webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, partition: 'facebook-login' } });
    expect(window?.url).toContain('/dialog/oauth');
    window?.handlers.get('will-redirect')?.({}, 'https://www.facebook.com/connect/login_success.html#access_token=EAAuser&expires_in=100');
    await expect(pending).resolves.toBe('EAAuser');
    expect(window?.isClosed).toBe(true);
  });

  it('resolves null when the seller closes the window or says no', async () => {
    const closed = openFacebookLogin(null, '123456789');
    windows.created.at(-1)?.onClosed?.();
    await expect(closed).resolves.toBeNull();
    const denied = openFacebookLogin(null, '123456789');
    windows.created.at(-1)?.handlers.get('did-navigate')?.({}, 'https://www.facebook.com/connect/login_success.html?error=access_denied#_=_');
    await expect(denied).resolves.toBeNull();
  });
});
