import { useState } from 'react';
import type { PrintResult } from '../../../shared/api/methods/print';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useT } from '../../i18n';

const isDesktop = typeof window !== 'undefined' && window.chasqui !== undefined;

/** Nota de venta of this order: a PDF to print, or a PNG to send in the chat; the number stays the same each time. */
export const SalesNoteButtons = ({ orderId }: { orderId: number }) => {
  const t = useT();
  const [ready, setReady] = useState<(PrintResult & { number: string }) | null>(null);
  const [error, setError] = useState('');
  const make = (format: 'pdf' | 'png') => {
    setError('');
    api.call('payments.salesNote', { orderId, format }).then(setReady, (e: unknown) => setError(toFormError(e, t).message));
  };
  return (
    <div className="sales-note">
      <div className="actions">
        <button type="button" className="button" onClick={() => make('pdf')}>🧾 {t('salesNote.pdf')}</button>
        <button type="button" className="button" onClick={() => make('png')}>🖼️ {t('salesNote.png')}</button>
      </div>
      {ready ? (
        <p className="notice actions" role="status">
          <a href={ready.url} download={ready.fileName}>{t('salesNote.ready', { number: ready.number })}</a>
          {isDesktop ? <button type="button" className="button" onClick={() => void api.call('desktop.openFile', { path: ready.path })}>{t('print.open')}</button> : null}
        </p>
      ) : null}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </div>
  );
};
