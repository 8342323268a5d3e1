import { useState } from 'react';
import type { Order } from '../../../shared/domain/orders';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { VariantPicker, type PickedVariant } from '../../components/VariantPicker';
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
  const [error, setError] = useState('');

  const add = (picked: PickedVariant) => {
    if (lines.some((l) => l.variantId === picked.variantId)) return;
    setLines([...lines, { variantId: picked.variantId, name: picked.name, quantity: 1, unitPrice: picked.price }]);
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
      <VariantPicker label={t('orders.addProduct')} onPick={add} />
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="actions">
        <button type="button" className="button button-primary" onClick={() => void save()}>{t('orders.saveItems')}</button>
        <button type="button" className="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </div>
  );
};
