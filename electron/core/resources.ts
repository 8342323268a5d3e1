import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder with fonts and demo photos: given by the shell, or found by walking up from here
 * (the sources in development, out/main when built).
 */
export const resolveResourcesDir = (given?: string): string => {
  const candidates = [given, process.env.CHASQUI_RESOURCES, path.join(process.cwd(), 'resources')];
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) candidates.push(path.join(dir, 'resources'));
  const found = candidates.find((dir): dir is string => !!dir && fs.existsSync(path.join(dir, 'fonts', 'DejaVuSans.ttf')));
  if (!found) throw new Error('Chasqui resources (fonts) were not found; set CHASQUI_RESOURCES');
  return found;
};
