import type { FormError } from '../../components/errors';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';
import { newVariantDraft, suggestSku, type VariantDraft } from './variantForm';

interface VariantRowsProps {
  variants: VariantDraft[];
  productName: string;
  error: FormError | null;
  onChange(variants: VariantDraft[]): void;
  /** On a saved product, stock only changes through the Stock dialog (so every movement is recorded). */
  onStock?(): void;
}

export const VariantRows = ({ variants, productName, error, onChange, onStock }: VariantRowsProps) => {
  const t = useT();
  const currency = useSettings((s) => s.settings.currency);
  const edit = (key: string, changes: Partial<VariantDraft>) => onChange(variants.map((v) => (v.key === key ? { ...v, ...changes } : v)));
  const errorFor = (index: number) => (error?.field?.startsWith(`variants.${index}.`) || error?.field === `variants.${index}` ? error.message : '');
  const fieldOf = (index: number) => error?.field?.split('.')[2];
  return (
    <fieldset className="variants">
      <legend>{t('editor.variants')}</legend>
      <table className="variant-table">
        <thead>
          <tr>
            <th scope="col">{t('editor.variantName')}</th>
            <th scope="col">{t('editor.sku')}</th>
            <th scope="col">{t('editor.price')} ({currency})</th>
            <th scope="col">{t('editor.cost')}</th>
            <th scope="col">{onStock ? t('editor.currentStock') : t('editor.initialStock')}</th>
            <th scope="col"><span className="visually-hidden">{t('editor.removeVariant')}</span></th>
          </tr>
        </thead>
        <tbody>
          {variants.map((v, index) => (
            <tr key={v.key}>
              <td>
                <input aria-label={`${t('editor.variantName')} ${index + 1}`} value={v.name} placeholder="Rojo Pasión" maxLength={80}
                  onChange={(e) => edit(v.key, { name: e.target.value })} />
              </td>
              <td>
                <input aria-label={`${t('editor.sku')} ${index + 1}`} value={v.sku} maxLength={40} aria-invalid={errorFor(index) !== '' && fieldOf(index) === 'sku'}
                  placeholder={suggestSku(productName, v.name)}
                  onChange={(e) => edit(v.key, { sku: e.target.value.toUpperCase() })} />
              </td>
              <td>
                <input aria-label={`${t('editor.price')} ${index + 1}`} value={v.price} inputMode="decimal" placeholder="25.00" aria-invalid={errorFor(index) !== '' && fieldOf(index) === 'price'}
                  onChange={(e) => edit(v.key, { price: e.target.value })} />
              </td>
              <td>
                <input aria-label={`${t('editor.cost')} ${index + 1}`} value={v.cost} inputMode="decimal" onChange={(e) => edit(v.key, { cost: e.target.value })} />
              </td>
              <td>
                {v.id === undefined ? (
                  <input aria-label={`${t('editor.initialStock')} ${index + 1}`} type="number" min={0} value={v.initialStock}
                    onChange={(e) => edit(v.key, { initialStock: e.target.value })} />
                ) : (
                  <output aria-label={`${t('editor.currentStock')} ${index + 1}`}>{v.stock}</output>
                )}
              </td>
              <td>
                {variants.length > 1 ? (
                  <button type="button" className="icon-button" aria-label={`${t('editor.removeVariant')} ${index + 1}`}
                    onClick={() => onChange(variants.filter((x) => x.key !== v.key))}>×</button>
                ) : null}
              </td>
            </tr>
          ))}
          {variants.map((_, index) =>
            errorFor(index) ? (
              <tr key={`error-${index}`}>
                <td colSpan={6}><p className="field-error" role="alert">{`${index + 1}: ${errorFor(index)}`}</p></td>
              </tr>
            ) : null,
          )}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="button button-quiet" onClick={() => onChange([...variants, newVariantDraft()])}>
          + {t('editor.addVariant')}
        </button>
        {onStock ? (
          <>
            <button type="button" className="button" onClick={onStock}>{t('stock.button')}</button>
            <small className="muted">{t('editor.currentStockHelp')}</small>
          </>
        ) : null}
      </div>
    </fieldset>
  );
};
