import { useState } from 'react';
import type { StallConflict } from '../../../shared/api/methods/stall';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useDateTime, useMoney } from '../../format';
import { useT } from '../../i18n';
import { variantName } from './ledger';

type Resolution = 'apply' | 'adjust' | 'dismiss';
const resolutions: readonly Resolution[] = ['apply', 'adjust', 'dismiss'];

const ConflictCard = ({ conflict, onSettled }: { conflict: StallConflict; onSettled(): void }) => {
  const t = useT();
  const money = useMoney();
  const dateTime = useDateTime();
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [isBusy, setBusy] = useState(false);
  // Applying as it is needs the units to be there now; the card says so instead of failing.
  const canApply = conflict.reason === 'no_units' && conflict.lines.every((line) => line.available >= line.quantity);
  const settle = async (resolution: Resolution) => {
    setBusy(true);
    setError('');
    try {
      await api.call('stall.settleConflict', { id: conflict.id, resolution, ...(note.trim() ? { note: note.trim() } : {}) });
      onSettled();
    } catch (failure) {
      setError(toFormError(failure, t).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="stall-conflict" data-testid="stall-conflict">
      <p className="stall-conflict-head">
        <strong>{money(conflict.total)}</strong>
        <span>{t('stallOwner.soldAtBy', { when: dateTime(conflict.soldAt), who: conflict.personName ?? t('team.owner') })}</span>
        <span className="muted"><bdi>{conflict.paymentMethod}</bdi>{conflict.customerPhone ? <> · <bdi>{conflict.customerPhone}</bdi></> : null}</span>
      </p>
      <p className="stall-conflict-why">{t(`stallOwner.reason.${conflict.reason}`)}</p>
      <ul className="stall-conflict-lines">
        {conflict.lines.map((line) => (
          <li key={line.variantId}>
            {line.quantity}× <bdi>{variantName(line.productName, line.label)}</bdi> · {money(line.unitPrice)}
            <span className={line.available < line.quantity ? 'stall-over' : 'muted'}> · {t('stallOwner.available', { count: line.available })}</span>
          </li>
        ))}
      </ul>
      <label className="field">
        <span>{t('stallOwner.note')}</span>
        <input value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} placeholder={t('stall.optional')} />
      </label>
      <div className="stall-resolutions">
        {resolutions.map((resolution) => (
          <div key={resolution}>
            <button type="button" className={`button${resolution === 'dismiss' ? '' : ' button-primary'}`} disabled={isBusy || (resolution === 'apply' && !canApply)} onClick={() => void settle(resolution)}>
              {t(`stallOwner.resolve.${resolution}`)}
            </button>
            <small className="muted">{t(`stallOwner.resolveHelp.${resolution}`)}</small>
          </div>
        ))}
      </div>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </li>
  );
};

/** Stall sales that could not be recorded as sold: never dropped, each waits here for her decision. */
export const ConflictsSection = ({ conflicts, onSettled }: { conflicts: readonly StallConflict[]; onSettled(): void }) => {
  const t = useT();
  return (
    <section className="card stall-owner-card" aria-labelledby="stall-conflicts-title">
      <h2 id="stall-conflicts-title">{t('stallOwner.conflictsTitle')}</h2>
      {conflicts.length === 0 ? (
        <p className="muted">{t('stallOwner.noConflicts')}</p>
      ) : (
        <>
          <p className="muted">{t('stallOwner.conflictsHelp', { count: conflicts.length })}</p>
          <ul className="stall-conflicts">
            {conflicts.map((conflict) => <ConflictCard key={conflict.id} conflict={conflict} onSettled={onSettled} />)}
          </ul>
        </>
      )}
    </section>
  );
};
