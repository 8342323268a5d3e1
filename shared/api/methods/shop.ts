import { z } from 'zod';
import * as s from '../schemas';
import type { PrintResult } from './print';
import { task } from './define';

export const shopMethods = {
  /** The whole shop as one zip: CSVs to open in Excel, the photos, and a database snapshot to move it to another computer. */
  'shop.export': task<PrintResult & { counts: { products: number; orders: number; customers: number; photos: number } }>()(z.object({}).strict()),
  /** Puts an exported shop into a fresh install; a shop that already has data is never overwritten. */
  'shop.import': task<{ products: number; orders: number; customers: number }>()(
    z.object({ path: s.shortText(2000).optional(), dataBase64: z.string().max(700_000_000).optional() }).strict(),
  ),
} as const;
