import { foldText } from '../../../shared/domain/catalog';
import type { Db } from './open';

/** "Producto 9" before "Producto 10", "Bálsamo" among the B's: folded, with numbers padded. */
export const nameKey = (name: string): string => foldText(name).replace(/\d+/g, (digits) => digits.padStart(12, '0'));

/**
 * `chasqui_name_key(name)`: the catalog's order, which SQLite's NOCASE (ASCII only) cannot give.
 * The triggers of migration 0032 store it in products.name_key, so every connection that writes
 * products registers it first, like shop_day.
 */
export const registerNameKey = (db: Db): void => {
  db.function('chasqui_name_key', { deterministic: true }, (name: unknown) => nameKey(String(name ?? '')));
};
