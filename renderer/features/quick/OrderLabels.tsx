import { useLabels } from './useLabels';
import { LabelPicker } from './LabelPicker';

/** Her labels on one order, in the order's window. */
export const OrderLabels = ({ orderId }: { orderId: number }) => {
  const { labels } = useLabels();
  return labels.length > 0 ? <LabelPicker target="order" id={orderId} labels={labels} /> : null;
};
