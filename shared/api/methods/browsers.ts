import { z } from 'zod';
import { read, task } from './define';

export interface FoundBrowser {
  path: string;
  /** Google Chrome, Chromium or Microsoft Edge. */
  name: string;
}

/**
 * The browser WhatsApp Web runs in. Over the API it can only be one Chasqui found itself: a path typed
 * into a request could name any program, and connecting WhatsApp would run it.
 */
export const browserMethods = {
  'channels.listBrowsers': read<{ items: FoundBrowser[]; chosen: string }>()(z.object({}).strict()),
  /** The desktop app's native file dialog; the file must be Chrome, Chromium or Edge. */
  'desktop.chooseBrowser': task<{ isDone: boolean; path: string | null }>()(z.object({}).strict()),
} as const;
