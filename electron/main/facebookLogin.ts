import { BrowserWindow } from 'electron';
import { GRAPH_VERSION } from '../core/channels/facebook';

export const FACEBOOK_REDIRECT = 'https://www.facebook.com/connect/login_success.html';
const SCOPES = ['pages_show_list', 'pages_messaging', 'pages_manage_posts', 'pages_read_engagement', 'pages_manage_metadata'];

export const facebookDialogUrl = (appId: string): string => {
  const url = new URL(`https://www.facebook.com/${GRAPH_VERSION}/dialog/oauth`);
  url.searchParams.set('client_id', appId);
  url.searchParams.set('redirect_uri', FACEBOOK_REDIRECT);
  url.searchParams.set('response_type', 'token');
  url.searchParams.set('scope', SCOPES.join(','));
  return url.toString();
};

/** The token Facebook puts in the redirect's fragment, or null for any other address. */
export const tokenFromRedirect = (address: string): string | null => {
  if (!address.startsWith(FACEBOOK_REDIRECT)) return null;
  const fragment = new URL(address).hash.slice(1);
  return new URLSearchParams(fragment).get('access_token');
};

/**
 * Facebook's own login page in a separate, sandboxed window with its own session (no preload, no
 * access to Chasqui). It resolves with the user token when Facebook redirects back, or null when
 * the seller closes the window or says no.
 */
export const openFacebookLogin = (parent: BrowserWindow | null, appId: string): Promise<string | null> =>
  new Promise((resolve) => {
    const login = new BrowserWindow({
      width: 520,
      height: 720,
      parent: parent ?? undefined,
      modal: parent !== null,
      title: 'Facebook',
      autoHideMenuBar: true,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, partition: 'facebook-login' },
    });
    let isSettled = false;
    const finish = (token: string | null) => {
      if (isSettled) return;
      isSettled = true;
      resolve(token);
      if (!login.isDestroyed()) login.close();
    };
    const watch = (_event: unknown, address: string) => {
      if (!address.startsWith(FACEBOOK_REDIRECT)) return;
      finish(tokenFromRedirect(address));
    };
    login.webContents.on('will-redirect', watch);
    login.webContents.on('did-navigate', watch);
    login.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    login.on('closed', () => finish(null));
    void login.loadURL(facebookDialogUrl(appId));
  });
