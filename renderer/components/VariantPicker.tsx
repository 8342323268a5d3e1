import { useState } from 'react';
import { useMoney } from '../format';
import { useT } from '../i18n';
import { useCatalogSearch } from './useCatalogSearch';

export interface PickedVariant {
  variantId: number;
  /** "Labial mate Rojo Pasión – Nude Canela", the way orders and promotions name a variant. */
  name: string;
  price: number;
  stock: number;
}

/**
 * A search box over a select of live variants with price and stock; picking one hands it over and
 * resets. The select starts with the first products by name and follows what she types, so every
 * product of a catalog of thousands can be reached without loading them all.
 */
export const VariantPicker = ({ label, onPick }: { label: string; onPick(variant: PickedVariant): void }) => {
  const t = useT();
  const money = useMoney();
  const [query, setQuery] = useState('');
  const found = useCatalogSearch(query);
  const variants = found.items.flatMap((p) =>
    p.variants.filter((v) => !v.isArchived).map((v) => ({ variantId: v.id, name: [p.name, v.name].filter(Boolean).join(' – '), price: v.price, stock: v.stock })),
  );
  return (
    <div className="field variant-picker">
      <span>{label}</span>
      <div className="variant-picker-row">
        <input type="search" aria-label={t('speedRest.pickerSearch')} placeholder={t('speedRest.pickerHint')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <select
          aria-label={label}
          value=""
          onChange={(e) => {
            const picked = variants.find((v) => v.variantId === Number(e.target.value));
            if (picked) onPick(picked);
          }}
        >
          <option value="">{found.hint || '—'}</option>
          {variants.map((v) => (
            <option key={v.variantId} value={v.variantId}>{`${v.name} · ${money(v.price)} · ${v.stock}`}</option>
          ))}
        </select>
      </div>
    </div>
  );
};
