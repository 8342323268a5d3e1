import { z } from 'zod';
import * as s from '../schemas';
import { task } from './define';

export interface PrintResult {
  /** Where the file was written, inside the data dir's exports/ folder. */
  path: string;
  /** The same file for the window or browser, e.g. /exports/promo-3-2x1-A4.pdf */
  url: string;
  fileName: string;
  bytes: number;
}

const paper = z.enum(['A4', 'Letter']).default('A4');

export const printMethods = {
  'print.promoSheet': task<PrintResult>()(z.object({ promotionId: s.id, paper }).strict()),
  'print.priceTags': task<PrintResult>()(
    z
      .object({
        variantIds: z.array(s.id).min(1, 'choose at least one product').max(1000),
        columns: z.number().int().min(1).max(6).default(3),
        rows: z.number().int().min(1).max(14).default(8),
        paper,
      })
      .strict(),
  ),
  'print.catalog': task<PrintResult>()(z.object({}).strict()),
  'print.promoImage': task<PrintResult>()(z.object({ promotionId: s.id, format: z.enum(['square', 'story']) }).strict()),
} as const;
