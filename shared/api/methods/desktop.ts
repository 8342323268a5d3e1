import { z } from 'zod';
import * as s from '../schemas';
import { read, task } from './define';

const exportPath = z.object({ path: s.requiredText(2000) }).strict();

/**
 * Answered by the desktop shell itself (it owns the OS); the headless shell says no, and the
 * browser offers a download instead.
 */
export const desktopMethods = {
  'desktop.openFile': read<{ isDone: boolean }>()(exportPath),
  'desktop.showInFolder': read<{ isDone: boolean }>()(exportPath),
  /** Facebook's login in a window of the desktop app; gives back a user token to connect the Page with. */
  'desktop.facebookLogin': task<{ isDone: boolean; token: string | null }>()(z.object({}).strict()),
  /** Restarts the desktop app on the demo shop (its own folder) or back on the seller's own. */
  'desktop.switchShop': task<{ isDone: boolean }>()(z.object({ to: z.enum(['demo', 'own']) }).strict()),
} as const;
