import { useEffect, useState } from 'react';
import type { FoundBrowser } from '../../../shared/api/methods/browsers';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';
import { useSaveSettings } from './useSaveSettings';

/**
 * Channel settings that are not an account: which browser WhatsApp uses. Only one Chasqui found, or
 * (desktop) one picked in the system's file dialog: a typed path could name any program.
 */
export const ChannelsSection = () => {
  const t = useT();
  const settings = useSettings((s) => s.settings);
  const [browserPath, setBrowserPath] = useState(settings.browserPath);
  const [browsers, setBrowsers] = useState<FoundBrowser[] | null>(null);
  const [chooseError, setChooseError] = useState('');
  const [facebookAppId, setFacebookAppId] = useState(settings.facebookAppId);
  const { message, onSubmit } = useSaveSettings(() => ({ browserPath, facebookAppId: facebookAppId.trim() }));
  useEffect(() => {
    void api.call('channels.listBrowsers', {}).then((found) => setBrowsers(found.items), () => setBrowsers([]));
  }, []);
  const choose = () => {
    setChooseError('');
    void api.call('desktop.chooseBrowser', {}).then(
      (chosen) => (chosen.isDone && chosen.path ? setBrowserPath(chosen.path) : undefined),
      () => setChooseError(t('browser.notBrowser')),
    );
  };
  const isSavedElsewhere = browserPath !== '' && browsers !== null && !browsers.some((b) => b.path === browserPath);
  return (
    <form className="form card" onSubmit={onSubmit} aria-labelledby="channels-settings-title">
      <h2 id="channels-settings-title">{t('nav.channels')}</h2>
      <div className="field">
        <span><label htmlFor="whatsapp-browser">{t('settings.browser')}</label></span>
        <span className="actions">
          <select id="whatsapp-browser" value={browserPath} onChange={(e) => setBrowserPath(e.target.value)}>
            <option value="">{t('browser.auto')}</option>
            {(browsers ?? []).map((b) => <option key={b.path} value={b.path}>{t('browser.found', { name: b.name, path: b.path })}</option>)}
            {isSavedElsewhere ? <option value={browserPath}>{t('browser.saved', { path: browserPath })}</option> : null}
          </select>
          {window.chasqui ? <button type="button" className="button" onClick={choose}>{t('browser.choose')}</button> : null}
        </span>
        <small className="muted">{browsers?.length === 0 ? `${t('browser.noneFound')} ` : ''}{t('browser.help')}</small>
        {chooseError ? <small role="alert">{chooseError}</small> : null}
      </div>
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
