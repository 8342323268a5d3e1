import { useEffect, useState } from 'react';
import type { Product } from '../../shared/domain/catalog';
import { api } from '../api';
import { useMoney } from '../format';

export interface PickedVariant {
  variantId: number;
  /** "Labial mate Rojo Pasión – Nude Canela", the way orders and promotions name a variant. */
  name: string;
  price: number;
  stock: number;
}

/** A select of the live variants (of the first 500 products by name) with price and stock; picking one hands it over and resets. */
export const VariantPicker = ({ label, onPick }: { label: string; onPick(variant: PickedVariant): void }) => {
  const money = useMoney();
  const [products, setProducts] = useState<Product[]>([]);
  useEffect(() => void api.call('catalog.listProducts', { limit: 500 }).then((r) => setProducts(r.items)), []);
  const variants = products.flatMap((p) =>
    p.variants.filter((v) => !v.isArchived).map((v) => ({ variantId: v.id, name: [p.name, v.name].filter(Boolean).join(' – '), price: v.price, stock: v.stock })),
  );
  return (
    <label className="field">
      <span>{label}</span>
      <select
        value=""
        onChange={(e) => {
          const picked = variants.find((v) => v.variantId === Number(e.target.value));
          if (picked) onPick(picked);
        }}
      >
        <option value="">—</option>
        {variants.map((v) => (
          <option key={v.variantId} value={v.variantId}>{`${v.name} · ${money(v.price)} · ${v.stock}`}</option>
        ))}
      </select>
    </label>
  );
};
