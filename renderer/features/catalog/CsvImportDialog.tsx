import { useState } from 'react';
import type { CsvImportResult } from '../../../shared/domain/catalog';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { toFormError } from '../../components/errors';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';

export const CsvImportDialog = ({ onClose }: { onClose(): void }) => {
  const t = useT();
  const locale = useSettings((s) => s.settings.locale);
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<CsvImportResult | null>(null);
  const [isSkipping, setSkipping] = useState(false);
  const [error, setError] = useState('');
  const [isDone, setDone] = useState(false);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    setCsv(text);
    setError('');
    setDone(false);
    try {
      setPreview(await api.call('catalog.importCsv', { csv: text, mode: 'preview' }));
    } catch (e) {
      setPreview(null);
      setError(toFormError(e, t).message);
    }
  };

  const commit = async () => {
    try {
      setPreview(await api.call('catalog.importCsv', { csv, mode: 'commit', skipInvalid: isSkipping }));
      setDone(true);
    } catch (e) {
      setError(toFormError(e, t).message);
    }
  };

  const hasErrors = (preview?.counts.error ?? 0) > 0;
  return (
    <Dialog
      title={t('csv.title')}
      onClose={onClose}
      size="large"
      footer={
        <>
          {hasErrors && !isDone ? (
            <label className="check">
              <input type="checkbox" checked={isSkipping} onChange={(e) => setSkipping(e.target.checked)} /> {t('csv.skip')}
            </label>
          ) : null}
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>{t('common.close')}</button>
          {!isDone ? (
            <button type="button" className="button button-primary" disabled={!preview || (hasErrors && !isSkipping)} onClick={() => void commit()}>
              {t('csv.commit')}
            </button>
          ) : null}
        </>
      }
    >
      <p className="muted">{t('csv.help')}</p>
      <label className="button">
        {t('csv.choose')}
        <input type="file" accept=".csv,text/csv" className="visually-hidden" onChange={(e) => void choose(e.target.files?.[0])} />
      </label>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      {isDone ? <p className="notice" role="status">{t('csv.done')}</p> : null}
      {preview ? (
        <>
          <p>{t('csv.summary', preview.counts)}</p>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr><th scope="col">{t('csv.line')}</th><th scope="col">SKU</th><th scope="col">{t('editor.name')}</th><th scope="col">{t('csv.action')}</th><th scope="col">{t('csv.issues')}</th></tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.line} className={row.action === 'error' ? 'row-error' : ''}>
                    <td>{row.line}</td>
                    <td>{row.sku}</td>
                    <td>{[row.productName, row.variantName].filter(Boolean).join(' – ')}</td>
                    <td>{t(`csv.action.${row.action}`)}</td>
                    <td>{row.issues.map((i) => `${i.field}: ${t(`csvIssue.${i.code}`, { limit: i.limit === undefined ? '' : i.limit.toLocaleString(locale), value: i.value ?? '' })}`).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </Dialog>
  );
};
