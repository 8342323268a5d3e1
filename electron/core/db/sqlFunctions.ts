import type { Db } from './open';
import { registerNameKey } from './nameKey';
import { registerShopDay } from './shopDay';

/**
 * The functions of ours that migrations and triggers call (shop_day from 0019, chasqui_name_key
 * from 0032): every connection that migrates or writes registers them before anything else.
 */
export const registerSqlFunctions = (db: Db): void => {
  registerShopDay(db);
  registerNameKey(db);
};
