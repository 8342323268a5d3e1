import { useEffect, useState } from 'react';
import type { MethodResult } from '../../../shared/api/contract';
import type { PairedDevice } from '../../../shared/api/methods/lan';
import { api } from '../../api';
import { useDateTime } from '../../format';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';
import { PairingCode } from './PairingCode';

/** Off by default: the seller lets a family member's phone in, with a one-time code, and can take it back. */
export const LanSection = () => {
  const t = useT();
  const dateTime = useDateTime();
  const { locale, timeZone } = useSettings((st) => st.settings);
  const day = (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(ms);
  const [status, setStatus] = useState<MethodResult<'lan.status'> | null>(null);
  const [pairing, setPairing] = useState<MethodResult<'lan.pairingCode'> | null>(null);
  const [devices, setDevices] = useState<PairedDevice[]>([]);
  const load = () => {
    void api.call('lan.status', {}).then(setStatus);
    void api.call('lan.devices', {}).then((r) => setDevices(r.items));
  };
  useEffect(load, []);
  const toggle = async () => {
    await api.call(status?.isEnabled ? 'lan.disable' : 'lan.enable', {});
    setPairing(null);
    // The headless shell opens or closes the network door when the setting changes.
    setTimeout(load, 300);
  };
  return (
    <section className="card" aria-labelledby="lan-title">
      <h2 id="lan-title">{t('lan.title')}</h2>
      <p className="muted">{t('lan.help')}</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => void toggle()}>{status?.isEnabled ? t('lan.disable') : t('lan.enable')}</button>
        {status?.isEnabled && status.url ? <button type="button" className="button button-primary" onClick={() => void api.call('lan.pairingCode', {}).then(setPairing)}>{t('lan.code')}</button> : null}
      </div>
      {status?.isEnabled && !status.url ? <p className="muted">{t('lan.desktopOnly')}</p> : null}
      {pairing ? <PairingCode pairing={pairing} testId="pairing-code" /> : null}
      {devices.length > 0 ? (
        <>
          <h3>{t('lan.devices')}</h3>
          <p className="muted">{t('lan.expiryHelp')}</p>
          <ul className="lan-devices" data-testid="lan-devices">
            {devices.map((d) => (
              <li key={d.id}>
                <div>
                  <strong><bdi>{d.name}</bdi></strong>
                  <p className="muted">{t('lan.lastUse')}: {d.lastSeenAt ? dateTime(d.lastSeenAt) : t('lan.neverUsed')}</p>
                  <p className="muted">{t('lan.state')}: {d.isRevoked ? t('lan.revoked') : d.isExpired ? t('lan.expired') : t('lan.expiresOn', { date: day(d.expiresAt) })}</p>
                </div>
                {d.isRevoked ? null : <button type="button" className="button button-quiet" aria-label={`${t('lan.revoke')}: ${d.name}`} onClick={() => void api.call('lan.revoke', { id: d.id }).then(load)}>{t('lan.revoke')}</button>}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
};
