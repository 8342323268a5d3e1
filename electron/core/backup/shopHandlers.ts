import fs from 'node:fs';
import path from 'node:path';
import { fail } from '../../../shared/api/errors';
import type { Handlers } from '../context';
import { exportShop, importShop } from './shopArchive';

/** The whole file is read into memory to be unpacked, so it has a ceiling too. */
const MAX_SHOP_FILE_BYTES = 1500 * 1024 * 1024;

export const shopHandlers = {
  'shop.export': (ctx) => exportShop(ctx),
  'shop.import': (ctx, args) => {
    let bytes: Uint8Array;
    if (args.path) {
      if (!path.isAbsolute(args.path) || !fs.existsSync(args.path) || !fs.statSync(args.path).isFile()) fail('invalid_input', `path: ${args.path} is not a file`, { field: 'path' });
      if (fs.statSync(args.path).size > MAX_SHOP_FILE_BYTES) fail('invalid_input', 'path: el archivo pasa de 1500 MB; no es una tienda exportada por Chasqui', { field: 'path' });
      bytes = fs.readFileSync(args.path);
    } else if (args.dataBase64) {
      bytes = Buffer.from(args.dataBase64, 'base64');
    } else {
      return fail('invalid_input', 'path: give the exported .zip', { field: 'path' });
    }
    const result = importShop(ctx, bytes);
    ctx.emit('catalog.changed', { productIds: [] });
    ctx.emit('orders.changed', { orderIds: [] });
    return result;
  },
} satisfies Partial<Handlers>;
