import { useState } from 'react';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';
import { useSaveSettings } from './useSaveSettings';

/** Channel settings that are not an account: which browser WhatsApp uses. */
export const ChannelsSection = () => {
  const t = useT();
  const settings = useSettings((s) => s.settings);
  const [browserPath, setBrowserPath] = useState(settings.browserPath);
  const [facebookAppId, setFacebookAppId] = useState(settings.facebookAppId);
  const { message, onSubmit } = useSaveSettings(() => ({ browserPath: browserPath.trim(), facebookAppId: facebookAppId.trim() }));
  return (
    <form className="form card" onSubmit={onSubmit} aria-labelledby="channels-settings-title">
      <h2 id="channels-settings-title">{t('nav.channels')}</h2>
      <label className="field">
        <span>{t('settings.browser')}</span>
        <input value={browserPath} onChange={(e) => setBrowserPath(e.target.value)} placeholder="C:\Program Files\Google\Chrome\Application\chrome.exe" spellCheck={false} />
        <small className="muted">{t('settings.browserHelp')}</small>
      </label>
      <label className="field">
        <span>{t('settings.facebookAppId')}</span>
        <input value={facebookAppId} onChange={(e) => setFacebookAppId(e.target.value)} inputMode="numeric" spellCheck={false} />
        <small className="muted">{t('settings.facebookAppIdHelp')}</small>
      </label>
      <div className="actions">
        <button type="submit" className="button button-primary">{t('common.save')}</button>
        {message ? <span role="status">{message}</span> : null}
      </div>
    </form>
  );
};
