import { useEffect, useState } from 'react';
import type { CustomerProfile } from '../../../shared/api/methods/customers';
import { promoConsents, type PromoConsent } from '../../../shared/domain/customers';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useDateTime } from '../../format';
import { useT } from '../../i18n';
import { PhoneInput } from '../../components/PhoneInput';

/** Consent to promotions, notes and tags: saved as soon as the seller leaves the field. */
export const CustomerFields = ({ profile, onSaved }: { profile: CustomerProfile; onSaved(profile: CustomerProfile): void }) => {
  const t = useT();
  const dateTime = useDateTime();
  const [phoneText, setPhoneText] = useState(profile.phone);
  const [notes, setNotes] = useState(profile.notes);
  const [tags, setTags] = useState(profile.tags.join(', '));
  const [error, setError] = useState('');
  useEffect(() => {
    setPhoneText(profile.phone);
    setNotes(profile.notes);
    setTags(profile.tags.join(', '));
  }, [profile.id]);
  const save = (changes: { phone?: string; notes?: string; tags?: string[]; promoConsent?: PromoConsent }) =>
    void api.call('customers.update', { id: profile.id, ...changes }).then(
      (saved) => {
        setError('');
        // Only a phone save reads it back (as E.164): another field's answer must not undo what she is typing.
        if (changes.phone !== undefined) setPhoneText(saved.phone);
        onSaved(saved);
      },
      (e: unknown) => setError(toFormError(e, t).message),
    );
  return (
    <div className="form-grid customer-fields">
      <label className="field">
        <span>{t('customers.consent')}</span>
        <select value={profile.consent.status} onChange={(e) => save({ promoConsent: promoConsents.find((c) => c === e.target.value) ?? 'unknown' })}>
          {promoConsents.map((c) => <option key={c} value={c}>{t(`customers.consent.${c}`)}</option>)}
        </select>
        {profile.consent.at ? <small className="muted">{t('customers.consentSince', { when: dateTime(profile.consent.at), source: profile.consent.source })}</small> : null}
      </label>
      <label className="field">
        <span>{t('customers.phone')}</span>
        <PhoneInput value={phoneText} onChange={setPhoneText} onBlur={() => (phoneText !== profile.phone ? save({ phone: phoneText }) : undefined)} />
      </label>
      <label className="field">
        <span>{t('customers.tags')}</span>
        <input value={tags} onChange={(e) => setTags(e.target.value)} onBlur={() => save({ tags: tags.split(',').map((x) => x.trim()).filter(Boolean) })} />
      </label>
      <label className="field field-wide">
        <span>{t('customers.notes')}</span>
        <textarea rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} onBlur={() => (notes !== profile.notes ? save({ notes }) : undefined)} />
      </label>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </div>
  );
};
