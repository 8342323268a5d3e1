import { useState } from 'react';
import type { MethodArgs } from '../../../shared/api/contract';
import type { PrintResult } from '../../../shared/api/methods/print';
import type { PromotionItem } from '../../../shared/domain/promotions';
import { api } from '../../api';
import { useT } from '../../i18n';

/** Sheets of labels a seller can cut: small ones for lipsticks, large ones for the front of the stall. */
const sheets = { small: { columns: 3, rows: 8 }, medium: { columns: 2, rows: 6 }, large: { columns: 2, rows: 4 } } as const;
type Sheet = keyof typeof sheets;
const sheetKeys: Sheet[] = ['small', 'medium', 'large'];
const sheetLabel = { small: 'print.tagsSmall', medium: 'print.tagsMedium', large: 'print.tagsLarge' } as const;

/** Price tags for the promotion's products: she ticks which and picks the size of the labels. */
export const PriceTagsPanel = ({ items, isBusy, onMake }: { items: Pick<PromotionItem, 'variantId' | 'name'>[]; isBusy: boolean; onMake(run: () => Promise<PrintResult>): void }) => {
  const t = useT();
  const [chosen, setChosen] = useState<number[]>(items.map((i) => i.variantId));
  const [sheet, setSheet] = useState<Sheet>('small');
  const [paper, setPaper] = useState<MethodArgs<'print.priceTags'>['paper']>('A4');
  const toggle = (variantId: number) => setChosen((current) => (current.includes(variantId) ? current.filter((id) => id !== variantId) : [...current, variantId]));
  const isAll = chosen.length === items.length;
  return (
    <fieldset className="price-tags" data-testid="price-tags">
      <legend>{t('print.tags')}</legend>
      <p className="muted small">{t('print.tagsHelp')}</p>
      <label className="check">
        <input type="checkbox" checked={isAll} onChange={() => setChosen(isAll ? [] : items.map((i) => i.variantId))} /> <strong>{t('print.tagsAll')}</strong>
      </label>
      <div className="tag-choices">
        {items.map((item) => (
          <label key={item.variantId} className="check">
            <input type="checkbox" checked={chosen.includes(item.variantId)} onChange={() => toggle(item.variantId)} /> {item.name}
          </label>
        ))}
      </div>
      <div className="form-grid">
        <label className="field">
          <span>{t('print.tagsSheet')}</span>
          <select value={sheet} onChange={(e) => setSheet(sheetKeys.find((key) => key === e.target.value) ?? 'small')}>
            {sheetKeys.map((key) => <option key={key} value={key}>{t(sheetLabel[key])}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('print.tagsPaper')}</span>
          <select value={paper} onChange={(e) => setPaper(e.target.value === 'Letter' ? 'Letter' : 'A4')}>
            <option value="A4">A4</option>
            <option value="Letter">Carta / Letter</option>
          </select>
        </label>
      </div>
      {chosen.length === 0 ? <p className="muted small">{t('print.tagsNone')}</p> : null}
      <button type="button" className="button button-primary" disabled={isBusy || chosen.length === 0} onClick={() => onMake(() => api.call('print.priceTags', { variantIds: chosen, ...sheets[sheet], paper }))}>
        {t('print.tagsMake', { count: chosen.length })}
      </button>
    </fieldset>
  );
};
