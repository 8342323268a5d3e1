import type { Handlers } from '../context';
import { storeImage } from './store';

export const mediaHandlers = {
  'media.upload': (ctx, args) =>
    storeImage(ctx.db, ctx.mediaDir, Buffer.from(args.dataBase64, 'base64'), args.fileName, ctx.now()),
} satisfies Partial<Handlers>;
