import type { Session, WebContents } from 'electron';

export const APP_ORIGIN = 'app://chasqui';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const isAppUrl = (url: string, devServerUrl?: string): boolean => {
  try {
    const parsed = new URL(url);
    if (parsed.origin === APP_ORIGIN || `${parsed.protocol}//${parsed.host}` === APP_ORIGIN) return true;
    return devServerUrl !== undefined && parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
};

/** Links the seller may open outside the app: web pages and WhatsApp chats, nothing that runs a program. */
export const isSafeExternalUrl = (url: string): boolean => {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'mailto:';
  } catch {
    return false;
  }
};

export interface GuardDeps {
  openExternal(url: string): void;
  devServerUrl?: string;
}

/** The page may never leave the app, open windows or embed webviews. */
export const guardWebContents = (contents: WebContents, deps: GuardDeps): void => {
  const blockForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, deps.devServerUrl)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) deps.openExternal(url);
    return { action: 'deny' };
  });
};

/** Camera, microphone, location, notifications by the page: all refused. */
export const denyPermissions = (session: Session): void => {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
};

/** Only our own window's top frame, showing our own origin, may call the core. */
export const isTrustedSender = (
  sender: { id: number } | null | undefined,
  frameUrl: string | undefined,
  trustedWebContentsId: number | undefined,
  devServerUrl?: string,
): boolean =>
  sender !== null && sender !== undefined && sender.id === trustedWebContentsId && frameUrl !== undefined && isAppUrl(frameUrl, devServerUrl);
