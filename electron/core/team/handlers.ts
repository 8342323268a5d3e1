import type { Handlers } from '../context';
import * as repo from './repo';
import * as handoffs from './handoffs';
import { personOf } from '../lan/principal';

export const teamHandlers = {
  'team.list': (ctx) => ({ items: repo.listPeople(ctx.db) }),
  'team.add': (ctx, args) => repo.addPerson(ctx.db, args.name, args.role, ctx.now()),
  'team.update': (ctx, args) => repo.updatePerson(ctx.db, args.id, { name: args.name, role: args.role }),
  'team.assignConversation': (ctx, args) => handoffs.assignConversation(ctx.db, args.conversationId, args.personId),
  'team.addHandoff': (ctx, args) => handoffs.addHandoff(ctx.db, args.conversationId, args.toPersonId, args.text, ctx.now()),
  'team.handoffs': (ctx, args) => ({
    items: 'conversationId' in args ? handoffs.handoffsOfConversation(ctx.db, args.conversationId) : handoffs.handoffsFor(ctx.db, personOf(ctx.principal)),
  }),
  'team.finishHandoff': (ctx, args) => handoffs.finishHandoff(ctx.db, args.id, ctx.now()),
  'team.remove': (ctx, args) => {
    repo.removePerson(ctx.db, args.id, ctx.now());
    return { id: args.id };
  },
} satisfies Partial<Handlers>;
