import { z } from 'zod';
import * as s from '../schemas';
import { read, write } from './define';

import { teamRoles, type TeamRole } from '../../domain/team';

export { teamRoles, type TeamRole };

export interface TeamMember {
  id: number;
  name: string;
  role: TeamRole;
  createdAt: number;
  /** Paired phones or browsers of this person that still work. */
  deviceCount: number;
}

/** A note left on a customer's chat for a person of the team (or for the owner). */
export interface HandoffNote {
  id: number;
  conversationId: number;
  customerName: string;
  /** null: for the owner. */
  toPersonId: number | null;
  toName: string | null;
  /** Who left it; null: the owner. */
  fromName: string | null;
  text: string;
  createdAt: number;
  isDone: boolean;
}

export const teamMethods = {
  'team.list': read<{ items: TeamMember[] }>()(z.object({}).strict()),
  'team.add': write<TeamMember>()(z.object({ name: s.requiredText(60), role: z.enum(teamRoles) }).strict()),
  'team.update': write<TeamMember>()(z.object({ id: s.id, name: s.requiredText(60).optional(), role: z.enum(teamRoles).optional() }).strict()),
  /** Takes the person out of the team and revokes every device of theirs; what they did stays recorded under their name. */
  'team.remove': write<{ id: number }>()(z.object({ id: s.id }).strict()),
  /** Who answers this conversation; null gives it back to everyone. */
  'team.assignConversation': write<{ conversationId: number; assignedTo: { id: number; name: string } | null }>()(
    z.object({ conversationId: s.id, personId: s.id.nullable() }).strict(),
  ),
  'team.addHandoff': write<HandoffNote>()(z.object({ conversationId: s.id, toPersonId: s.id.nullable(), text: s.requiredText(500) }).strict()),
  /** Open notes of one customer's chat, or the caller's own list ("para ti"). */
  'team.handoffs': read<{ items: HandoffNote[] }>()(
    z.union([z.object({ conversationId: s.id }).strict(), z.object({ isMine: z.literal(true) }).strict()]),
  ),
  'team.finishHandoff': write<HandoffNote>()(z.object({ id: s.id }).strict()),
} as const;
