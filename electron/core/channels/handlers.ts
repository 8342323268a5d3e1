import type { Handlers } from '../context';

export const channelHandlers = {
  'channels.list': (ctx) => ({
    items: ctx.channels.list(),
    isSecretStorageSecure: ctx.channels.secretBox.isSecure,
    secretStorage: ctx.channels.secretBox.kind,
  }),
  'channels.connect': (ctx, args) => ctx.channels.connect(args),
  'channels.answerPrompt': (ctx, args) => ctx.channels.answerPrompt(args.kind, args.answer),
  'channels.disconnect': (ctx, args) => ctx.channels.disconnect(args.kind, args.isWipe),
  'channels.sync': async (ctx, args) => ({ messages: await ctx.channels.sync(args.kind) }),
} satisfies Partial<Handlers>;
