import { useState, type FormEvent } from 'react';
import type { Photo } from '../../../shared/domain/catalog';
import { minorToDecimal, parseMoney } from '../../../shared/domain/money';
import { promotionKinds, type ChannelTexts as Texts, type Promotion, type PromotionKind } from '../../../shared/domain/promotions';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { toFormError, type FormError } from '../../components/errors';
import { VariantPicker, type PickedVariant } from '../../components/VariantPicker';
import { useMoney } from '../../format';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';
import { ChannelTexts } from './ChannelTexts';
import { PrintButtons } from './PrintButtons';
import { BroadcastDialog } from '../broadcasts/BroadcastDialog';
import { PhotoPicker } from '../catalog/PhotoPicker';

interface ItemDraft {
  variantId: number;
  name: string;
  regularPrice: number;
  promoPrice: string;
}

const toNumber = (text: string): number | null => (text.trim() === '' ? null : Number.parseInt(text, 10) || null);

export const PromotionEditor = ({ promotion, onClose }: { promotion: Promotion | null; onClose(): void }) => {
  const t = useT();
  const money = useMoney();
  const currency = useSettings((s) => s.settings.currency);
  const [saved, setSaved] = useState<Promotion | null>(promotion);
  const [isBroadcasting, setBroadcasting] = useState(false);
  const [title, setTitle] = useState(promotion?.title ?? '');
  const [text, setText] = useState(promotion?.text ?? '');
  const [kind, setKind] = useState<PromotionKind>(promotion?.kind ?? 'percent');
  const [percentOff, setPercentOff] = useState(String(promotion?.percentOff ?? 20));
  const [bundleQuantity, setBundleQuantity] = useState(String(promotion?.bundleQuantity ?? 2));
  const [bundlePayFor, setBundlePayFor] = useState(String(promotion?.bundlePayFor ?? 1));
  const [bundlePrice, setBundlePrice] = useState(promotion?.bundlePrice ? minorToDecimal(promotion.bundlePrice, currency) : '');
  const [startsOn, setStartsOn] = useState(promotion?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(promotion?.endsOn ?? '');
  const [items, setItems] = useState<ItemDraft[]>(
    promotion?.items.map((i) => ({ variantId: i.variantId, name: i.name, regularPrice: i.regularPrice, promoPrice: minorToDecimal(i.promoPrice, currency) })) ?? [],
  );
  const [texts, setTexts] = useState<Partial<Texts>>({});
  const [images, setImages] = useState<Photo[]>(promotion?.images ?? []);
  const [error, setError] = useState<FormError | null>(null);

  const addVariant = (picked: PickedVariant) => {
    if (items.some((i) => i.variantId === picked.variantId)) return;
    setItems([...items, { variantId: picked.variantId, name: picked.name, regularPrice: picked.price, promoPrice: minorToDecimal(picked.price, currency) }]);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      title,
      text,
      percentOff: kind === 'percent' ? toNumber(percentOff) : null,
      bundleQuantity: kind === 'bundle' ? toNumber(bundleQuantity) : null,
      bundlePayFor: kind === 'bundle' && bundlePrice.trim() === '' ? toNumber(bundlePayFor) : null,
      bundlePrice: kind === 'bundle' && bundlePrice.trim() !== '' ? parseMoney(bundlePrice, currency) : null,
      startsOn: startsOn || null,
      endsOn: endsOn || null,
      items: items.map((i) => ({ variantId: i.variantId, promoPrice: kind === 'price' ? parseMoney(i.promoPrice, currency) : null })),
      customTexts: texts,
      imageIds: images.map((i) => i.id),
    };
    try {
      const result = saved
        ? await api.call('promotions.update', { id: saved.id, ...fields })
        : await api.call('promotions.create', { ...fields, kind, customTexts: { whatsapp: texts.whatsapp ?? null, instagram: texts.instagram ?? null, facebook: texts.facebook ?? null } });
      setSaved(result);
      setTexts({});
      setError(null);
    } catch (e) {
      setError(toFormError(e, t));
    }
  };

  const fieldError = (field: string) => (error?.field === field ? <p className="field-error" role="alert">{error.message}</p> : null);
  return (
    <Dialog title={saved ? saved.title : t('promo.new')} onClose={onClose} size="large"
      footer={
        <>
          {saved && saved.status !== 'ended' ? <button type="button" className="button button-quiet" onClick={() => void api.call('promotions.end', { id: saved.id }).then(setSaved)}>{t('promo.end')}</button> : null}
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>{t('common.close')}</button>
          <button type="submit" form="promo-form" className="button button-primary">{t('promo.save')}</button>
        </>
      }>
      <form id="promo-form" className="form" onSubmit={(e) => void save(e)}>
        <div className="form-grid">
          <label className="field field-wide"><span>{t('promo.name')}</span><input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} />{fieldError('title')}</label>
          <label className="field field-wide"><span>{t('promo.text')}</span><textarea value={text} rows={2} onChange={(e) => setText(e.target.value)} /></label>
          <label className="field">
            <span>{t('promo.kind')}</span>
            <select value={kind} disabled={saved !== null} onChange={(e) => setKind(promotionKinds.find((k) => k === e.target.value) ?? 'price')}>
              {promotionKinds.map((k) => <option key={k} value={k}>{t(`promo.kind.${k}`)}</option>)}
            </select>
          </label>
          {kind === 'percent' ? <label className="field"><span>{t('promo.percent')}</span><input type="number" min={1} max={95} value={percentOff} onChange={(e) => setPercentOff(e.target.value)} />{fieldError('percentOff')}</label> : null}
          {kind === 'bundle' ? (
            <div className="field bundle-fields">
              <label><span>{t('promo.bundleQuantity')}</span><input type="number" min={2} value={bundleQuantity} onChange={(e) => setBundleQuantity(e.target.value)} /></label>
              <label><span>{t('promo.bundlePayFor')}</span><input type="number" min={1} value={bundlePayFor} onChange={(e) => setBundlePayFor(e.target.value)} /></label>
              <label><span>{t('promo.bundlePrice')} ({currency})</span><input value={bundlePrice} inputMode="decimal" onChange={(e) => setBundlePrice(e.target.value)} /></label>
              {fieldError('bundlePayFor')}{fieldError('bundleQuantity')}
            </div>
          ) : null}
          <label className="field"><span>{t('promo.startsOn')}</span><input type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} /></label>
          <label className="field"><span>{t('promo.endsOn')}</span><input type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />{fieldError('endsOn')}</label>
        </div>
        <PhotoPicker photos={images} onChange={setImages} />
        <fieldset>
          <legend>{t('promo.products')}</legend>
          <table className="table">
            <tbody>
              {items.map((item) => (
                <tr key={item.variantId}>
                  <td>{item.name}</td>
                  <td className="num">{money(item.regularPrice)}</td>
                  {kind === 'price' ? (
                    <td><input aria-label={`${t('promo.promoPrice')}: ${item.name}`} value={item.promoPrice} inputMode="decimal" onChange={(e) => setItems(items.map((i) => (i.variantId === item.variantId ? { ...i, promoPrice: e.target.value } : i)))} /></td>
                  ) : null}
                  <td><button type="button" className="icon-button" aria-label={`${t('orders.remove')}: ${item.name}`} onClick={() => setItems(items.filter((i) => i.variantId !== item.variantId))}>×</button></td>
                </tr>
              ))}
            </tbody>
          </table>
          <VariantPicker label={t('promo.addProduct')} onPick={addVariant} />
        </fieldset>
        {error && !['title', 'percentOff', 'endsOn', 'bundlePayFor', 'bundleQuantity'].includes(error.field ?? '') ? <p className="form-error" role="alert">{error.message}</p> : null}
      </form>
      {saved ? (
        <>
          <h3>{t('promo.texts')}</h3>
          <ChannelTexts promotion={saved} drafts={texts} onChange={(channel, value) => setTexts({ ...texts, [channel]: value })} />
          {saved.items.length > 0 ? <PrintButtons promotionId={saved.id} items={saved.items} /> : null}
          {saved.status === 'active' || saved.status === 'scheduled' ? (
            <section className="print-kit" aria-labelledby="broadcast-open-title">
              <h3 id="broadcast-open-title">{t('broadcast.open')}</h3>
              <p className="muted">{t('broadcast.openHelp')}</p>
              <button type="button" className="button button-primary" onClick={() => setBroadcasting(true)}>{t('broadcast.open')}</button>
            </section>
          ) : null}
          {isBroadcasting ? <BroadcastDialog promotion={saved} onClose={() => setBroadcasting(false)} /> : null}
        </>
      ) : null}
    </Dialog>
  );
};
