import type { MethodResult } from '../../../shared/api/contract';
import { useT } from '../../i18n';

type Pairing = MethodResult<'lan.pairingCode'>;

/** Once per phone: the page that installs the shop's certificate, its fingerprint, and how, in plain words. */
const InstallCertificate = ({ certificate }: { certificate: NonNullable<Pairing['certificate']> }) => {
  const t = useT();
  return (
    <section className="pairing-step" aria-labelledby="pairing-cert-title">
      <h3 id="pairing-cert-title">1. {t('lanHttps.firstTime')}</h3>
      <p className="muted">{t('lanHttps.why')}</p>
      {certificate.qrDataUrl ? <img src={certificate.qrDataUrl} alt={certificate.installUrl} width={150} height={150} /> : null}
      <p>{t('lanHttps.scanInstall', { url: certificate.installUrl })}</p>
      <p className="muted">{t('lanHttps.fingerprint')}</p>
      <p className="pairing-fingerprint" data-testid="pairing-fingerprint">{certificate.fingerprint}</p>
      <details>
        <summary>{t('lanHttps.howTo')}</summary>
        <h4>{t('lanHttps.android')}</h4>
        <ol>
          <li>{t('lanHttps.android1')}</li>
          <li>{t('lanHttps.android2')}</li>
          <li>{t('lanHttps.android3')}</li>
        </ol>
        <h4>{t('lanHttps.iphone')}</h4>
        <ol>
          <li>{t('lanHttps.iphone1')}</li>
          <li>{t('lanHttps.iphone2')}</li>
          <li>{t('lanHttps.iphone3')}</li>
        </ol>
      </details>
    </section>
  );
};

/** The one-time code and the QR of the phone page (HTTPS), after the shop's certificate is on the phone. */
export const PairingCode = ({ pairing, title, testId }: { pairing: Pairing; title?: string; testId: string }) => {
  const t = useT();
  return (
    <div className="pairing" role="status">
      {title ? <p><strong>{title}</strong></p> : null}
      <div className="pairing-steps">
        {pairing.certificate ? <InstallCertificate certificate={pairing.certificate} /> : null}
        <section className="pairing-step" aria-labelledby="pairing-app-title">
          {pairing.certificate ? <h3 id="pairing-app-title">2. {t('lanHttps.then')}</h3> : null}
          {pairing.qrDataUrl ? <img src={pairing.qrDataUrl} alt={pairing.url ?? ''} width={180} height={180} /> : null}
          <p>{pairing.certificate ? t('lanHttps.scanApp', { url: pairing.url ?? '', code: pairing.code }) : t('lan.codeShown', { url: pairing.url ?? '', code: pairing.code })}</p>
          <p className="pairing-code" data-testid={testId}>{pairing.code}</p>
          {pairing.certificate ? <p className="muted">{t('lanHttps.notPrivate')}</p> : null}
        </section>
      </div>
    </div>
  );
};
