import { useT } from '../../i18n';
import { useTeam } from '../settings/useTeam';

/** "Registrado por": shown only once the shop has a team, so a seller alone never sees it. */
export const RecordedByFilter = ({ value, onChange }: { value: number | null; onChange: (personId: number | null) => void }) => {
  const t = useT();
  // A helper's own phone may not read the team: then there is simply no filter.
  const people = useTeam();
  if (people.length === 0) return null;
  return (
    <select aria-label={t('team.recordedBy')} value={value ?? ''} onChange={(e) => onChange(people.find((p) => String(p.id) === e.target.value)?.id ?? null)}>
      <option value="">{t('team.anyone')}</option>
      {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
    </select>
  );
};
