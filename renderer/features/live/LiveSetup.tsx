import { useState, type FormEvent } from 'react';
import type { LiveChannel } from '../../../shared/domain/lives';
import { minorToDecimal, parseMoney } from '../../../shared/domain/money';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { VariantPicker, type PickedVariant } from '../../components/VariantPicker';
import { useMoney } from '../../format';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';

interface Draft {
  variantId: number;
  name: string;
  price: number;
  stock: number;
  livePrice: string;
}

export const LiveSetup = ({ onStarted }: { onStarted(): void }) => {
  const t = useT();
  const money = useMoney();
  const currency = useSettings((s) => s.settings.currency);
  const [title, setTitle] = useState('');
  const [channel, setChannel] = useState<LiveChannel>('instagram');
  const [holdHours, setHoldHours] = useState('24');
  const [items, setItems] = useState<Draft[]>([]);
  const [error, setError] = useState('');
  const add = (v: PickedVariant) => setItems((current) => (current.some((i) => i.variantId === v.variantId) ? current : [...current, { ...v, livePrice: minorToDecimal(v.price, currency) }]));
  const start = async (event: FormEvent) => {
    event.preventDefault();
    setError('');
    try {
      await api.call('live.start', {
        title: title.trim() || t('live.defaultTitle'),
        channel,
        holdHours: Number(holdHours),
        items: items.map((i) => ({ variantId: i.variantId, livePrice: parseMoney(i.livePrice, currency) ?? i.price })),
      });
      onStarted();
    } catch (e) {
      setError(toFormError(e, t).message);
    }
  };
  return (
    <form className="card wide form" onSubmit={(e) => void start(e)} aria-labelledby="live-setup-title">
      <h2 id="live-setup-title">{t('live.setup')}</h2>
      <p className="muted">{t('live.setupHelp')}</p>
      <div className="form-grid">
        <label className="field"><span>{t('live.name')}</span><input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('live.defaultTitle')} /></label>
        <label className="field">
          <span>{t('live.where')}</span>
          <select value={channel} onChange={(e) => setChannel(e.target.value === 'facebook' ? 'facebook' : e.target.value === 'other' ? 'other' : 'instagram')}>
            <option value="instagram">Instagram</option>
            <option value="facebook">Facebook</option>
            <option value="other">{t('live.otherPlace')}</option>
          </select>
        </label>
        <label className="field"><span>{t('live.holdHours')}</span><input type="number" min={1} max={168} value={holdHours} onChange={(e) => setHoldHours(e.target.value)} /></label>
      </div>
      <VariantPicker label={t('live.addProduct')} onPick={add} />
      {items.length > 0 ? (
        <table className="table">
          <thead><tr><th>{t('live.product')}</th><th className="num">{t('live.catalogPrice')}</th><th>{t('live.livePrice')}</th><th className="num">{t('live.stock')}</th><th /></tr></thead>
          <tbody>
            {items.map((item, index) => (
              <tr key={item.variantId}>
                <td>{item.name}</td>
                <td className="num">{money(item.price)}</td>
                <td><input aria-label={t('live.livePriceOf', { name: item.name })} value={item.livePrice} inputMode="decimal" onChange={(e) => setItems(items.map((x, i) => (i === index ? { ...x, livePrice: e.target.value } : x)))} /></td>
                <td className="num">{item.stock}</td>
                <td><button type="button" className="button button-quiet" onClick={() => setItems(items.filter((_, i) => i !== index))}>{t('common.remove')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={items.length === 0}>{t('live.start')}</button>
      </div>
    </form>
  );
};
