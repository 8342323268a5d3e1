import { useState } from 'react';
import { api } from '../../api';
import { useT } from '../../i18n';

const isDesktop = typeof window !== 'undefined' && window.chasqui !== undefined;

/** Always visible in the demo shop, so nobody mistakes it for her own. */
export const DemoBanner = () => {
  const t = useT();
  const [hint, setHint] = useState('');
  const back = async () => {
    const result = await api.call('desktop.switchShop', { to: 'own' });
    if (!result.isDone) setHint(t('demo.backHint'));
  };
  return (
    <p className="demo-banner" role="note">
      <strong>{t('demo.banner')}</strong> {t('demo.bannerHelp')}{' '}
      {isDesktop ? <button type="button" className="button" onClick={() => void back()}>{t('demo.back')}</button> : null}
      {hint ? <span className="muted">{hint}</span> : null}
    </p>
  );
};
