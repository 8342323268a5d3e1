import { useEffect, useState } from 'react';
import type { Live } from '../../../shared/domain/lives';
import { api } from '../../api';
import { useT } from '../../i18n';
import { LivePanel } from './LivePanel';
import { LiveSetup } from './LiveSetup';
import { LiveSummaryView } from './LiveSummaryView';
import { Reservations } from './Reservations';

/** Vender en vivo: set up the products, sell while streaming, then follow up on what was claimed. */
export const LivePage = () => {
  const t = useT();
  const [current, setCurrent] = useState<Live | null | undefined>(undefined);
  const [past, setPast] = useState<Live[]>([]);
  const [shownId, setShownId] = useState<number | null>(null);
  const load = () => {
    void api.call('live.current', {}).then((r) => setCurrent(r.live));
    void api.call('live.list', { limit: 10 }).then((r) => setPast(r.items.filter((l) => l.status === 'ended')));
  };
  useEffect(() => {
    load();
    return api.onEvent((event) => (event.type === 'live.changed' ? load() : undefined));
  }, []);
  if (current === undefined) return <p className="muted">{t('common.loading')}</p>;
  if (current) return <LivePanel live={current} onStopped={(id) => { setShownId(id); load(); }} />;
  const shown = past.find((l) => l.id === shownId) ?? null;
  return (
    <section className="page" aria-labelledby="live-title">
      <header className="page-header">
        <h1 id="live-title">{t('live.title')}</h1>
      </header>
      {shown ? <LiveSummaryView live={shown} onClose={() => setShownId(null)} /> : null}
      <LiveSetup onStarted={load} />
      <Reservations />
      {past.length > 0 ? (
        <section className="card wide" aria-labelledby="past-lives">
          <h2 id="past-lives">{t('live.past')}</h2>
          <ul className="plain-list">
            {past.map((l) => (
              <li key={l.id}>
                <button type="button" className="button button-quiet" onClick={() => setShownId(l.id)}>{l.title} · {new Date(l.startedAt).toLocaleDateString()}</button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
};
