import { z } from 'zod';
import * as s from '../schemas';
import { read } from './define';

const exportPath = z.object({ path: s.requiredText(2000) }).strict();

/**
 * Answered by the desktop shell itself (it owns the OS); the headless shell says no, and the
 * browser offers a download instead.
 */
export const desktopMethods = {
  'desktop.openFile': read<{ isDone: boolean }>()(exportPath),
  'desktop.showInFolder': read<{ isDone: boolean }>()(exportPath),
} as const;
