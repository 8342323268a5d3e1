import type { MethodResult } from '../../../shared/api/contract';
import { useT } from '../../i18n';

/** The one-time code and the QR of the phone page, as a phone is being connected. */
export const PairingCode = ({ pairing, title, testId }: { pairing: MethodResult<'lan.pairingCode'>; title?: string; testId: string }) => {
  const t = useT();
  return (
    <div className="pairing" role="status">
      {title ? <p><strong>{title}</strong></p> : null}
      {pairing.qrDataUrl ? <img src={pairing.qrDataUrl} alt={pairing.url ?? ''} width={180} height={180} /> : null}
      <p>{t('lan.codeShown', { url: pairing.url ?? '', code: pairing.code })}</p>
      <p className="pairing-code" data-testid={testId}>{pairing.code}</p>
    </div>
  );
};
