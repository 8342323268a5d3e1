import type { Handlers } from '../context';
import * as repo from './repo';

export const teamHandlers = {
  'team.list': (ctx) => ({ items: repo.listPeople(ctx.db) }),
  'team.add': (ctx, args) => repo.addPerson(ctx.db, args.name, args.role, ctx.now()),
  'team.update': (ctx, args) => repo.updatePerson(ctx.db, args.id, { name: args.name, role: args.role }),
  'team.remove': (ctx, args) => {
    repo.removePerson(ctx.db, args.id, ctx.now());
    return { id: args.id };
  },
} satisfies Partial<Handlers>;
