import { useState } from 'react';
import type { MethodArgs } from '../../../shared/api/contract';
import type { PrintResult } from '../../../shared/api/methods/print';
import type { PromotionItem } from '../../../shared/domain/promotions';
import { ChasquiError } from '../../../shared/api/errors';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';
import { PriceTagsPanel } from './PriceTagsPanel';

/** Each button makes the real file in the data folder and offers it as a download. */
// The desktop can hand files to the system's viewer and file manager; a browser downloads them.
const isDesktop = typeof window !== 'undefined' && window.chasqui !== undefined;

export const PrintButtons = ({ promotionId, items }: { promotionId: number; items: PromotionItem[] }) => {
  const t = useT();
  const hasWhatsapp = useSettings((s) => s.settings.whatsappNumber) !== '';
  const [isTagsOpen, setTagsOpen] = useState(false);
  const [isContactMissing, setContactMissing] = useState(false);
  const [ready, setReady] = useState<PrintResult | null>(null);
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  const make = async (label: string, run: () => Promise<PrintResult>) => {
    setBusy(label);
    setError('');
    setContactMissing(false);
    try {
      setReady(await run());
    } catch (e) {
      // The sheet is refused without a number to write to: say so with the way to fix it.
      if (e instanceof ChasquiError && e.code === 'whatsapp_number_missing') setContactMissing(true);
      else setError(toFormError(e, t).message);
    } finally {
      setBusy('');
    }
  };
  const sheet = (paper: MethodArgs<'print.promoSheet'>['paper']) => () => api.call('print.promoSheet', { promotionId, paper });
  return (
    <section className="print-kit" aria-labelledby="print-title">
      <h3 id="print-title">{t('promo.print')}</h3>
      <div className="actions">
        <button type="button" className="button" disabled={busy !== ''} onClick={() => void make('a4', sheet('A4'))}>{t('promo.sheetA4')}</button>
        <button type="button" className="button" disabled={busy !== ''} onClick={() => void make('letter', sheet('Letter'))}>{t('promo.sheetLetter')}</button>
        <button type="button" className="button" disabled={busy !== ''} onClick={() => void make('square', () => api.call('print.promoImage', { promotionId, format: 'square' }))}>{t('promo.square')}</button>
        <button type="button" className="button" disabled={busy !== ''} onClick={() => void make('story', () => api.call('print.promoImage', { promotionId, format: 'story' }))}>{t('promo.story')}</button>
        <button type="button" className="button" aria-expanded={isTagsOpen} onClick={() => setTagsOpen(!isTagsOpen)}>{t('print.tags')}</button>
      </div>
      {!hasWhatsapp || isContactMissing ? (
        <p className="warning-box" role="note" data-testid="no-whatsapp">
          {t('print.noWhatsapp')} <a href="#/ajustes">{t('print.goSettings')}</a>
        </p>
      ) : null}
      {isTagsOpen ? <PriceTagsPanel items={items} isBusy={busy !== ''} onMake={(run) => void make('tags', run)} /> : null}
      {busy ? <p className="muted" role="status">{t('common.loading')}</p> : null}
      {ready ? (
        <p className="notice actions" role="status">
          <a href={ready.url} download={ready.fileName} data-testid="print-ready">{t('promo.ready', { name: ready.fileName })}</a>
          {isDesktop ? (
            <>
              <button type="button" className="button" onClick={() => void api.call('desktop.openFile', { path: ready.path })}>{t('print.open')}</button>
              <button type="button" className="button" onClick={() => void api.call('desktop.showInFolder', { path: ready.path })}>{t('print.showInFolder')}</button>
            </>
          ) : null}
        </p>
      ) : null}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </section>
  );
};
