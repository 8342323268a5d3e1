import { defaultSettings, type ShopSettings } from '../../../shared/domain/settings';
import type { Db } from '../db/open';
import { rebuildRollups } from '../reports/rollups';

/** Settings are a key/value table of JSON values; unknown keys from older versions are ignored. */
export const readSettings = (db: Db): ShopSettings => {
  const rows = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings').all();
  const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value)]));
  const settings: ShopSettings = { ...defaultSettings };
  for (const key of Object.keys(defaultSettings) as (keyof ShopSettings)[]) {
    if (key in stored && typeof stored[key] === typeof defaultSettings[key]) {
      Object.assign(settings, { [key]: stored[key] });
    }
  }
  return settings;
};

export const writeSettings = (db: Db, changes: Partial<ShopSettings>): void => {
  // The reports' daily rollups are days of the shop's zone: when it moves, so do they (same transaction).
  const isZoneMoving = changes.timeZone !== undefined && changes.timeZone !== readSettings(db).timeZone;
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) upsert.run(key, JSON.stringify(value));
  }
  if (isZoneMoving) rebuildRollups(db);
};
