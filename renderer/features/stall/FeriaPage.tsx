import { useCallback, useEffect, useState } from 'react';
import type { StallConflict, StallStockLine } from '../../../shared/api/methods/stall';
import type { TeamRole } from '../../../shared/api/methods/team';
import { api } from '../../api';
import { useT } from '../../i18n';
import { ConflictsSection } from './ConflictsSection';
import { SetAsideSection } from './SetAsideSection';
import { StallScreen } from './StallScreen';
import { StallStockSection } from './StallStockSection';
import './stall.css';

/** The owner's side: what is at the stall, setting units aside, bringing them back, settling conflicts. */
const OwnerFeria = () => {
  const t = useT();
  const [stock, setStock] = useState<StallStockLine[]>([]);
  const [conflicts, setConflicts] = useState<StallConflict[]>([]);
  const [error, setError] = useState('');
  const load = useCallback(() => {
    Promise.all([api.call('stall.stock', {}), api.call('stall.conflicts', { isOpenOnly: true })]).then(
      ([s, c]) => {
        setStock(s.items);
        setConflicts(c.items);
        setError('');
      },
      () => setError(t('stallOwner.loadFailed')),
    );
  }, [t]);
  useEffect(() => {
    load();
    return api.onEvent((event) => (event.type === 'stall.changed' ? load() : undefined));
  }, [load]);
  return (
    <div className="page stall-owner">
      <header className="page-header">
        <div>
          <h1>{t('stallOwner.title')}</h1>
          <p className="muted">{t('stallOwner.help')}</p>
        </div>
        <a className="button" href="#/feria/caja">{t('stallOwner.openTill')}</a>
      </header>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="stall-owner-grid">
        <ConflictsSection conflicts={conflicts} onSettled={load} />
        <StallStockSection items={stock} onChanged={setStock} />
        <SetAsideSection onChanged={setStock} />
      </div>
    </div>
  );
};

/** Feria: the stall till for helpers (and for the owner at #/feria/caja), the owner's panel otherwise. */
export const FeriaPage = ({ role }: { role: TeamRole }) =>
  role === 'owner' && !window.location.hash.startsWith('#/feria/caja') ? <OwnerFeria /> : <StallScreen />;
