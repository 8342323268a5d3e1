import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

const stateSchema = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().min(400).max(10_000), height: z.number().int().min(300).max(10_000), isMaximized: z.boolean() });
export type WindowState = z.infer<typeof stateSchema>;

const fileFor = (dir: string) => path.join(dir, 'window-state.json');

/** The last size and place, if it still fits on a screen that is connected now (a laptop unplugged from its monitor). */
export const loadWindowState = (dir: string, workAreas: Bounds[]): WindowState | null => {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(fs.readFileSync(fileFor(dir), 'utf8')));
    if (!parsed.success) return null;
    const s = parsed.data;
    const isVisible = workAreas.some((a) => s.x >= a.x - 50 && s.y >= a.y - 50 && s.x + 100 <= a.x + a.width && s.y + 100 <= a.y + a.height);
    return isVisible ? s : null;
  } catch {
    return null;
  }
};

export const saveWindowState = (dir: string, state: WindowState): void => {
  try {
    fs.writeFileSync(fileFor(dir), JSON.stringify(state));
  } catch {
    // Not remembering the window's place is no reason to fail closing it.
  }
};
