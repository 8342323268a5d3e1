import { useEffect, useState, type FormEvent } from 'react';
import type { Photo, Product } from '../../../shared/domain/catalog';
import { quickFields, type QuickReply } from '../../../shared/domain/quick';
import { api } from '../../api';
import { useCatalogSearch } from '../../components/useCatalogSearch';
import { toFormError } from '../../components/errors';
import { fileToBase64 } from '../../components/files';
import { useT } from '../../i18n';
import './quick.css';

interface Draft {
  id?: number;
  name: string;
  text: string;
  photos: Photo[];
  productId: number | null;
}

const blank: Draft = { name: '', text: '', photos: [], productId: null };

/** Ajustes → Respuestas rápidas: her saved answers, typed after "/" in Chats. */
export const QuickRepliesSection = () => {
  const t = useT();
  const [items, setItems] = useState<QuickReply[]>([]);
  const [productQuery, setProductQuery] = useState('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const found = useCatalogSearch(productQuery, draft !== null);
  // The product a saved answer shows, kept among the options whatever she searches.
  const [linked, setLinked] = useState<Product | null>(null);
  const [message, setMessage] = useState('');
  const load = () => void api.call('quickReplies.list', {}).then((r) => setItems(r.items));
  useEffect(() => {
    load();
  }, []);
  const linkedId = draft?.productId ?? null;
  useEffect(() => {
    if (linkedId === null) {
      setLinked(null);
      return;
    }
    let isCurrent = true;
    void api.call('catalog.getProduct', { id: linkedId }).then((product) => {
      if (isCurrent) setLinked(product);
    });
    return () => {
      isCurrent = false;
    };
  }, [linkedId]);
  const products = linked && !found.items.some((p) => p.id === linked.id) ? [linked, ...found.items] : found.items;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    try {
      await api.call('quickReplies.save', { ...(draft.id ? { id: draft.id } : {}), name: draft.name, text: draft.text, photoIds: draft.photos.map((p) => p.id), productId: draft.productId });
      setDraft(null);
      setMessage(t('settings.saved'));
      load();
    } catch (caught) {
      setMessage(toFormError(caught, t).message);
    }
  };
  const upload = async (files: FileList | null) => {
    if (!draft || !files?.[0]) return;
    try {
      const photo = await api.call('media.upload', { fileName: files[0].name, dataBase64: await fileToBase64(files[0]) });
      setDraft({ ...draft, photos: [...draft.photos.filter((p) => p.id !== photo.id), photo].slice(0, 4) });
    } catch (caught) {
      setMessage(toFormError(caught, t).message);
    }
  };
  const remove = async (reply: QuickReply) => {
    if (!window.confirm(t('quick.confirmDelete', { name: reply.name }))) return;
    await api.call('quickReplies.delete', { id: reply.id });
    load();
  };

  return (
    <section className="form card" aria-labelledby="quick-title">
      <h2 id="quick-title">{t('quick.repliesTitle')}</h2>
      <p className="muted">{t('quick.repliesHelp')}</p>
      <ul className="quick-manage">
        {items.map((r) => (
          <li key={r.id}>
            <strong>/{r.name}</strong>
            <span className="clip-line">{r.text}</span>
            <span className="muted small">{r.photos.length > 0 ? `📷 ${r.photos.length}` : ''}{r.productName ? ` 🛍 ${r.productName}` : ''}</span>
            <span className="row-actions">
              <button type="button" className="button button-quiet" onClick={() => setDraft({ id: r.id, name: r.name, text: r.text, photos: r.photos, productId: r.productId })} aria-label={t('quick.editReply', { name: r.name })}>{t('quick.edit')}</button>
              <button type="button" className="button button-quiet" onClick={() => void remove(r)} aria-label={t('quick.deleteReply', { name: r.name })}>{t('quick.delete')}</button>
            </span>
          </li>
        ))}
      </ul>
      {draft ? (
        <form className="quick-editor" onSubmit={(e) => void save(e)} aria-label={t('quick.editorTitle')}>
          <label className="field">
            <span>{t('quick.name')}</span>
            <input value={draft.name} maxLength={40} required placeholder={t('quick.namePlaceholder')} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('quick.text')}</span>
            <textarea rows={4} value={draft.text} maxLength={2000} required onChange={(e) => setDraft({ ...draft, text: e.target.value })} />
          </label>
          <div className="field-chips" role="group" aria-label={t('quick.fields')}>
            {quickFields.map((f) => (
              <button key={f} type="button" className="button button-quiet small" onClick={() => setDraft({ ...draft, text: `${draft.text}{${f}}` })}>{`{${f}}`}</button>
            ))}
          </div>
          <div className="quick-photos">
            {draft.photos.map((p) => (
              <button key={p.id} type="button" className="photo-remove" onClick={() => setDraft({ ...draft, photos: draft.photos.filter((q) => q.id !== p.id) })} aria-label={t('quick.removePhoto')}>
                <img src={p.thumbUrl} alt="" />
              </button>
            ))}
            <label className="button">
              📷 {t('quick.addPhoto')}
              <input type="file" accept="image/*" className="visually-hidden" onChange={(e) => void upload(e.target.files)} />
            </label>
          </div>
          <div className="field variant-picker">
            <span>{t('quick.product')}</span>
            <div className="variant-picker-row">
              <input type="search" aria-label={t('speedRest.pickerSearch')} placeholder={found.hint || t('speedRest.pickerHint')} value={productQuery} onChange={(e) => setProductQuery(e.target.value)} />
              <select aria-label={t('quick.product')} value={draft.productId ?? ''} onChange={(e) => setDraft({ ...draft, productId: Number(e.target.value) || null })}>
                <option value="">{t('quick.noProduct')}</option>
                {products.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </select>
            </div>
          </div>
          <div className="actions">
            <button type="button" className="button" onClick={() => setDraft(null)}>{t('common.cancel')}</button>
            <button type="submit" className="button button-primary">{t('common.save')}</button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" className="button" onClick={() => setDraft(blank)}>+ {t('quick.newReply')}</button>
        </div>
      )}
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
};
