import { useEffect, useState, type FormEvent } from 'react';
import type { AutoReplySettings } from '../../../shared/domain/quick';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useT } from '../../i18n';
import './quick.css';

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** Ajustes → Respuestas automáticas: away and greeting messages, off until she turns them on. */
export const AutoRepliesSection = () => {
  const t = useT();
  const [draft, setDraft] = useState<AutoReplySettings | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => void api.call('autoReplies.get', {}).then(setDraft), []);
  if (!draft) return null;
  const edit = (changes: Partial<AutoReplySettings>) => (setDraft({ ...draft, ...changes }), setMessage(''));
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setDraft(await api.call('autoReplies.save', draft));
      setMessage(t('settings.saved'));
    } catch (caught) {
      setMessage(toFormError(caught, t).message);
    }
  };
  return (
    <form className="form card" onSubmit={(e) => void save(e)} aria-labelledby="auto-title">
      <h2 id="auto-title">{t('quick.autoTitle')}</h2>
      <p className="muted">{t('quick.autoHelp')}</p>
      <div className="form-grid">
        <label className="field">
          <span>{t('quick.opensAt')}</span>
          <input type="time" value={draft.opensAt} required onChange={(e) => edit({ opensAt: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('quick.closesAt')}</span>
          <input type="time" value={draft.closesAt} required onChange={(e) => edit({ closesAt: e.target.value })} />
        </label>
      </div>
      <fieldset className="weekday-choices">
        <legend>{t('quick.sellingDays')}</legend>
        {weekdays.map((d) => (
          <label key={d} className="check">
            <input type="checkbox" checked={draft.sellingDays.includes(d)} onChange={(e) => edit({ sellingDays: e.target.checked ? [...draft.sellingDays, d].sort((a, b) => a - b) : draft.sellingDays.filter((x) => x !== d) })} />
            {t(`quick.day.${d}`)}
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={draft.isAwayEnabled} onChange={(e) => edit({ isAwayEnabled: e.target.checked })} /> {t('quick.awayOn')}
      </label>
      <label className="field">
        <span>{t('quick.awayText')}</span>
        <textarea rows={3} value={draft.awayText} maxLength={1000} required onChange={(e) => edit({ awayText: e.target.value })} />
      </label>
      <label className="check">
        <input type="checkbox" checked={draft.isGreetingEnabled} onChange={(e) => edit({ isGreetingEnabled: e.target.checked })} /> {t('quick.greetingOn')}
      </label>
      <label className="field">
        <span>{t('quick.greetingText')}</span>
        <textarea rows={3} value={draft.greetingText} maxLength={1000} required onChange={(e) => edit({ greetingText: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('quick.catalogLink')}</span>
        <input type="url" value={draft.catalogLink} placeholder="https://…" onChange={(e) => edit({ catalogLink: e.target.value })} />
      </label>
      <label className="check">
        <input type="checkbox" checked={draft.isCatalogPdfSent} onChange={(e) => edit({ isCatalogPdfSent: e.target.checked })} /> {t('chatsRest.catalogPdf')}
      </label>
      <p className="muted small">{t('quick.autoRules')}</p>
      <div className="actions">
        <button type="submit" className="button button-primary">{t('common.save')}</button>
        {message ? <span role="status">{message}</span> : null}
      </div>
    </form>
  );
};
