import { useEffect, useState } from 'react';
import type { TeamMember } from '../../../shared/api/methods/team';
import { api } from '../../api';

/** The shop's team, or none where the caller may not read it (a helper's phone without that right). */
export const useTeam = (): TeamMember[] => {
  const [people, setPeople] = useState<TeamMember[]>([]);
  useEffect(() => void api.call('team.list', {}).then((r) => setPeople(r.items), () => setPeople([])), []);
  return people;
};
