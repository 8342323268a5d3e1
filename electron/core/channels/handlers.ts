import type { Handlers } from '../context';
import { normalizePhone } from '../orders/customers';
import { readSettings } from '../settings/repo';

export const channelHandlers = {
  'channels.list': (ctx) => ({
    items: ctx.channels.list(),
    isSecretStorageSecure: ctx.channels.secretBox.isSecure,
    secretStorage: ctx.channels.secretBox.kind,
  }),
  'channels.connect': (ctx, args) =>
    // Pairing by code needs the full international number; she may type it the way she says it at home.
    ctx.channels.connect(args.kind === 'whatsapp' && args.method === 'phone' ? { ...args, phone: normalizePhone(args.phone, readSettings(ctx.db).locale, 'phone') } : args),
  'channels.answerPrompt': (ctx, args) => ctx.channels.answerPrompt(args.kind, args.answer),
  'channels.disconnect': (ctx, args) => ctx.channels.disconnect(args.kind, args.isWipe),
  'channels.sync': async (ctx, args) => ({ messages: await ctx.channels.sync(args.kind) }),
} satisfies Partial<Handlers>;
