import { useState } from 'react';
import { paymentDetailKinds, type PaymentDetail } from '../../../shared/domain/payments';
import { api } from '../../api';
import { fileToBase64 } from '../../components/files';
import { LogoImage } from '../../components/LogoImage';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';
import { useSaveSettings } from './useSaveSettings';

const blank: PaymentDetail = { kind: 'yape', label: 'Yape', number: '', holder: '', cci: '', qrMediaId: '' };

/** Her Yape/Plin numbers, bank account and CCI, QR and cash on delivery: what customers need to pay her. */
export const PaymentMethodsSection = () => {
  const t = useT();
  const settings = useSettings((s) => s.settings);
  const [details, setDetails] = useState<PaymentDetail[]>(settings.paymentDetails);
  const { message, onSubmit } = useSaveSettings(() => ({ paymentDetails: details }));
  const edit = (index: number, changes: Partial<PaymentDetail>) => setDetails(details.map((d, i) => (i === index ? { ...d, ...changes } : d)));
  return (
    <form className="form card" onSubmit={onSubmit} aria-labelledby="payment-methods-title">
      <h2 id="payment-methods-title">{t('payments.methodsTitle')}</h2>
      <p className="muted">{t('payments.methodsHelp')}</p>
      {details.length === 0 ? <p className="muted">{t('payments.none')}</p> : null}
      {details.map((detail, i) => (
        <fieldset key={i} className="form-grid payment-detail">
          <label className="field">
            <span>{t('payments.kind')}</span>
            <select value={detail.kind} onChange={(e) => {
              const kind = paymentDetailKinds.find((k) => k === e.target.value) ?? 'other';
              edit(i, { kind, label: detail.label === t(`payments.kind.${detail.kind}`) || !detail.label ? t(`payments.kind.${kind}`) : detail.label });
            }}>
              {paymentDetailKinds.map((k) => <option key={k} value={k}>{t(`payments.kind.${k}`)}</option>)}
            </select>
          </label>
          <label className="field">
            <span>{t('payments.label')}</span>
            <input value={detail.label} maxLength={40} required onChange={(e) => edit(i, { label: e.target.value })} />
          </label>
          {detail.kind === 'cash' ? null : (
            <>
              <label className="field">
                <span>{t('payments.number')}</span>
                <input value={detail.number} maxLength={40} inputMode={detail.kind === 'bank' ? 'numeric' : 'tel'} onChange={(e) => edit(i, { number: e.target.value })} />
              </label>
              <label className="field">
                <span>{t('payments.holder')}</span>
                <input value={detail.holder} maxLength={80} onChange={(e) => edit(i, { holder: e.target.value })} />
              </label>
            </>
          )}
          {detail.kind === 'bank' ? (
            <label className="field">
              <span>{t('payments.cci')}</span>
              <input value={detail.cci} maxLength={30} inputMode="numeric" onChange={(e) => edit(i, { cci: e.target.value })} />
            </label>
          ) : null}
          {detail.kind === 'yape' || detail.kind === 'plin' || detail.kind === 'other' ? (
            <div className="field">
              <span>{t('payments.qr')}</span>
              <div className="actions">
                {detail.qrMediaId ? <LogoImage className="thumb" mediaId={detail.qrMediaId} /> : null}
                <input type="file" accept="image/jpeg,image/png,image/webp" aria-label={`${t('payments.qr')} ${detail.label}`}
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    if (file) void fileToBase64(file).then((data) => api.call('media.upload', { fileName: file.name, dataBase64: data })).then((photo) => edit(i, { qrMediaId: photo.id }));
                  }} />
                {detail.qrMediaId ? <button type="button" className="button button-quiet" onClick={() => edit(i, { qrMediaId: '' })}>{t('payments.removeQr')}</button> : null}
              </div>
            </div>
          ) : null}
          <div className="field">
            <span aria-hidden="true">&nbsp;</span>
            <button type="button" className="button button-quiet" onClick={() => setDetails(details.filter((_, j) => j !== i))}>{t('payments.remove')}</button>
          </div>
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" className="button" onClick={() => setDetails([...details, { ...blank, label: t('payments.kind.yape') }])}>{t('payments.add')}</button>
        <button type="submit" className="button button-primary">{t('common.save')}</button>
        {message ? <span role="status">{message}</span> : null}
      </div>
    </form>
  );
};
