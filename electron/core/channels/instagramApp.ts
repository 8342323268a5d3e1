import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The Instagram Android app version instagram-private-api introduces itself as. Instagram refuses
 * versions it considers too old, and the library's own constants age, so this is the one place to
 * change them. A seller (or support) can override them without a new Chasqui: put the same fields
 * in <dataDir>/channels/instagram-app.json.
 */
export const instagramAppDefaults = {
  // The library's own values; we have no way to check newer ones offline, so we do not guess them.
  APP_VERSION: '222.0.0.13.114',
  APP_VERSION_CODE: '350696709',
  BLOKS_VERSION_ID: '388ece79ebc0e70e87873505ed1b0ff335ae2868a978cc951b6721c41d46a30a',
};

const overrideSchema = z
  .object({ APP_VERSION: z.string().regex(/^\d+(\.\d+){3,4}$/), APP_VERSION_CODE: z.string().regex(/^\d{6,12}$/), BLOKS_VERSION_ID: z.string().regex(/^[a-f0-9]{64}$/) })
  .partial()
  .strict();

export type InstagramAppVersion = typeof instagramAppDefaults;

export const instagramAppVersion = (channelsDir: string): InstagramAppVersion => {
  const file = path.join(channelsDir, 'instagram-app.json');
  if (!fs.existsSync(file)) return instagramAppDefaults;
  const parsed = overrideSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    console.error(`[chasqui] ${file} was ignored: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return instagramAppDefaults;
  }
  return { ...instagramAppDefaults, ...parsed.data };
};
