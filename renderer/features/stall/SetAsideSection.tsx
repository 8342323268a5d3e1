import { useState } from 'react';
import type { StallStockLine } from '../../../shared/api/methods/stall';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { VariantPicker, type PickedVariant } from '../../components/VariantPicker';
import { useT } from '../../i18n';

interface Line extends PickedVariant {
  quantity: number;
}

/** Before the market: pick products and how many of each go to "feria" (a stock movement like any other). */
export const SetAsideSection = ({ onChanged }: { onChanged(items: StallStockLine[]): void }) => {
  const t = useT();
  const [lines, setLines] = useState<Line[]>([]);
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const pick = (variant: PickedVariant) =>
    setLines((current) => (current.some((line) => line.variantId === variant.variantId) ? current : [...current, { ...variant, quantity: 1 }]));
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  const setAside = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await api.call('stall.setAside', { lines: lines.map(({ variantId, quantity }) => ({ variantId, quantity })) });
      onChanged(result.items);
      setLines([]);
      setMessage({ isError: false, text: t('stallOwner.setAsideDone', { count: units }) });
    } catch (error) {
      setMessage({ isError: true, text: toFormError(error, t).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card stall-owner-card" aria-labelledby="stall-aside-title">
      <h2 id="stall-aside-title">{t('stallOwner.setAsideTitle')}</h2>
      <p className="muted">{t('stallOwner.setAsideHelp')}</p>
      <VariantPicker label={t('stallOwner.addProduct')} onPick={pick} />
      {lines.length > 0 ? (
        <ul className="stall-aside-lines">
          {lines.map((line) => (
            <li key={line.variantId}>
              <span>
                <bdi>{line.name}</bdi>
                <small className="muted"> · {t('stallOwner.inShop', { count: line.stock })}</small>
              </span>
              <input
                type="number"
                min={1}
                max={10_000}
                value={line.quantity}
                aria-label={t('stallOwner.unitsOf', { name: line.name })}
                onChange={(e) => setLines((current) => current.map((l) => (l.variantId === line.variantId ? { ...l, quantity: Math.max(1, Math.floor(Number(e.target.value) || 1)) } : l)))}
              />
              <button type="button" className="icon-button" aria-label={t('stallOwner.removeLine', { name: line.name })} onClick={() => setLines((current) => current.filter((l) => l.variantId !== line.variantId))}>×</button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="actions">
        <button type="button" className="button button-primary" disabled={isBusy || lines.length === 0} onClick={() => void setAside()}>
          {units === 0 ? t('stallOwner.setAsideEmpty') : t('stallOwner.setAside', { count: units })}
        </button>
      </div>
      {message ? <p className={message.isError ? 'form-error' : 'notice'} role={message.isError ? 'alert' : 'status'}>{message.text}</p> : null}
    </section>
  );
};
