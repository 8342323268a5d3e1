import { useState, type FormEvent } from 'react';
import { isValidPhone } from '../../../shared/domain/phones';
import { countryPresets, type CountryCode } from '../../../shared/domain/settings';
import { toFormError } from '../../components/errors';
import { useT } from '../../i18n';
import { invalidPhoneMessage } from '../../phone';
import { useSettings } from '../../store/settings';
import { api } from '../../api';
import { fileToBase64 } from '../../components/files';
import { LogoImage } from '../../components/LogoImage';

const countries = (Object.keys(countryPresets) as CountryCode[]).sort((a, b) => countryPresets[a].name.localeCompare(countryPresets[b].name, 'es'));
const demoCommand = 'npm run serve -- --demo --data-dir chasqui-demo';

/** The first screen of an empty shop: name, WhatsApp number and country, then straight to selling. */
export const WelcomePage = () => {
  const t = useT();
  const { settings, update } = useSettings();
  const [shopName, setShopName] = useState(settings.shopName === 'Mi tienda' ? '' : settings.shopName);
  const [country, setCountry] = useState<CountryCode>('PE');
  const [number, setNumber] = useState('');
  const [error, setError] = useState('');
  const [isNumberWrong, setNumberWrong] = useState(false);
  const [logoMediaId, setLogoMediaId] = useState(settings.logoMediaId);
  const [isDemoHintShown, setDemoHintShown] = useState(false);
  const [isCopied, setCopied] = useState(false);
  const exploreDemo = async () => {
    const result = await api.call('desktop.switchShop', { to: 'demo' });
    if (!result.isDone) setDemoHintShown(true);
  };
  const preset = countryPresets[country];

  const finish = async (next: string) => {
    // Checked here too, so she reads what is wrong before anything is saved; the core checks again.
    if (number.trim() !== '' && !isValidPhone(number, country)) {
      setError(invalidPhoneMessage(t, number.trim(), country));
      setNumberWrong(true);
      return;
    }
    const whatsappNumber = number.trim();
    try {
      await update({ shopName: shopName.trim() || settings.shopName, whatsappNumber, locale: preset.locale, currency: preset.currency, timeZone: preset.timeZone, isOnboarded: true, logoMediaId });
      window.location.hash = next;
    } catch (e) {
      const formError = toFormError(e, t);
      setError(formError.message);
      setNumberWrong(formError.field === 'whatsappNumber');
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void finish('#/catalogo');
  };

  return (
    <main className="welcome">
      <form className="card form" onSubmit={submit} aria-labelledby="welcome-title">
        <h1 id="welcome-title">{t('welcome.title')}</h1>
        <p className="muted">{t('welcome.body')}</p>
        <label className="field"><span>{t('settings.shopName')}</span><input value={shopName} onChange={(e) => setShopName(e.target.value)} placeholder="Karina Cosméticos" autoFocus /></label>
        <div className="field">
          <span>{t('settings.logo')}</span>
          <span className="actions">
            {logoMediaId ? <LogoImage className="thumb" mediaId={logoMediaId} /> : null}
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp"
              aria-label={t('settings.logo')}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void fileToBase64(file).then((data) => api.call('media.upload', { fileName: file.name, dataBase64: data })).then((photo) => setLogoMediaId(photo.id), (err: unknown) => setError(toFormError(err, t).message));
              }}
            />
          </span>
        </div>
        <label className="field">
          <span>{t('welcome.country')}</span>
          <select value={country} onChange={(e) => setCountry(countries.find((c) => c === e.target.value) ?? 'PE')}>
            {countries.map((c) => <option key={c} value={c}>{countryPresets[c].name}</option>)}
          </select>
          <small className="muted">{t('welcome.suggests', { currency: preset.currency, locale: preset.locale, timeZone: preset.timeZone })}</small>
        </label>
        <label className="field">
          <span>{t('welcome.whatsapp')}</span>
          <span className="phone-input"><span className="muted">+{preset.dialCode}</span><input value={number} inputMode="tel" placeholder="987 654 321" aria-invalid={isNumberWrong} onChange={(e) => { setNumber(e.target.value); setNumberWrong(false); }} /></span>
        </label>
        {error ? <p className="form-error" role="alert">{error}</p> : null}
        <div className="actions">
          <button type="submit" className="button button-primary">{t('welcome.start')}</button>
          <button type="button" className="button" onClick={() => void finish('#/catalogo/importar')}>{t('welcome.import')}</button>
          <button type="button" className="button button-quiet" onClick={() => void update({ isOnboarded: true })}>{t('welcome.skip')}</button>
          <button type="button" className="button button-quiet" onClick={() => void exploreDemo()}>{t('demo.explore')}</button>
        </div>
        {isDemoHintShown ? (
          <div className="command-hint" role="status">
            <p className="muted">{t('welcome.demoCommand')}</p>
            <div className="command-line">
              <code>{demoCommand}</code>
              <button type="button" className="button" onClick={() => void navigator.clipboard?.writeText(demoCommand).then(() => setCopied(true), () => setCopied(false))}>
                {isCopied ? t('welcome.copied') : t('welcome.copy')}
              </button>
            </div>
          </div>
        ) : null}
      </form>
    </main>
  );
};
