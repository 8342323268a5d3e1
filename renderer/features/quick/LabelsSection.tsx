import { useState, type FormEvent } from 'react';
import { labelColors, type Label, type PhoneLabel } from '../../../shared/domain/quick';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useT } from '../../i18n';
import { useLabels } from './useLabels';
import './quick.css';

/** Ajustes → Etiquetas: her own labels with colours, and the ones on her WhatsApp Business phone. */
export const LabelsSection = () => {
  const t = useT();
  const { labels, reload } = useLabels();
  const [draft, setDraft] = useState<{ id?: number; name: string; color: string } | null>(null);
  const [message, setMessage] = useState('');
  const [phone, setPhone] = useState<PhoneLabel[] | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    try {
      await api.call('labels.save', draft);
      setDraft(null);
      setMessage('');
      reload();
    } catch (caught) {
      setMessage(toFormError(caught, t).message);
    }
  };
  const remove = async (label: Label) => {
    if (!window.confirm(t('quick.confirmDeleteLabel', { name: label.name }))) return;
    await api.call('labels.delete', { id: label.id });
    reload();
  };
  const lookOnPhone = async () => {
    try {
      const { items } = await api.call('labels.phoneLabels', {});
      setPhone(items);
      setMessage(items.length === 0 ? t('quick.noPhoneLabels') : '');
    } catch (caught) {
      setMessage(toFormError(caught, t).message);
    }
  };
  const importAll = async () => {
    if (!phone) return;
    try {
      const result = await api.call('labels.importPhone', { waLabelIds: phone.map((l) => l.waLabelId) });
      setMessage(t('quick.imported', { count: result.imported, chats: result.assigned }));
      setPhone(null);
      reload();
    } catch (caught) {
      setMessage(toFormError(caught, t).message);
    }
  };

  return (
    <section className="form card" aria-labelledby="labels-title">
      <h2 id="labels-title">{t('quick.labelsTitle')}</h2>
      <p className="muted">{t('quick.labelsHelp')}</p>
      <ul className="quick-manage">
        {labels.map((l) => (
          <li key={l.id}>
            <span className="label-chip" style={{ backgroundColor: l.color }}><bdi>{l.name}</bdi></span>
            <span className="muted small">{t('quick.labelUse', { chats: l.conversations, orders: l.orders })}{l.waLabelId ? ' · WhatsApp' : ''}</span>
            <span className="row-actions">
              <button type="button" className="button button-quiet" onClick={() => setDraft({ id: l.id, name: l.name, color: l.color })} aria-label={t('quick.editLabel', { name: l.name })}>{t('quick.edit')}</button>
              <button type="button" className="button button-quiet" onClick={() => void remove(l)} aria-label={t('quick.deleteLabel', { name: l.name })}>{t('quick.delete')}</button>
            </span>
          </li>
        ))}
      </ul>
      {draft ? (
        <form className="quick-editor" onSubmit={(e) => void save(e)} aria-label={t('quick.labelEditor')}>
          <label className="field">
            <span>{t('quick.labelName')}</span>
            <input value={draft.name} maxLength={40} required onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          </label>
          <div className="color-choices" role="radiogroup" aria-label={t('quick.color')}>
            {labelColors.map((c) => (
              <button key={c} type="button" role="radio" aria-checked={draft.color === c} aria-label={c} className={`color-choice ${draft.color === c ? 'is-on' : ''}`} style={{ backgroundColor: c }} onClick={() => setDraft({ ...draft, color: c })} />
            ))}
          </div>
          <div className="actions">
            <button type="button" className="button" onClick={() => setDraft(null)}>{t('common.cancel')}</button>
            <button type="submit" className="button button-primary">{t('common.save')}</button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" className="button" onClick={() => setDraft({ name: '', color: labelColors[0] })}>+ {t('quick.newLabel')}</button>
          <button type="button" className="button" onClick={() => void lookOnPhone()}>{t('quick.fromPhone')}</button>
        </div>
      )}
      {phone && phone.length > 0 ? (
        <div className="warning-box" role="note">
          <p>{t('quick.phoneOffer', { count: phone.length })}</p>
          <p>{phone.map((l) => `${l.name} (${l.chats})`).join(' · ')}</p>
          <button type="button" className="button button-primary" onClick={() => void importAll()}>{t('quick.importPhone')}</button>
        </div>
      ) : null}
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
};
