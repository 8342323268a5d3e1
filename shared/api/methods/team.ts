import { z } from 'zod';
import * as s from '../schemas';
import { read, write } from './define';

/** Who helps in the shop. The owner may do everything; the others only what their role lists in access.ts. */
export const teamRoles = ['owner', 'seller', 'stall', 'delivery'] as const;
export type TeamRole = (typeof teamRoles)[number];

export interface TeamMember {
  id: number;
  name: string;
  role: TeamRole;
  createdAt: number;
  /** Paired phones or browsers of this person that still work. */
  deviceCount: number;
}

export const teamMethods = {
  'team.list': read<{ items: TeamMember[] }>()(z.object({}).strict()),
  'team.add': write<TeamMember>()(z.object({ name: s.requiredText(60), role: z.enum(teamRoles) }).strict()),
  'team.update': write<TeamMember>()(z.object({ id: s.id, name: s.requiredText(60).optional(), role: z.enum(teamRoles).optional() }).strict()),
  /** Takes the person out of the team and revokes every device of theirs; what they did stays recorded under their name. */
  'team.remove': write<{ id: number }>()(z.object({ id: s.id }).strict()),
} as const;
