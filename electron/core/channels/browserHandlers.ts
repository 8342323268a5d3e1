import { fail } from '../../../shared/api/errors';
import type { Handlers } from '../context';
import { readSettings } from '../settings/repo';
import { foundBrowsers } from './browser';

export const browserHandlers = {
  'channels.listBrowsers': (ctx) => ({ items: foundBrowsers(), chosen: readSettings(ctx.db).browserPath }),
  // Only the desktop shell has a file dialog; it answers this before it reaches the core.
  'desktop.chooseBrowser': async () => ({ isDone: false, path: null }),
} satisfies Partial<Handlers>;

/**
 * settings.update may set the browser to "find one" (empty), keep the one saved, or pick one that
 * Chasqui found; any other path is refused, because connecting WhatsApp runs that file.
 */
export const checkBrowserPath = (chosen: string, saved: string): void => {
  if (chosen === '' || chosen === saved || foundBrowsers().some((b) => b.path === chosen)) return;
  fail('forbidden', 'browserPath: choose one of the browsers Chasqui found (or, in the desktop app, pick it with Elegir…); a path sent in a request is not run', { field: 'browserPath' });
};
