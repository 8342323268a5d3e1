import { useEffect, useState, type FormEvent } from 'react';
import { claimChannels, type Claim, type ClaimChannel, type Live } from '../../../shared/domain/lives';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useMoney } from '../../format';
import { useT } from '../../i18n';

/** The panel she reads at arm's length while streaming from her phone. */
export const LivePanel = ({ live: initial, onStopped }: { live: Live; onStopped(id: number): void }) => {
  const t = useT();
  const money = useMoney();
  const [live, setLive] = useState(initial);
  const [claims, setClaims] = useState<Claim[]>([]);
  const [commenters, setCommenters] = useState<{ handle: string; name: string }[]>([]);
  const [handle, setHandle] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [channel, setChannel] = useState<ClaimChannel>(initial.channel === 'other' ? 'other' : initial.channel);
  const [error, setError] = useState('');
  const load = () => {
    void api.call('live.get', { liveId: initial.id }).then(setLive);
    void api.call('live.claims', { liveId: initial.id }).then((r) => {
      setClaims(r.items);
      setCommenters(r.recentCommenters);
    });
  };
  useEffect(() => {
    load();
    return api.onEvent((event) => ((event.type === 'live.claim' || event.type === 'live.changed') && event.payload.liveId === initial.id ? load() : undefined));
  }, [initial.id]);
  const onAir = live.items.find((i) => i.id === live.onAirItemId) ?? live.items[0];
  const onAirClaims = claims.filter((c) => c.itemId === onAir?.id && c.status !== 'cancelled');

  const addClaim = async (event: FormEvent) => {
    event.preventDefault();
    setError('');
    try {
      await api.call('live.addClaim', { liveId: live.id, itemId: onAir?.id, handle, channel, quantity: Number(quantity) || 1 });
      setHandle('');
      setQuantity('1');
      load();
    } catch (e) {
      setError(toFormError(e, t).message);
    }
  };
  const stop = async () => {
    if (!window.confirm(t('live.stopConfirm'))) return;
    await api.call('live.stop', { liveId: live.id });
    onStopped(live.id);
  };

  return (
    <section className="page live-panel" aria-labelledby="live-on-title">
      <header className="page-header">
        <h1 id="live-on-title"><span className="live-dot" aria-hidden="true" /> {live.title}</h1>
        <span className="muted">{live.channel === 'other' ? t('live.manualOnly') : live.isReadingComments ? t('live.readingComments', { channel: t(`channel.${live.channel}`) }) : t('live.lookingForStream', { channel: t(`channel.${live.channel}`) })}</span>
        <button type="button" className="button" onClick={() => void stop()}>{t('live.stop')}</button>
      </header>
      {onAir ? (
        <div className="on-air card wide" aria-label={t('live.onAir')}>
          {onAir.photoUrl ? <img src={onAir.photoUrl} alt="" /> : null}
          <div>
            <p className="muted">{t('live.onAir')}</p>
            <h2 className="on-air-name">{onAir.name}</h2>
            <p className="on-air-price">{money(onAir.livePrice)}</p>
          </div>
          <p className={`on-air-left ${onAir.available === 0 ? 'is-out' : ''}`} aria-live="polite">
            <strong data-testid="on-air-left">{onAir.available}</strong>
            <span>{t('live.left')}</span>
          </p>
        </div>
      ) : null}
      <div className="live-strip" role="group" aria-label={t('live.products')}>
        {live.items.map((item) => (
          <button key={item.id} type="button" className={`live-chip ${item.id === onAir?.id ? 'is-active' : ''}`} aria-pressed={item.id === onAir?.id} onClick={() => void api.call('live.setOnAir', { liveId: live.id, itemId: item.id }).then(setLive)}>
            {item.name} · {item.available}
          </button>
        ))}
      </div>
      <div className="live-columns">
        <form className="card form" onSubmit={(e) => void addClaim(e)} aria-labelledby="manual-claim-title">
          <h2 id="manual-claim-title">{t('live.manualClaim')}</h2>
          <label className="field">
            <span>{t('live.who')}</span>
            <input value={handle} onChange={(e) => setHandle(e.target.value)} list="live-commenters" placeholder="@usuaria o nombre" required autoComplete="off" />
            <datalist id="live-commenters">
              {commenters.map((c) => <option key={c.handle} value={c.handle}>{c.name}</option>)}
            </datalist>
          </label>
          <div className="form-grid">
            <label className="field"><span>{t('live.quantity')}</span><input type="number" min={1} max={20} value={quantity} onChange={(e) => setQuantity(e.target.value)} /></label>
            <label className="field">
              <span>{t('live.fromWhere')}</span>
              <select value={channel} onChange={(e) => setChannel(claimChannels.find((c) => c === e.target.value) ?? 'other')}>
                {claimChannels.map((c) => <option key={c} value={c}>{c === 'other' ? t('live.otherPlace') : t(`channel.${c}`)}</option>)}
              </select>
            </label>
          </div>
          <button type="submit" className="button button-primary">{t('live.addClaim')}</button>
          {error ? <p className="form-error" role="alert">{error}</p> : null}
        </form>
        <section className="card" aria-labelledby="claims-title">
          <h2 id="claims-title">{t('live.claimsFor', { name: onAir?.name ?? '' })}</h2>
          {onAirClaims.length === 0 ? <p className="muted">{t('live.noClaims')}</p> : null}
          <ol className="claims">
            {onAirClaims.map((c) => (
              <li key={c.id} className={`claim claim-${c.status}`}>
                <strong>{c.customerName}</strong> {c.quantity > 1 ? `×${c.quantity}` : ''}
                <span className={`badge claim-badge-${c.status}`}>{t(`live.status.${c.status}`)}</span>
                {c.comment ? <span className="muted clip-line">“{c.comment}”</span> : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </section>
  );
};
