import { useState, type FormEvent } from 'react';
import { countryPresets, languages, type ShopSettings } from '../../../shared/domain/settings';
import { toFormError, type FormError } from '../../components/errors';
import { useT } from '../../i18n';
import { phoneTools } from '../../phone';
import { useSettings } from '../../store/settings';
import { api } from '../../api';
import { fileToBase64 } from '../../components/files';
import { BackupsSection } from './BackupsSection';
import { SellingSection } from './SellingSection';
import { LanSection } from './LanSection';
import { TeamSection } from './TeamSection';
import { ChannelsSection } from './ChannelsSection';
import { PacingSection } from './PacingSection';
import { QuickRepliesSection } from '../quick/QuickRepliesSection';
import { LabelsSection } from '../quick/LabelsSection';
import { AutoRepliesSection } from '../quick/AutoRepliesSection';
import { PaymentMethodsSection } from './PaymentMethodsSection';
import { LogoImage } from '../../components/LogoImage';

const presets = Object.values(countryPresets);
const currencies = [...new Set([...presets.map((p) => p.currency), 'EUR', 'USD'])].sort();
const locales = [...new Set([...presets.map((p) => p.locale), 'es-US', 'en-US'])].sort();

export const SettingsPage = () => {
  const t = useT();
  const { settings, update } = useSettings();
  // The number is shown the way people write it here ("987 654 321"); the core reads it back to E.164.
  const [shownNumber] = useState(() => phoneTools(settings.locale).format(settings.whatsappNumber));
  const [draft, setDraft] = useState<ShopSettings>(() => ({ ...settings, whatsappNumber: shownNumber }));
  const [error, setError] = useState<FormError | null>(null);
  const [isSaved, setSaved] = useState(false);
  const edit = (changes: Partial<ShopSettings>) => {
    setDraft({ ...draft, ...changes });
    setSaved(false);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const { shopName, whatsappNumber, locale, currency, timeZone, language, defaultLowStockThreshold, logoMediaId, isFormatFromLanguage } = draft;
      // Unchanged, the stored E.164 digits go back: a new locale must not re-read the number as another country's.
      await update({ shopName, whatsappNumber: whatsappNumber === shownNumber ? settings.whatsappNumber : whatsappNumber, locale, currency, timeZone, language, defaultLowStockThreshold, logoMediaId, isFormatFromLanguage });
      setError(null);
      setSaved(true);
    } catch (e) {
      setError(toFormError(e, t));
    }
  };
  const errorFor = (field: keyof ShopSettings) => (error?.field === field ? <p className="field-error" role="alert">{error.message}</p> : null);
  return (
    <section className="page" aria-labelledby="settings-title">
      <header className="page-header">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </header>
      <form className="form card" onSubmit={(e) => void save(e)}>
        <h2>{t('settings.shop')}</h2>
        <div className="form-grid">
          <label className="field field-wide">
            <span>{t('settings.shopName')}</span>
            <input value={draft.shopName} onChange={(e) => edit({ shopName: e.target.value })} />
            {errorFor('shopName')}
          </label>
          <label className="field field-wide">
            <span>{t('settings.whatsapp')}</span>
            <input value={draft.whatsappNumber} inputMode="tel" placeholder="987 654 321" onChange={(e) => edit({ whatsappNumber: e.target.value })} />
            {errorFor('whatsappNumber')}
          </label>
          <div className="field field-wide">
            <span>{t('settings.logo')}</span>
            <div className="actions">
              {draft.logoMediaId ? <LogoImage className="thumb" mediaId={draft.logoMediaId} /> : null}
              <input type="file" accept="image/jpeg,image/png,image/webp" aria-label={t('settings.logo')}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void fileToBase64(file).then((data) => api.call('media.upload', { fileName: file.name, dataBase64: data })).then((photo) => edit({ logoMediaId: photo.id }));
                }} />
              {draft.logoMediaId ? <button type="button" className="button button-quiet" onClick={() => edit({ logoMediaId: '' })}>{t('settings.removeLogo')}</button> : null}
            </div>
          </div>
          <label className="field">
            <span>{t('settings.language')}</span>
            <select value={draft.language} onChange={(e) => edit({ language: languages.find((l) => l === e.target.value) ?? 'es' })}>
              <option value="es">Español</option>
              <option value="en">English</option>
            </select>
          </label>
          <label className="field">
            <span>{t('settings.currency')}</span>
            <select value={draft.currency} onChange={(e) => edit({ currency: e.target.value })}>
              {[...new Set([draft.currency, ...currencies])].map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </label>
          <label className="field">
            <span>{t('settings.locale')}</span>
            <select value={draft.isFormatFromLanguage ? '' : draft.locale} onChange={(e) => edit(e.target.value === '' ? { isFormatFromLanguage: true } : { locale: e.target.value, isFormatFromLanguage: false })}>
              <option value="">{t('settings.localeFromLanguage')}</option>
              {[...new Set([draft.locale, ...locales])].map((l) => <option key={l} value={l}>{l}</option>)}
            </select>
          </label>
          <label className="field">
            <span>{t('settings.timeZone')}</span>
            <input value={draft.timeZone} list="time-zones" onChange={(e) => edit({ timeZone: e.target.value })} />
            <datalist id="time-zones">{Intl.supportedValuesOf('timeZone').filter((z) => /^(America|Europe|Atlantic)\//.test(z)).map((z) => <option key={z} value={z} />)}</datalist>
            {errorFor('timeZone')}
          </label>
          <label className="field">
            <span>{t('settings.lowStock')}</span>
            <input type="number" min={0} value={draft.defaultLowStockThreshold} onChange={(e) => edit({ defaultLowStockThreshold: Math.max(0, Number.parseInt(e.target.value, 10) || 0) })} />
          </label>
        </div>
        {error && !error.field ? <p className="form-error" role="alert">{error.message}</p> : null}
        <div className="actions">
          <button type="submit" className="button button-primary">{t('common.save')}</button>
          {isSaved ? <span className="notice" role="status">{t('settings.saved')}</span> : null}
        </div>
      </form>
      <SellingSection />
      <PaymentMethodsSection />
      <ChannelsSection />
      <QuickRepliesSection />
      <LabelsSection />
      <AutoRepliesSection />
      <PacingSection />
      <TeamSection />
      <LanSection />
      <BackupsSection />
    </section>
  );
};
