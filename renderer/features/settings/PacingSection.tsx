import { useState } from 'react';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';
import { useSaveSettings } from './useSaveSettings';

/** How direct promotional messages are paced, in plain words; the figures keep a personal number safe. */
export const PacingSection = () => {
  const t = useT();
  const settings = useSettings((s) => s.settings);
  const [pacing, setPacing] = useState(settings.pacing);
  const [optOutReply, setOptOutReply] = useState(settings.optOutReply);
  const [liveMessageTemplate, setLiveMessageTemplate] = useState(settings.liveMessageTemplate);
  const number = (key: 'minGapSeconds' | 'maxGapSeconds' | 'hourlyCap' | 'dailyCap', label: string, min: number) => (
    <label className="field">
      <span>{label}</span>
      <input type="number" min={min} step={1} value={pacing[key]} onChange={(e) => setPacing({ ...pacing, [key]: Number(e.target.value) })} required />
    </label>
  );
  const { message, onSubmit } = useSaveSettings(() => ({ pacing, optOutReply, liveMessageTemplate }));
  return (
    <form className="form card" onSubmit={onSubmit} aria-labelledby="pacing-title">
      <h2 id="pacing-title">{t('pacing.title')}</h2>
      <p className="muted">{t('pacing.help')}</p>
      <div className="form-grid">
        {number('minGapSeconds', t('pacing.minGap'), 10)}
        {number('maxGapSeconds', t('pacing.maxGap'), 10)}
        {number('hourlyCap', t('pacing.hourly'), 1)}
        {number('dailyCap', t('pacing.daily'), 1)}
        <label className="field">
          <span>{t('pacing.quietStart')}</span>
          <input type="time" value={pacing.quietStart} onChange={(e) => setPacing({ ...pacing, quietStart: e.target.value })} required />
        </label>
        <label className="field">
          <span>{t('pacing.quietEnd')}</span>
          <input type="time" value={pacing.quietEnd} onChange={(e) => setPacing({ ...pacing, quietEnd: e.target.value })} required />
        </label>
      </div>
      <label className="check">
        <input type="checkbox" checked={pacing.isSlowStartForNewNumber} onChange={(e) => setPacing({ ...pacing, isSlowStartForNewNumber: e.target.checked })} /> {t('pacing.slowStart')}
      </label>
      <label className="field">
        <span>{t('pacing.optOutReply')}</span>
        <textarea rows={2} value={optOutReply} onChange={(e) => setOptOutReply(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('settings.liveTemplate')}</span>
        <textarea rows={4} value={liveMessageTemplate} onChange={(e) => setLiveMessageTemplate(e.target.value)} />
      </label>
      <div className="actions">
        <button type="submit" className="button button-primary">{t('common.save')}</button>
        {message ? <span role="status">{message}</span> : null}
      </div>
    </form>
  );
};
