import { useEffect, useState } from 'react';
import type { BroadcastPreview } from '../../../shared/api/methods/broadcasts';
import { broadcastTargets, type Broadcast, type BroadcastTarget } from '../../../shared/domain/broadcasts';
import type { Promotion } from '../../../shared/domain/promotions';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { toFormError } from '../../components/errors';
import { useDateTime } from '../../format';
import { useT } from '../../i18n';
import { BroadcastProgress } from './BroadcastProgress';
import { UnansweredNote } from './UnansweredNote';

const isSafe = (target: BroadcastTarget) => target !== 'whatsapp_direct';

/** One click sends the promotion everywhere: choose where, see what goes and to whom, then follow it. */
export const BroadcastDialog = ({ promotion, onClose }: { promotion: Promotion; onClose(): void }) => {
  const t = useT();
  const dateTime = useDateTime();
  const [targets, setTargets] = useState<BroadcastTarget[]>(['whatsapp_status', 'instagram_feed', 'facebook_post']);
  const [tags, setTags] = useState('');
  const [productId, setProductId] = useState<number | null>(null);
  const [boughtSince, setBoughtSince] = useState('');
  const [publishAt, setPublishAt] = useState('');
  const [preview, setPreview] = useState<BroadcastPreview | null>(null);
  const [previous, setPrevious] = useState<Broadcast[]>([]);
  const [shown, setShown] = useState<number | null>(null);
  const [error, setError] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [images, setImages] = useState<{ square?: string; story?: string }>({});

  const [isUnansweredIncluded, setUnansweredIncluded] = useState(false);
  const filter = { tags: tags.split(',').map((x) => x.trim()).filter(Boolean), productIds: productId ? [productId] : [], boughtSince: boughtSince || null, includeUnanswered: isUnansweredIncluded };
  // Facebook schedules its post itself; Instagram's post and story wait in Chasqui's outbox.
  const isInstagramScheduled = targets.includes('instagram_feed') || targets.includes('instagram_story');
  const isSchedulable = targets.includes('facebook_post') || isInstagramScheduled;
  const scheduled = isSchedulable && publishAt ? new Date(publishAt).getTime() : null;

  // The very images that will be posted, drawn once per format.
  const formats = [...new Set(preview?.targets.flatMap((p) => (p.imageFormat ? [p.imageFormat] : [])) ?? [])];
  useEffect(() => {
    for (const format of formats) {
      if (images[format]) continue;
      void api.call('print.promoImage', { promotionId: promotion.id, format }).then((made) => setImages((current) => ({ ...current, [format]: made.url })), () => undefined);
    }
  }, [formats.join()]);
  useEffect(() => {
    void api.call('broadcasts.list', { promotionId: promotion.id }).then((r) => setPrevious(r.items));
  }, [promotion.id, shown]);
  useEffect(() => {
    if (targets.length === 0) return setPreview(null);
    const timer = setTimeout(() => {
      void api.call('broadcasts.preview', { promotionId: promotion.id, targets, filter }).then(setPreview, (e: unknown) => setError(toFormError(e, t).message));
    }, 200);
    return () => clearTimeout(timer);
  }, [targets.join(), tags, productId, boughtSince, isUnansweredIncluded]);

  const send = async () => {
    setBusy(true);
    setError('');
    try {
      const created = await api.call('broadcasts.create', { promotionId: promotion.id, targets, filter, publishAt: scheduled });
      await api.call('broadcasts.start', { id: created.id });
      setShown(created.id);
    } catch (e) {
      setError(toFormError(e, t).message);
    } finally {
      setBusy(false);
    }
  };

  if (shown !== null) {
    return (
      <Dialog title={t('broadcast.title', { title: promotion.title })} onClose={onClose} size="large">
        <BroadcastProgress broadcastId={shown} />
        <button type="button" className="button button-quiet" onClick={() => setShown(null)}>{t('broadcast.back')}</button>
      </Dialog>
    );
  }

  const toggle = (target: BroadcastTarget) => setTargets((current) => (current.includes(target) ? current.filter((x) => x !== target) : [...current, target]));
  const isDirect = targets.includes('whatsapp_direct');
  const notReady = preview?.targets.filter((p) => !p.isChannelReady) ?? [];

  return (
    <Dialog
      title={t('broadcast.title', { title: promotion.title })}
      onClose={onClose}
      size="large"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="button" className="button button-primary" disabled={isBusy || targets.length === 0 || notReady.length > 0 || (isDirect && !preview?.recipients.count && targets.length === 1)} onClick={() => void send()}>
            {t(scheduled !== null ? 'broadcast.sendScheduled' : 'broadcast.send')}
          </button>
        </>
      }
    >
      <fieldset>
        <legend>{t('broadcast.where')}</legend>
        <div className="target-list">
          {broadcastTargets.map((target) => (
            <label key={target} className={`target ${isSafe(target) ? '' : 'target-careful'}`}>
              <input type="checkbox" checked={targets.includes(target)} onChange={() => toggle(target)} />
              <span>
                <strong>{t(`broadcast.target.${target}`)}</strong>
                <small className="muted">{t(`broadcast.explain.${target}`)}</small>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {isSchedulable ? (
        <label className="field">
          <span>{t('broadcast.scheduleAt')}</span>
          <input type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} data-testid="publish-at" />
          {targets.includes('facebook_post') ? <small className="muted">{t('broadcast.scheduleFacebook')}</small> : null}
          {isInstagramScheduled ? <small className={publishAt ? 'warning-box' : 'muted'} role="note">{t('broadcast.scheduleInstagram')}</small> : null}
          <small className="muted">{t('broadcast.scheduleNow')}</small>
        </label>
      ) : null}
      {isDirect ? (
        <fieldset>
          <legend>{t('broadcast.who')}</legend>
          <div className="form-grid">
            <label className="field"><span>{t('broadcast.tags')}</span><input value={tags} onChange={(e) => setTags(e.target.value)} placeholder="vip, feria" /></label>
            <label className="field">
              <span>{t('broadcast.bought')}</span>
              <select value={productId ?? ''} onChange={(e) => setProductId(e.target.value ? Number(e.target.value) : null)}>
                <option value="">{t('broadcast.anyProduct')}</option>
                {[...new Map(promotion.items.map((i) => [i.productId, i.name])).entries()].map(([id, name]) => <option key={id} value={id}>{name}</option>)}
              </select>
            </label>
            <label className="field"><span>{t('broadcast.since')}</span><input type="date" value={boughtSince} onChange={(e) => setBoughtSince(e.target.value)} /></label>
          </div>
          {preview ? (
            <p role="status">
              {t('broadcast.recipients', { count: preview.recipients.count })}{' '}
              <span className="muted">{t('broadcast.excluded', { optedOut: preview.recipients.optedOut, notAsked: preview.recipients.notAsked, withoutChat: preview.recipients.withoutChat })}</span>
            </p>
          ) : null}
          <UnansweredNote left={preview?.recipients.unanswered ?? 0} isIncluded={isUnansweredIncluded} onInclude={setUnansweredIncluded} />
          {preview && preview.recipients.sample.length > 0 ? <p className="muted small clip-line">{preview.recipients.sample.map((r) => r.name).join(', ')}</p> : null}
        </fieldset>
      ) : null}
      {preview ? (
        <section aria-label={t('broadcast.preview')}>
          <h3>{t('broadcast.preview')}</h3>
          <ul className="preview-list">
            {preview.targets.map((p) => (
              <li key={p.target} className="preview-item">
                <strong>{t(`broadcast.target.${p.target}`)}</strong>
                {p.via === 'demo' ? <span className="badge">{t('broadcast.viaDemo')}</span> : null}
                {!p.isChannelReady ? <span className="badge status-needs_auth">{t('broadcast.notConnected')}</span> : null}
                {p.imageFormat ? <span className="muted small">{t(p.imageFormat === 'story' ? 'broadcast.imageStory' : 'broadcast.imageSquare')}</span> : null}
                {p.imageFormat && images[p.imageFormat] ? <img className={`preview-image preview-${p.imageFormat}`} src={images[p.imageFormat]} alt={t(p.imageFormat === 'story' ? 'broadcast.imageStory' : 'broadcast.imageSquare')} /> : null}
                {p.text ? <pre className="preview-text">{p.text}</pre> : null}
              </li>
            ))}
          </ul>
          {notReady.length > 0 ? <p className="warning-box" role="note">{t('broadcast.connectFirst')} <a href="#canales" onClick={onClose}>{t('chats.openChannels')}</a></p> : null}
        </section>
      ) : null}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      {previous.length > 0 ? (
        <section>
          <h3>{t('broadcast.previous')}</h3>
          <ul className="plain-list">
            {previous.map((b) => (
              <li key={b.id}>
                <button type="button" className="button button-quiet" onClick={() => setShown(b.id)}>
                  {dateTime(b.createdAt)} · {t(`broadcast.status.${b.status}`)} · {t('broadcast.sentOf', { sent: b.counts.sent, total: Object.values(b.counts).reduce((a, n) => a + n, 0) })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Dialog>
  );
};
