import { useEffect, useState } from 'react';
import type { Product } from '../../../shared/domain/catalog';
import type { Order } from '../../../shared/domain/orders';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useMoney } from '../../format';
import { useT } from '../../i18n';

interface Line {
  variantId: number;
  name: string;
  quantity: number;
  unitPrice: number;
}

/** Items can change until the order is packed; a confirmed order's stock follows the change. */
export const ItemsEditor = ({ order, onSaved, onCancel }: { order: Order; onSaved(order: Order): void; onCancel(): void }) => {
  const t = useT();
  const money = useMoney();
  const [lines, setLines] = useState<Line[]>(order.items.map((i) => ({ variantId: i.variantId, name: i.name, quantity: i.quantity, unitPrice: i.unitPrice })));
  const [products, setProducts] = useState<Product[]>([]);
  const [error, setError] = useState('');
  useEffect(() => void api.call('catalog.listProducts', {}).then((r) => setProducts(r.items)), []);

  const add = (variantId: number) => {
    const product = products.find((p) => p.variants.some((v) => v.id === variantId));
    const variant = product?.variants.find((v) => v.id === variantId);
    if (!product || !variant || lines.some((l) => l.variantId === variantId)) return;
    setLines([...lines, { variantId, name: [product.name, variant.name].filter(Boolean).join(' – '), quantity: 1, unitPrice: variant.price }]);
  };
  const save = async () => {
    try {
      onSaved(await api.call('orders.update', { id: order.id, items: lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, unitPrice: l.unitPrice })) }));
    } catch (e) {
      setError(toFormError(e, t).message);
    }
  };
  return (
    <div className="card wide">
      <table className="table">
        <tbody>
          {lines.map((line) => (
            <tr key={line.variantId}>
              <td>{line.name}</td>
              <td>
                <input type="number" min={1} value={line.quantity} aria-label={`${t('orders.quantity')}: ${line.name}`}
                  onChange={(e) => setLines(lines.map((l) => (l.variantId === line.variantId ? { ...l, quantity: Math.max(1, Number.parseInt(e.target.value, 10) || 1) } : l)))} />
              </td>
              <td className="num">{money(line.unitPrice * line.quantity)}</td>
              <td><button type="button" className="icon-button" aria-label={`${t('orders.remove')}: ${line.name}`} disabled={lines.length === 1} onClick={() => setLines(lines.filter((l) => l.variantId !== line.variantId))}>×</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="field">
        <span>{t('orders.addProduct')}</span>
        <select value="" onChange={(e) => add(Number(e.target.value))}>
          <option value="">—</option>
          {products.flatMap((p) => p.variants.filter((v) => !v.isArchived).map((v) => <option key={v.id} value={v.id}>{[p.name, v.name].filter(Boolean).join(' – ')} · {money(v.price)} · {v.stock}</option>))}
        </select>
      </label>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="actions">
        <button type="button" className="button button-primary" onClick={() => void save()}>{t('orders.saveItems')}</button>
        <button type="button" className="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </div>
  );
};
