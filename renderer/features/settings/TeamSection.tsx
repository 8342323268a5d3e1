import { useEffect, useState, type FormEvent } from 'react';
import type { MethodResult } from '../../../shared/api/contract';
import type { TeamMember } from '../../../shared/api/methods/team';
import { teamRoles, type TeamRole } from '../../../shared/domain/team';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useT } from '../../i18n';
import './team.css';
import { PairingCode } from './PairingCode';

const roleOf = (value: string): TeamRole => teamRoles.find((r) => r === value) ?? 'seller';

/** Ajustes › Equipo: the people who help, their role, and a code to connect each one's phone. */
export const TeamSection = () => {
  const t = useT();
  const [people, setPeople] = useState<TeamMember[]>([]);
  const [name, setName] = useState('');
  const [role, setRole] = useState<TeamRole>('seller');
  const [error, setError] = useState<string | null>(null);
  const [isLanOn, setLanOn] = useState(false);
  const [pairing, setPairing] = useState<{ person: TeamMember; code: MethodResult<'lan.pairingCode'> } | null>(null);
  const load = () => {
    void api.call('team.list', {}).then((r) => setPeople(r.items));
    void api.call('lan.status', {}).then((s) => setLanOn(s.isEnabled && s.url !== null));
  };
  useEffect(load, []);
  const run = (work: Promise<unknown>) =>
    void work.then(
      () => {
        setError(null);
        load();
      },
      (e: unknown) => setError(toFormError(e, t).message),
    );
  const add = (event: FormEvent) => {
    event.preventDefault();
    run(api.call('team.add', { name, role }).then(() => setName('')));
  };
  const pair = (person: TeamMember) =>
    void api.call('lan.pairingCode', { personId: person.id }).then(
      (code) => setPairing({ person, code }),
      (e: unknown) => setError(toFormError(e, t).message),
    );
  return (
    <section className="card" aria-labelledby="team-title">
      <h2 id="team-title">{t('team.title')}</h2>
      <p className="muted">{t('team.help')}</p>
      {people.length === 0 ? <p className="muted">{t('team.empty')}</p> : null}
      <ul className="team-people" data-testid="team-people">
        {people.map((person) => (
          <li key={person.id}>
            <div>
              <strong><bdi>{person.name}</bdi></strong>
              <p className="muted">{t('team.devices', { count: person.deviceCount })}</p>
            </div>
            <select aria-label={`${t('team.role')}: ${person.name}`} value={person.role} onChange={(e) => run(api.call('team.update', { id: person.id, role: roleOf(e.target.value) }))}>
              {teamRoles.map((r) => <option key={r} value={r}>{t(`team.role.${r}`)}</option>)}
            </select>
            <div className="actions">
              <button type="button" className="button" disabled={!isLanOn} onClick={() => pair(person)}>{t('team.pair')}</button>
              <button
                type="button"
                className="button button-quiet"
                aria-label={`${t('team.remove')}: ${person.name}`}
                onClick={() => (window.confirm(t('team.removeConfirm', { name: person.name })) ? run(api.call('team.remove', { id: person.id })) : undefined)}
              >
                {t('team.remove')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {!isLanOn && people.length > 0 ? <p className="muted">{t('team.lanOff')}</p> : null}
      {pairing ? <PairingCode pairing={pairing.code} title={t('team.pairFor', { name: pairing.person.name })} testId="team-pairing-code" /> : null}
      <form className="team-add" onSubmit={add}>
        <label className="field"><span>{t('team.name')}</span><input value={name} maxLength={60} onChange={(e) => setName(e.target.value)} required /></label>
        <label className="field">
          <span>{t('team.role')}</span>
          <select aria-label={t('team.role')} value={role} onChange={(e) => setRole(roleOf(e.target.value))}>
            {teamRoles.map((r) => <option key={r} value={r}>{t(`team.role.${r}`)}</option>)}
          </select>
        </label>
        <button type="submit" className="button button-primary">{t('team.add')}</button>
      </form>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </section>
  );
};
