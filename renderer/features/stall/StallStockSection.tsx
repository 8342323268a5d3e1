import { useState } from 'react';
import type { StallStockLine } from '../../../shared/api/methods/stall';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useT } from '../../i18n';
import { variantName } from './ledger';

/** What is at the stall now and at home, and the one action that brings the unsold units back. */
export const StallStockSection = ({ items, onChanged }: { items: readonly StallStockLine[]; onChanged(items: StallStockLine[]): void }) => {
  const t = useT();
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const atStall = items.reduce((sum, line) => sum + line.stallUnits, 0);
  const returnUnsold = async () => {
    if (!window.confirm(t('stallOwner.returnConfirm', { count: atStall }))) return;
    setBusy(true);
    try {
      const result = await api.call('stall.returnUnsold', {});
      onChanged(result.items);
      setMessage({ isError: false, text: t('stallOwner.returned', { count: result.returnedUnits }) });
    } catch (error) {
      setMessage({ isError: true, text: toFormError(error, t).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card stall-owner-card" aria-labelledby="stall-stock-title">
      <h2 id="stall-stock-title">{t('stallOwner.atStall')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('stallOwner.nothingAside')}</p>
      ) : (
        <div className="table-fit">
          <table className="table" data-testid="stall-stock">
            <thead>
              <tr>
                <th>{t('stallOwner.product')}</th>
                <th className="num">{t('stallOwner.stallUnits')}</th>
                <th className="num">{t('stallOwner.shopUnits')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((line) => (
                <tr key={line.variantId}>
                  <td><bdi>{variantName(line.productName, line.label)}</bdi></td>
                  <td className="num">{line.stallUnits}</td>
                  <td className="num">{line.shopUnits}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="actions">
        <button type="button" className="button" disabled={isBusy || atStall === 0} onClick={() => void returnUnsold()}>
          {t('stallOwner.returnUnsold')}
        </button>
        <span className="muted">{t('stallOwner.returnHelp')}</span>
      </div>
      {message ? <p className={message.isError ? 'form-error' : 'notice'} role={message.isError ? 'alert' : 'status'}>{message.text}</p> : null}
    </section>
  );
};
