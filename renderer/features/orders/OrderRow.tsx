import { memo } from 'react';
import type { OrderSummary } from '../../../shared/api/methods/orders';
import type { Label } from '../../../shared/domain/quick';
import { useDate, useMoney } from '../../format';
import { useT } from '../../i18n';
import { LabelChips } from '../quick/LabelChips';

interface OrderRowProps {
  order: OrderSummary;
  labels: Label[];
  labelIds: number[] | undefined;
  onOpen: (id: number) => void;
}

/**
 * One line of Pedidos. Memoized: a keystroke in the search box draws the page again, and a hundred
 * rows that did not change must not be drawn with it.
 */
export const OrderRow = memo(({ order: o, labels, labelIds, onOpen }: OrderRowProps) => {
  const t = useT();
  const money = useMoney();
  const date = useDate();
  return (
    <tr>
      <td className="nowrap"><button type="button" className="link-button nowrap" onClick={() => onOpen(o.id)}>{o.number}</button></td>
      <td><span className={`channel channel-${o.channel}`}>{t(`channel.${o.channel}`)}</span></td>
      <td>{o.customerName || '—'}{o.recordedByName ? <small className="muted recorded-by"> · <bdi>{o.recordedByName}</bdi></small> : null} <LabelChips labels={labels} ids={labelIds} /></td>
      <td className="clip">{o.itemsText}</td>
      <td className="nowrap">{o.deliveryDate ? date(o.deliveryDate) : '—'}</td>
      <td><span className={`status status-${o.status}`}>{t(`orders.status.${o.status}`)}</span></td>
      <td className="num nowrap">{money(o.total)}</td>
      <td className="num nowrap">{o.balanceDue > 0 ? money(o.balanceDue) : '—'}</td>
    </tr>
  );
});
OrderRow.displayName = 'OrderRow';
